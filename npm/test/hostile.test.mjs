// Hostile inputs through the package API (the real wasm): absurd nesting, a 50 MB file,
// invalid UTF-8, a number out of every range, lone surrogates, NUL bytes. Each call must
// return a report with diagnostics: never throw, never trap, never hang (each test has a
// generous timeout as a guard against hangs only; durations are printed, not asserted).
// The same inputs are regression fixtures of the Rust core (crates/ecslint-core/tests/regressions).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as ecslint from 'ecslint';

import { TASK } from './helpers.mjs';

const GUARD = { timeout: 180_000 };
const MB = 1024 * 1024;

/** Lints `input` and returns the one file entry; checks the report's shape and ranges. */
function lintOne(input, options = {}) {
  const report = ecslint.lint(input, { path: 'hostile.json', ...options });
  assert.equal(report.version, 1);
  assert.equal(report.files.length, 1);
  const [file] = report.files;
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  for (const d of file.diagnostics) {
    assert.equal(typeof d.rule, 'string');
    assert.ok(d.message.length > 0, d.rule);
    assert.ok(d.range.start.offset <= d.range.end.offset, `${d.rule}: range backwards`);
    assert.ok(d.range.end.offset <= size, `${d.rule}: range past the end (${d.range.end.offset} > ${size})`);
    assert.ok(d.range.start.line >= 1 && d.range.start.column >= 1);
  }
  return file;
}

function rules(file) {
  return file.diagnostics.map((d) => d.rule);
}

/** Still a working instance: a normal document lints as it should. */
function stillWorks() {
  const file = lintOne(TASK, { path: 'taskdef.json' });
  assert.ok(file.diagnostics.some((d) => d.rule === 'invalid-type' && d.pointer === '/cpu'));
}

function timed(t, what, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  t.diagnostic(`${what}: ${ms.toFixed(0)} ms`);
  return result;
}

