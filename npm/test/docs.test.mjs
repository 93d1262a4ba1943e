// The documentation (rule docs and sources, botocore's field docs) is not in the .wasm: it is
// dist/ecslint_docs.{js,cjs}, loaded when first needed (Node) or by init() (browsers), and
// handed to every instance, a fresh one after a panic too. That what it shows is the native
// CLI's, byte for byte, is parity.test.mjs's part.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as ecslint from 'ecslint';

import { TASK, npmDir, removeTree, tempTree } from './helpers.mjs';

const dist = path.join(npmDir, 'dist');
const require = createRequire(import.meta.url);

test('the .wasm holds no documentation text; the docs modules hold all of it', async () => {
  const wasm = fs.readFileSync(path.join(dist, 'ecslint_wasm_bg.wasm'));
  const text = require(path.join(dist, 'ecslint_docs.cjs'));
  assert.equal((await import(pathToFileURL(path.join(dist, 'ecslint_docs.js')).href)).default, text);
  const rules = ecslint.rules();
  const image = ecslint.schema('task-definition').$defs.ContainerDefinition.properties.image.description;
  const quote = rules.flatMap((r) => r.sources).find((s) => s.type === 'api-reference').quote;
  const samples = {
    'a rule doc section': '## Why is this bad?',
    "a rule's example": rules.find((r) => r.id === 'unknown-field').docs.split('\n').find((l) => l.length > 40),
    'a field doc': image.slice(0, 60),
    'a source quote': quote.slice(0, 60),
  };
  for (const [what, sample] of Object.entries(samples)) {
    assert.ok(sample && sample.length > 15, what);
    assert.equal(wasm.includes(sample), false, `${what} is in the .wasm: ${sample}`);
    assert.ok(text.includes(what === 'a source quote' ? JSON.stringify(sample).slice(1, -1) : sample), `${what} is in the docs`);
  }
  // `ecslint-docs`, the version, then key, text pairs (crates/ecslint-core/src/docs.rs).
  const [magic, version, ...pairs] = text.split('\0');
  assert.equal(magic, 'ecslint-docs');
  assert.equal(version, ecslint.version());
  const keys = pairs.filter((_, i) => i % 2 === 0);
  const ids = keys.filter((k) => k.startsWith('rule ')).map((k) => k.slice('rule '.length));
  assert.deepEqual(ids, rules.map((r) => r.id).sort());
  assert.deepEqual(keys, [...keys].sort());
});

/** Runs a CommonJS script in a fresh Node (its own module cache and instance). */
function node(script) {
  const run = spawnSync(process.execPath, ['-e', script], { cwd: npmDir, encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  return run.stdout;
}

test('Node requires the docs on demand, and hands them to a fresh instance after a panic', () => {
  const out = node(`
    const ecslint = require('.');
    const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('ecslint_docs.cjs'));
    const task = ${JSON.stringify(TASK)};
    const json = ecslint.formatReport(ecslint.lint(task), 'json');
    console.log(loaded(), json.length > 0);
    const docs = ecslint.explain('invalid-type');
    console.log(loaded(), docs.startsWith('invalid-type (error, structure)\\n\\n## What it does'));
    try { ecslint.__panicForTests(); } catch (e) { console.log(e.code); }
    console.log(ecslint.explain('invalid-type') === docs, ecslint.rules().every((r) => r.docs && r.sources.length));
    const sarif = JSON.parse(ecslint.formatReport(ecslint.lint(task), 'sarif'));
    console.log(sarif.runs[0].tool.driver.rules.every((r) => r.help.markdown.includes('## What it does')));
  `);
  assert.equal(out, 'false true\ntrue true\ninternal\ntrue true\ntrue\n');
});

test('browser entry: initSync() then the docs in the background; await init() waits for them', async () => {
  const browser = await import(new URL('../src/browser.js?initsync', import.meta.url));
  browser.initSync(fs.readFileSync(path.join(dist, 'ecslint_wasm_bg.wasm')));
  assert.equal(browser.lint(TASK).files[0].kind, 'task-definition');
  assert.throws(
    () => browser.rules(),
    (e) => e.code === 'not-initialized' && /documentation is still loading: `await init\(\)` first/.test(e.message),
  );
  assert.throws(() => browser.formatReport(browser.lint(TASK), 'sarif'), (e) => e.code === 'not-initialized');
  assert.match(browser.formatReport(browser.lint(TASK), 'github'), /^::error /m, 'other formats need no docs');
  await browser.init();
  assert.deepEqual(browser.rules(), ecslint.rules());
  assert.equal(browser.explain('unknown-field'), ecslint.explain('unknown-field'));
  assert.deepEqual(browser.schema('service'), ecslint.schema('service'));
});

test('browser entry: without its docs module, init() resolves, linting works, the docs say why', async () => {
  // A copy of the package without dist/ecslint_docs.js (as a bundle that lost the chunk).
  const dir = tempTree({});
  try {
    for (const sub of ['src', 'dist']) fs.cpSync(path.join(npmDir, sub), path.join(dir, sub), { recursive: true });
    fs.copyFileSync(path.join(npmDir, 'package.json'), path.join(dir, 'package.json'));
    fs.rmSync(path.join(dir, 'dist', 'ecslint_docs.js'));
    const browser = await import(pathToFileURL(path.join(dir, 'src', 'browser.js')).href);
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url) =>
      new Response(fs.readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } });
    try {
      await browser.init();
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(browser.lint(TASK), ecslint.lint(TASK));
    for (const call of [() => browser.rules(), () => browser.explain('unknown-field'), () => browser.schema('service')]) {
      assert.throws(call, (e) => {
        assert.equal(e.code, 'not-initialized');
        assert.match(e.message, /^ecslint: the documentation \(ecslint_docs\.js\) could not be loaded: /);
        assert.ok(e.cause instanceof Error);
        return true;
      });
    }
  } finally {
    removeTree(dir);
  }
});
