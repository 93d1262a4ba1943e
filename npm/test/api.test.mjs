// The library API on the real wasm: Node `import` and `require`, the browser entry, options,
// errors, fixes, rules, schemas, formats, and a Rust panic becoming a readable error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as ecslint from 'ecslint';
import ecslintDefault from 'ecslint';

import { TASK, npmDir, repoDir } from './helpers.mjs';

const require = createRequire(import.meta.url);

test('import and require give the same API', () => {
  const cjs = require('ecslint');
  for (const name of ['lint', 'lintPair', 'fix', 'rules', 'explain', 'schema', 'formatReport', 'version']) {
    assert.equal(typeof ecslint[name], 'function', name);
    assert.equal(cjs[name], ecslint[name], `${name}: one instance for import and require`);
  }
  assert.equal(ecslintDefault.lint, ecslint.lint);
  assert.equal(cjs.default, cjs);
});

test('the version is the package version and the workspace version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(npmDir, 'package.json'), 'utf8'));
  const cargo = fs.readFileSync(path.join(repoDir, 'Cargo.toml'), 'utf8');
  const workspace = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
  assert.equal(ecslint.version(), pkg.version);
  assert.equal(pkg.version, workspace);
});

test('lint returns the JSON contract with one file entry', async () => {
  await ecslint.init(); // a no-op in Node
  const report = ecslint.lint(TASK, { path: 'taskdef.json' });
  assert.equal(report.version, 1);
  assert.equal(report.files.length, 1);
  const [file] = report.files;
  assert.equal(file.path, 'taskdef.json');
  assert.equal(file.kind, 'task-definition');
  const cpu = file.diagnostics.find((d) => d.pointer === '/cpu');
  assert.equal(cpu.rule, 'invalid-type');
  assert.equal(cpu.severity, 'error');
  assert.deepEqual(cpu.range.start, { line: 5, column: 10, offset: TASK.indexOf('256') });
  assert.equal(cpu.fix.applicability, 'safe');
  assert.deepEqual(cpu.fix.edits[0].newText, '"256"');
  assert.deepEqual(Object.keys(report), ['version', 'files', 'skipped', 'summary']);
  assert.deepEqual(report.skipped, []);
  assert.equal(report.summary.files, 1);
  assert.equal(
    report.summary.errors,
    file.diagnostics.filter((d) => d.severity === 'error').length,
  );
  assert.equal(ecslint.lint('{}').files[0].path, '<input>');
});

test('bytes are linted as a file is (invalid UTF-8 is a diagnostic)', () => {
  const bytes = new Uint8Array([0x7b, 0x22, 0x66, 0xff, 0x22, 0x7d]);
  const [file] = ecslint.lint(bytes, { path: 'latin1.json' }).files;
  assert.equal(file.diagnostics[0].rule, 'invalid-utf8');
  const same = ecslint.lint(new TextEncoder().encode(TASK)).files[0].diagnostics;
  assert.deepEqual(same, ecslint.lint(TASK).files[0].diagnostics);
});

test('options: kind, config (TOML, JSON, object), select, ignore, assume, reportUnknownKind', () => {
  const rules = (options) => ecslint.lint(TASK, options).files[0].diagnostics.map((d) => d.rule);
  assert.ok(rules().includes('unknown-field'));
  assert.equal(ecslint.lint(TASK, { kind: 'container-definitions' }).files[0].kind, 'container-definitions');
  for (const config of ['ignore = ["unknown-field"]', '{"ignore": ["unknown-field"]}', { ignore: ['unknown-field'] }]) {
    assert.ok(!rules({ config }).includes('unknown-field'), JSON.stringify(config));
  }
  assert.deepEqual([...new Set(rules({ select: ['invalid-type'] }))], ['invalid-type']);
  assert.ok(!rules({ ignore: ['structure'] }).includes('invalid-type'));
  // --select wins over a level set in [rules], as on the command line.
  const levels = '[rules]\nunknown-field = "warning"\n';
  assert.ok(!rules({ config: levels, select: ['invalid-type'] }).includes('unknown-field'));
  const warned = ecslint.lint(TASK, { config: levels }).files[0].diagnostics.find((d) => d.rule === 'unknown-field');
  assert.equal(warned.severity, 'warning');
  const bare = '{"containerDefinitions": [{"name": "a", "image": "nginx", "memory": 512}]}';
  assert.notDeepEqual(
    ecslint.lint(bare, { assume: { launchType: 'FARGATE' } }).files[0].diagnostics.map((d) => d.rule),
    ecslint.lint(bare).files[0].diagnostics.map((d) => d.rule),
  );
  assert.equal(ecslint.lint('{"name": "x"}').files[0].diagnostics[0].rule, 'unknown-document-kind');
  assert.deepEqual(ecslint.lint('{"name": "x"}', { reportUnknownKind: false }).files[0].diagnostics, []);
});

