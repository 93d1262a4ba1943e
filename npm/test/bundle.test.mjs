// Bundler smoke test: esbuild bundles a tiny browser script that imports the package (the
// `browser` entry: ES module glue, no Node built-ins) and its .wasm asset, the asset is
// emitted, the documentation becomes a chunk of its own (code splitting), and the bundle runs
// (in Node, with `fetch` reading file: URLs as a browser would fetch the asset over HTTP).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import * as esbuild from 'esbuild';

import { npmDir, removeTree, tempTree } from './helpers.mjs';

const APP = `
import { init, lint, formatReport, explain, schema } from 'ecslint';
// esbuild does not rewrite new URL('…', import.meta.url): import the asset with the file loader.
import wasmUrl from 'ecslint/ecslint_wasm_bg.wasm';

await init(new URL(wasmUrl, import.meta.url));
const report = lint('{"family": "web", "cpu": 256, "containerDefinitions": []}', { path: 'td.json' });
console.log(formatReport(report, 'github').trim().split('\\n').find((l) => l.startsWith('::error')));
console.log(explain('invalid-type').split('\\n')[0]);
console.log(schema('task-definition').$defs.ContainerDefinition.properties.image.description.split(' ')[0]);
`;

const RUNNER = `
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
globalThis.fetch = async (url) => new Response(fs.readFileSync(fileURLToPath(url)), {
  headers: { 'content-type': 'application/wasm' },
});
await import(pathToFileURL(process.argv[2]).href);
`;

test('esbuild bundles the browser entry, emits the .wasm asset and a docs chunk; the bundle runs', async () => {
  const dir = tempTree({ 'app.js': APP, 'runner.mjs': RUNNER });
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(npmDir, path.join(dir, 'node_modules', 'ecslint'), 'dir');
    const result = await esbuild.build({
      absWorkingDir: dir,
      entryPoints: ['app.js'],
      bundle: true,
      format: 'esm',
      splitting: true,
      platform: 'browser',
      target: 'es2022',
      outdir: 'out',
      loader: { '.wasm': 'file' },
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const out = fs.readdirSync(path.join(dir, 'out'));
    const assets = out.filter((f) => f.endsWith('.wasm'));
    assert.equal(assets.length, 1, out.join(' '));
    const wasm = fs.readFileSync(path.join(dir, 'out', assets[0]));
    assert.ok(wasm.equals(fs.readFileSync(path.join(npmDir, 'dist', 'ecslint_wasm_bg.wasm'))));
    const bundle = fs.readFileSync(path.join(dir, 'out', 'app.js'), 'utf8');
    assert.ok(!/readFileSync|require\(/.test(bundle), 'no Node glue in a browser bundle');
    assert.ok(bundle.length < 100_000, `the JS stays small: ${bundle.length} bytes`);
    // The documentation is a chunk that the bundle imports when init() runs.
    const docs = out.filter((f) => f.startsWith('ecslint_docs') && f.endsWith('.js'));
    assert.equal(docs.length, 1, out.join(' '));
    assert.ok(!bundle.includes('## What it does'), 'the docs are not in the main bundle');
    assert.ok(bundle.includes(docs[0]), 'the bundle imports the docs chunk');
    const run = spawnSync(process.execPath, [path.join(dir, 'runner.mjs'), path.join(dir, 'out', 'app.js')], {
      encoding: 'utf8',
    });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^::error file=td\.json,line=1,col=26,endLine=1,endColumn=29,title=ecslint invalid-type::/);
    assert.match(run.stdout, /\ninvalid-type \(error, structure\)\nThe\n$/);
  } finally {
    removeTree(dir);
  }
});