test('deep nesting: one json-too-deep diagnostic, no stack overflow', GUARD, (t) => {
  const depth = 100_000;
  const cases = {
    'open arrays': '['.repeat(depth),
    'closed arrays': '['.repeat(depth) + ']'.repeat(depth),
    'open objects': '{"a":'.repeat(depth),
    'closed objects': '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    'inside a task definition': `{"family": "web", "containerDefinitions": ${'['.repeat(depth)}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = timed(t, name, () => lintOne(text));
    assert.ok(rules(file).includes('json-too-deep'), `${name}: ${rules(file)}`);
    const fixed = ecslint.fix(text);
    assert.equal(fixed.fixed, false, `${name}: an unparseable document is never fixed`);
    assert.equal(fixed.text, text);
  }
  stillWorks();
});

test('a 50 MB task definition is linted', GUARD, (t) => {
  // The bulk is in lists and maps that rules read in linear time: `secrets`, `dockerLabels`
  // and `command` of ten containers. (Lists that some rules compare pairwise, such as
  // `environment`, `portMappings`, `volumes` and `tags`, take minutes at this size: see
  // docs/readme-robustness.md.)
  const containers = [];
  let size = 0;
  for (let c = 0; c < 10; c++) {
    const secrets = [];
    const labels = [];
    const command = [];
    for (let i = 0; size < ((c + 1) * 50 * MB) / 10; i++) {
      const secret = `{"name": "SECRET_${c}_${i}", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/app/${'p'.repeat(100)}${i}"}`;
      const label = `"com.example.label-${i}": "${'v'.repeat(100)}"`;
      const arg = `"--option-${i}=${'a'.repeat(60)}"`;
      secrets.push(secret);
      labels.push(label);
      command.push(arg);
      size += secret.length + label.length + arg.length + 6; // and the three separators
    }
    containers.push(`{"name": "app-${c}", "image": "nginx:1.27", "essential": ${c === 0},
      "secrets": [${secrets.join(',\n')}],
      "dockerLabels": {${labels.join(',\n')}},
      "command": [${command.join(',\n')}]}`);
  }
  const text = `{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "cpu": 256, "memory": "512",
  "containerDefinitions": [${containers.join(',\n')}]}`;
  assert.ok(text.length >= 50 * MB);
  const file = timed(t, `${(text.length / MB).toFixed(0)} MB as a string`, () => lintOne(text));
  assert.equal(file.kind, 'task-definition');
  assert.ok(file.diagnostics.some((d) => d.rule === 'invalid-type' && d.pointer === '/cpu'), rules(file).join());
  assert.ok(rules(file).includes('task-definition-size-limit'), rules(file).join());
  const bytes = new TextEncoder().encode(text);
  const fromBytes = timed(t, 'the same as bytes', () => lintOne(bytes));
  assert.deepEqual(rules(fromBytes), rules(file));
  const fixed = timed(t, 'fix', () => ecslint.fix(text));
  assert.equal(fixed.fixed, true);
  assert.ok(fixed.text.includes('"cpu": "256"'));
  stillWorks();
});

test('50 MB that is not JSON, or one 50 MB string', GUARD, (t) => {
  const garbage = 'x'.repeat(50 * MB);
  assert.ok(rules(timed(t, 'garbage', () => lintOne(garbage))).includes('invalid-json'));
  const unclosed = '{"family": "' + 'a'.repeat(50 * MB);
  assert.ok(rules(timed(t, 'an unclosed 50 MB string', () => lintOne(unclosed))).includes('invalid-json'));
  const long = `{"family": "${'a'.repeat(50 * MB)}", "containerDefinitions": []}`;
  const file = timed(t, 'a 50 MB family name', () => lintOne(long));
  assert.equal(file.kind, 'task-definition');
  assert.ok(file.diagnostics.length > 0);
  stillWorks();
});

test('invalid UTF-8: an invalid-utf8 diagnostic at the first bad byte', GUARD, () => {
  const cases = [
    [0xff],
    [0x7b, 0x22, 0x66, 0xff, 0x22, 0x7d],
    [0xef, 0xbb, 0xbf, 0x7b, 0xc3, 0x28, 0x7d], // BOM, then a broken two-byte sequence
    [0x7b, 0x22, 0xe2, 0x82], // cut inside a character
    [0x7b, 0xed, 0xa0, 0x80, 0x7d], // a surrogate encoded in UTF-8 (CESU-8)
    [0x7b, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x7d], // a five-byte sequence
  ];
  for (const bytes of cases) {
    const input = new Uint8Array(bytes);
    const file = lintOne(input);
    const d = file.diagnostics.find((x) => x.rule === 'invalid-utf8');
    assert.ok(d, `${bytes}: ${rules(file)}`);
    const valid = Buffer.from(input).toString('utf8').indexOf('\ufffd');
    assert.ok(d.range.start.offset >= 0 && valid >= 0);
    const fixed = ecslint.fix(input);
    assert.equal(fixed.fixed, false);
  }
  stillWorks();
});

test('numbers beyond every range: 1e400 and friends', GUARD, () => {
  const file = lintOne(
    '{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 1e400, "cpu": -1e400,' +
      ' "portMappings": [{"containerPort": 99999999999999999999999999999}], "stopTimeout": 1e-400}]}',
  );
  const found = rules(file);
  assert.ok(found.includes('number-out-of-range'), found.join());
  assert.ok(file.diagnostics.some((d) => d.pointer === '/containerDefinitions/0/memory'));
  for (const text of ['1e400', '-1e400', `1${'0'.repeat(100_000)}`, `0.${'0'.repeat(100_000)}1`, '1e99999999999999999999']) {
    assert.ok(lintOne(text).diagnostics.length > 0, text.slice(0, 20));
  }
  stillWorks();
});

test('lone surrogates: in JSON escapes and in JavaScript strings', GUARD, () => {
  const escaped = lintOne('{"family": "web\\ud800", "containerDefinitions": [{"name": "\\udc00", "image": "nginx\\ud83d"}]}');
  assert.ok(escaped.diagnostics.some((d) => d.rule === 'invalid-json' && /surrogate/.test(d.message)), rules(escaped).join());
  // A JavaScript string may hold a lone surrogate that no UTF-8 text can: the package must
  // take it (as U+FFFD) without throwing.
  const raw = lintOne('{"family": "web\ud800", "containerDefinitions": [{"name": "\udc00app", "image": "nginx"}]}');
  assert.equal(raw.kind, 'task-definition');
  const pair = ecslint.lintPair('{"serviceName": "\ud800", "taskDefinition": "web"}', 'svc.json', '{"family": "\udfff"}', 'td.json');
  assert.equal(pair.files.length, 2);
  const fixed = ecslint.fix('{"family": "web\ud800", "cpu": 256, "containerDefinitions": [],}');
  assert.equal(fixed.fixed, true);
  stillWorks();
});

test('NUL bytes, control characters, a BOM alone, empty input', GUARD, () => {
  const cases = ['', ' \n\t ', '\ufeff', '\u0000', '{"family": "a\u0000b"}', '{"\u0000": 1}', '\u0000{}', '{}\u0000', '\u2028{}'];
  for (const text of cases) {
    const file = lintOne(text);
    assert.ok(file.diagnostics.length > 0, JSON.stringify(text));
  }
  assert.ok(lintOne(new Uint8Array(0)).diagnostics.length > 0);
  stillWorks();
});

test('many members, many duplicates, a very long key', GUARD, (t) => {
  // One member a line: a diagnostic's column is counted from the start of its line, so
  // thousands of diagnostics on one line of megabytes are slow (docs/readme-robustness.md).
  const members = Array.from({ length: 20_000 }, (_, i) => `"k${i}": ${i}`).join(',\n');
  const wide = timed(t, '20,000 unknown members', () => lintOne(`{"family": "web", "containerDefinitions": [],\n${members}}`));
  assert.equal(wide.diagnostics.filter((d) => d.rule === 'unknown-field').length, 20_000);
  const duplicates = Array.from({ length: 20_000 }, () => '"family": "web"').join(',\n');
  const dup = timed(t, '20,000 duplicate keys', () => lintOne(`{${duplicates},\n"containerDefinitions": []}`));
  assert.equal(dup.diagnostics.filter((d) => d.rule === 'duplicate-key').length, 19_999);
  const key = 'k'.repeat(5 * MB);
  const long = timed(t, 'a 5 MB key', () => lintOne(`{"family": "web", "containerDefinitions": [], "${key}": 1}`));
  assert.ok(rules(long).includes('unknown-field'));
  const elements = timed(t, '1,000,000 array elements', () =>
    lintOne(`{"family": "web", "containerDefinitions": [], "requiresCompatibilities": [${'"EC2",\n'.repeat(1_000_000)}"EC2"]}`),
  );
  assert.ok(elements.diagnostics.length > 0);
  stillWorks();
});