test('invalid input throws an Error with a code and a clear message', () => {
  const throwsCode = (fn, code, pattern) =>
    assert.throws(fn, (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, code);
      assert.match(e.message, pattern);
      return true;
    });
  throwsCode(() => ecslint.lint(TASK, { configs: '' }), 'invalid-options', /^invalid options: unknown field `configs`/);
  throwsCode(() => ecslint.lint(42), 'invalid-options', /a string or a Uint8Array/);
  throwsCode(() => ecslint.lint(TASK, { kind: 'taskdef' }), 'unknown-kind', /`taskdef` is not a kind/);
  throwsCode(() => ecslint.lint(TASK, { select: ['nope'] }), 'invalid-select', /`nope` in `select` is not a rule/);
  throwsCode(() => ecslint.explain('unknown-feld'), 'unknown-rule', /did you mean `unknown-field`\?/);
  throwsCode(() => ecslint.schema('taskdef'), 'unknown-kind', /is not a kind/);
  throwsCode(() => ecslint.formatReport(ecslint.lint(TASK), 'xml'), 'unknown-format', /`xml` is not a format/);
  throwsCode(() => ecslint.formatReport({ nope: 1 }, 'json'), 'invalid-report', /^not an ecslint report/);
  assert.throws(
    () => ecslint.lint(TASK, { config: 'ignore = ["unknown-field"]\nselect = "x"\n' }),
    (e) => {
      assert.equal(e.code, 'invalid-config');
      assert.match(e.message, /^invalid configuration: /);
      assert.equal(e.range.start.line, 2);
      return true;
    },
  );
  assert.throws(() => ecslint.loadConfig('[rules]\nnot-a-rule = "off"\n'), (e) => e.code === 'invalid-config');
});

