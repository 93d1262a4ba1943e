// `npm pack` makes a tarball that installs into an empty directory without the registry (no
// runtime dependencies) and works there: require, import, the types and the bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { TASK, npmDir, removeTree, tempTree } from './helpers.mjs';

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args, cwd) {
  const run = spawnSync(npmCommand, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(run.status, 0, `npm ${args.join(' ')}\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

test('npm pack installs offline into an empty directory and works there', () => {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-pack-'));
  const app = tempTree({
    'package.json': '{"name": "app", "private": true}\n',
    'taskdef.json': TASK,
    'cjs.cjs': `const e = require('ecslint');\nconsole.log(e.lint(require('fs').readFileSync('taskdef.json')).files[0].kind);\nconsole.log(e.explain('unknown-field').split('\\n')[0]);\n`,
    'esm.mjs': `import { lint, version } from 'ecslint';\nimport fs from 'node:fs';\nconsole.log(lint(fs.readFileSync('taskdef.json', 'utf8')).files[0].kind, version());\n`,
  });
  try {
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], npmDir));
    const names = packed.files.map((f) => f.path).sort();
    for (const expected of [
      'bin/ecslint.js',
      'dist/ecslint_wasm_bg.wasm',
      'dist/ecslint_wasm.js',
      'dist/ecslint_wasm_node.cjs',
      'dist/ecslint_docs.js',
      'dist/ecslint_docs.cjs',
      'dist/api.cjs',
      'dist/index.d.cts',
      'src/index.d.ts',
      'src/node.cjs',
      'src/node.mjs',
      'src/browser.js',
      'package.json',
      'README.md',
    ]) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(' ')}`);
    }
    assert.ok(!names.some((n) => n.startsWith('test/') || n.startsWith('node_modules/') || n.startsWith('scripts/')));
    const tarball = path.join(packDir, packed.filename);
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app);

    const node = (args) => spawnSync(process.execPath, args, { cwd: app, encoding: 'utf8' });
    assert.equal(node(['cjs.cjs']).stdout, 'task-definition\nunknown-field (error, structure)\n');
    assert.equal(node(['esm.mjs']).stdout, `task-definition ${packed.version}\n`);
    const bin = path.join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'ecslint.cmd' : 'ecslint');
    const check = spawnSync(bin, ['check', '--format', 'json', 'taskdef.json'], { cwd: app, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.equal(JSON.parse(check.stdout).files[0].path, 'taskdef.json');
    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8' });
    assert.equal(version.stdout, `ecslint ${packed.version}\n`);
  } finally {
    removeTree(packDir);
    removeTree(app);
  }
});
