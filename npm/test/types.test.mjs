// The TypeScript declarations: the report types in src/index.d.ts match real reports (every
// object has exactly the declared members, in order), and a TypeScript user's code
// type-checks, from `import` and from `require`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { fix, lint, lintPair } from 'ecslint';

import { TASK, fixturesDir, jsonFiles, npmDir, specsDir } from './helpers.mjs';

/** `interface Name { a: …; b?: …; }` of the report section → { Name: ['a', 'b'] }. */
function declaredInterfaces() {
  const dts = fs.readFileSync(path.join(npmDir, 'src', 'index.d.ts'), 'utf8');
  const section = dts.slice(dts.indexOf('// ---- report types'), dts.indexOf('// ---- end of report types'));
  const interfaces = {};
  for (const match of section.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    interfaces[match[1]] = [...match[2].matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
  }
  return interfaces;
}

test('the report types are the Rust contract', () => {
  const types = declaredInterfaces();
  assert.deepEqual(Object.keys(types).sort(), [
    'DeployedBy', 'FileReport', 'Position', 'Report', 'ReportDiagnostic', 'ReportEdit', 'ReportFix', 'ReportRelated', 'Span', 'Summary',
  ]);
  const seen = new Set();
  const check = (value, type) => {
    assert.deepEqual(Object.keys(value), types[type], type);
    seen.add(type);
    const span = (s) => {
      check(s, 'Span');
      check(s.start, 'Position');
      check(s.end, 'Position');
    };
    if (type === 'Report') {
      check(value.summary, 'Summary');
      value.files.forEach((f) => check(f, 'FileReport'));
    } else if (type === 'FileReport') {
      value.diagnostics.forEach((d) => check(d, 'ReportDiagnostic'));
      if (value.deployer) check(value.deployer, 'DeployedBy');
      value.deployers.forEach((d) => check(d, 'DeployedBy'));
    } else if (type === 'ReportDiagnostic') {
      span(value.range);
      if (value.fix) check(value.fix, 'ReportFix');
      value.related.forEach((r) => check(r, 'ReportRelated'));
    } else if (type === 'ReportFix') {
      value.edits.forEach((e) => check(e, 'ReportEdit'));
    } else if (type === 'ReportEdit' || type === 'ReportRelated') {
      span(value.range);
    }
  };
  for (const file of [...jsonFiles(fixturesDir), ...jsonFiles(specsDir)]) {
    check(lint(fs.readFileSync(file), { path: file }), 'Report');
  }
  check(lintPair(TASK, 's.json', TASK, 't.json'), 'Report');
  check(fix(TASK).report, 'Report');
  assert.deepEqual([...seen].sort(), Object.keys(types).sort(), 'every type seen in a real report');
});

test('TypeScript code using the package type-checks (import and require)', () => {
  const tsc = path.join(npmDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '--project', path.join('test', 'types', 'tsconfig.json')],
    { cwd: npmDir, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