test('Terraform: a .tf file, with its module and the files it reads in `files`', () => {
  const dir = path.join(repoDir, 'tests', 'fixtures', 'terraform', 'infra');
  const read = (name) => ({ path: `infra/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8') });
  const task = read('task.tf');
  const service = read('service.tf');
  const containers = read('containers.json');
  assert.deepEqual(ecslint.terraformReadFiles(task.path, task.text), ['infra/containers.json']);
  assert.deepEqual(ecslint.terraformReadFiles('main.tf', 'variable "x" {}'), []);
  assert.ok(ecslint.documentKinds.includes('terraform'));

  const lintTf = (file, files) => ecslint.lint(file.text, { path: file.path, files }).files[0];
  const alone = lintTf(service, []);
  assert.equal(alone.kind, 'terraform');
  assert.ok(!alone.diagnostics.some((d) => d.rule === 'load-balancer-container-port-in-task-definition'));
  // With its module: checked against the task definition of task.tf, whose containers are in
  // containers.json, where the related place points.
  const [finding] = lintTf(service, [task, read('variables.tf'), read('other.tf'), containers]).diagnostics;
  assert.equal(finding.rule, 'load-balancer-container-port-in-task-definition');
  assert.equal(finding.pointer, 'aws_ecs_service.web.load_balancer[0].container_port');
  assert.equal(finding.related[0].path, 'infra/containers.json');
  assert.equal(finding.related[0].range.start.line, 6);
  // The JSON file with the module that reads it: that task definition's containers.
  const json = lintTf(containers, [task, service]);
  assert.deepEqual(json.diagnostics.map((d) => d.rule), ['port-mapping-awsvpc-host-host-port']);
  // `kind: 'terraform'` reads text without a .tf name as HCL.
  assert.equal(ecslint.lint(service.text, { kind: 'terraform' }).files[0].kind, 'terraform');
  for (const [files, pattern] of [
    [[{ path: 'a.tf' }], /missing field `text`/],
    ['a.tf', /expected a sequence/],
  ]) {
    assert.throws(() => ecslint.lint(TASK, { files }), (e) => e.code === 'invalid-options' && pattern.test(e.message));
  }
});

test('loadConfig returns the configuration with select/ignore applied', () => {
  const config = ecslint.loadConfig('ignore = ["duplicate-key"]\n[files]\nexclude = ["cdk.out/**"]\n', {
    ignore: ['invalid-type'],
  });
  assert.deepEqual(config.ignore, ['duplicate-key', 'invalid-type']);
  assert.deepEqual(config.files.exclude, ['cdk.out/**']);
  assert.ok(!ecslint.lint(TASK, { config }).files[0].diagnostics.some((d) => d.rule === 'invalid-type'));
});

test('lintPair returns both file entries, the service first', () => {
  const service = '{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": "2"}';
  const report = ecslint.lintPair(service, 'service.json', TASK, 'taskdef.json');
  assert.deepEqual(report.files.map((f) => [f.path, f.kind]), [
    ['service.json', 'service'],
    ['taskdef.json', 'task-definition'],
  ]);
  assert.equal(report.summary.files, 2);
  assert.deepEqual(report.files[1].diagnostics, ecslint.lint(TASK, { path: 'taskdef.json' }).files[0].diagnostics);
  assert.ok(report.files[0].diagnostics.some((d) => d.pointer === '/desiredCount'));
});

test('lintPair checks the service against the task definition', () => {
  const service = JSON.stringify({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    launchType: 'FARGATE',
    loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'nope', containerPort: 80 }],
  });
  const report = ecslint.lintPair(service, 'service.json', TASK, 'taskdef.json');
  const rules = report.files[0].diagnostics.map((d) => d.rule);
  // Fargate without networkConfiguration, and a container the task definition does not have.
  assert.ok(rules.includes('network-configuration-required-for-awsvpc'), rules.join());
  const name = report.files[0].diagnostics.find((d) => d.rule === 'load-balancer-container-name-in-task-definition');
  assert.ok(name, rules.join());
  assert.equal(name.related[0].path, 'taskdef.json');
  assert.equal(name.related[0].pointer, '/containerDefinitions');
  assert.ok(name.related[0].range.start.line > 1);
  // Without its task definition a service says the cross-checks did not run.
  const alone = ecslint.lint(service, { path: 'service.json' }).files[0].diagnostics.map((d) => d.rule);
  assert.ok(alone.includes('service-task-definition-not-found'));
  assert.ok(!alone.includes('load-balancer-container-name-in-task-definition'));
});

test('fix applies safe fixes, unsafe ones when asked, never to an unparseable text', () => {
  const safe = ecslint.fix(TASK);
  assert.equal(safe.fixed, true);
  assert.match(safe.text, /"cpu": "256"/);
  assert.match(safe.text, /"memoryReservaton"/, 'the rename is unsafe');
  assert.ok(safe.applied.some((a) => a.rule === 'invalid-json'));
  assert.deepEqual(safe.report, ecslint.lint(safe.text));
  const all = ecslint.fix(TASK, { unsafe: true });
  assert.match(all.text, /"memoryReservation"/);
  const broken = '{"family": "web", "cpu": 256';
  assert.deepEqual(ecslint.fix(broken), {
    fixed: false,
    text: broken,
    applied: [],
    report: ecslint.lint(broken),
  });
});

test('rules, explain and schema', () => {
  const rules = ecslint.rules();
  assert.ok(rules.length > 10);
  for (const rule of rules) {
    assert.deepEqual(Object.keys(rule).sort(), ['category', 'docs', 'fix', 'id', 'name', 'severity', 'sources', 'summary']);
    assert.match(rule.docs, /## What it does/);
  }
  const unknownField = rules.find((r) => r.id === 'unknown-field');
  assert.equal(unknownField.name, 'UnknownField');
  assert.match(ecslint.explain('unknown-field'), /^unknown-field \(error, structure\)\n\n## What it does/);
  for (const kind of ['task-definition', 'service', 'container-definitions']) {
    const schema = ecslint.schema(kind);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  }
});

test('formatReport: json, sarif, github, junit from the core; pretty in JS', () => {
  const report = ecslint.lint(TASK, { path: 'taskdef.json' });
  assert.equal(ecslint.formatReport(report, 'json'), `${JSON.stringify(report)}\n`);
  assert.equal(ecslint.formatReport(JSON.stringify(report), 'json'), `${JSON.stringify(report)}\n`);
  const sarif = JSON.parse(ecslint.formatReport(report, 'sarif'));
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].tool.driver.version, ecslint.version());
  assert.match(ecslint.formatReport(report, 'github'), /^::error file=taskdef\.json,line=5,col=10,/m);
  assert.match(ecslint.formatReport(report, 'junit'), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ecslint" tests="1"/);
  const pretty = ecslint.formatReport(report, 'pretty');
  assert.match(pretty, /^taskdef\.json \(task definition\)\n/);
  assert.match(pretty, /^ {2}5:10 +error +invalid-type +`cpu` must be a string, found an integer$/m);
  assert.match(pretty, /^ +help: write it as a string: "256"$/m);
  assert.match(pretty, /^ +fix: quote the value \(`--fix`\)$/m);
  assert.match(pretty, /^\d+ errors?(, \d+ warnings?)?(, \d+ infos?)? in 1 file$/m);
  assert.match(pretty, /fixable with `ecslint check --fix`\n$/);
  assert.ok(!pretty.includes('\u001b'));
  assert.ok(ecslint.formatReport(report, 'pretty', { color: true }).includes('\u001b[1;31merror'));
  const clean = ecslint.mergeReports([]);
  assert.equal(ecslint.formatReport(clean, 'pretty'), 'No problems found in 0 files\n');
  assert.equal(ecslint.formatReport(clean, 'pretty', { quiet: true }), '');
  assert.deepEqual(ecslint.formats, ['pretty', 'json', 'sarif', 'github', 'junit']);
});

test('a Rust panic becomes an Error with its message, and later calls still work', () => {
  assert.throws(
    () => ecslint.__panicForTests(),
    (e) => {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
      assert.equal(e.code, 'internal');
      assert.match(e.message, /^ecslint internal error \(a bug: please report it with the input\): panicked at .*a panic on purpose/s);
      assert.ok(e.cause instanceof WebAssembly.RuntimeError);
      return true;
    },
  );
  assert.equal(ecslint.lint(TASK).files[0].kind, 'task-definition');
  assert.throws(() => ecslint.__panicForTests(), (e) => e.code === 'internal' && /a panic on purpose/.test(e.message));
  assert.equal(ecslint.rules().length > 0, true);
});

test('the browser entry loads the .wasm beside it via new URL(…, import.meta.url)', async () => {
  const browser = await import(new URL('../src/browser.js', import.meta.url));
  assert.throws(() => browser.lint(TASK), (e) => e.code === 'not-initialized' && /await init\(\)/.test(e.message));
  const requested = [];
  const realFetch = globalThis.fetch;
  // Node's fetch does not read file: URLs; a browser would fetch the asset over HTTP.
  globalThis.fetch = async (url) => {
    requested.push(String(url));
    const bytes = fs.readFileSync(fileURLToPath(url));
    return new Response(bytes, { headers: { 'content-type': 'application/wasm' } });
  };
  try {
    await Promise.all([browser.init(), browser.init()]);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(requested.length, 1);
  assert.equal(requested[0], new URL('../dist/ecslint_wasm_bg.wasm', import.meta.url).href);
  assert.deepEqual(browser.lint(TASK), ecslint.lint(TASK));
  assert.equal(browser.default.lint, browser.lint);
});

test('every export is declared in index.d.ts', async () => {
  const dts = fs.readFileSync(path.join(npmDir, 'src', 'index.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/^export (?:declare )?(?:function|const) (\w+)/gm)].map((m) => m[1]));
  const browser = await import(new URL('../src/browser.js', import.meta.url));
  for (const module of [ecslint, browser]) {
    const exported = Object.keys(module).filter((k) => k !== 'default' && !k.startsWith('__'));
    assert.deepEqual(exported.filter((k) => !declared.has(k)), []);
    assert.deepEqual([...declared].filter((k) => !(k in module)), []);
  }
});
