import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, minimalEdit, quickFixes } from '../src/core/actions.js';
import { describeSummary, rangeContains, rangesTouch, summarize, toEditorDiagnostics } from '../src/core/diagnostics.js';
import { TASKDEF, ecslint, textOf } from './helpers.mjs';

const broken = readFileSync(new URL('../../examples/broken/taskdef.json', import.meta.url), 'utf8');

test('diagnostics: severity, rule as code, help on a second line, ranges', () => {
  const file = ecslint.lint(TASKDEF, { path: 'taskdef.json' }).files[0];
  const diagnostics = toEditorDiagnostics(TASKDEF, file);
  assert.equal(diagnostics.length, file.diagnostics.length);
  const cpu = diagnostics.find((d) => d.report.pointer === '/cpu');
  assert.equal(cpu.code, 'invalid-type');
  assert.equal(cpu.source, 'ecslint');
  assert.equal(cpu.severity, 'error');
  assert.equal(cpu.message, '`cpu` must be a string, found an integer\nhelp: write it as a string: "256"');
  assert.deepEqual(cpu.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } });
  assert.equal(textOf(TASKDEF, cpu.range), '256');
});

test('diagnostics: related locations in the same file and in the other file of a pair', () => {
  const text = '{"family": "a", "family": "b", "containerDefinitions": []}';
  const file = ecslint.lint(text, { path: 'taskdef.json' }).files[0];
  const dup = toEditorDiagnostics(text, file).find((d) => d.code === 'duplicate-key');
  assert.ok(dup, JSON.stringify(file.diagnostics));
  assert.ok(dup.related.length > 0);
  assert.equal(dup.related[0].uri, null);
  assert.equal(textOf(text, dup.related[0].range), '"family"');

  const other = { uri: 'file:///ws/svc.json', text: '{\n  "taskDefinition": "web"\n}' };
  const fake = {
    path: 'taskdef.json',
    kind: 'task-definition',
    diagnostics: [
      {
        ...file.diagnostics[0],
        related: [
          { message: 'the service', path: 'svc.json', pointer: '/taskDefinition', range: { start: { line: 2, column: 21, offset: 22 }, end: { line: 2, column: 26, offset: 27 } } },
          { message: 'unknown file', path: 'gone.json', pointer: null, range: file.diagnostics[0].range },
        ],
      },
    ],
  };
  const [d] = toEditorDiagnostics(text, fake, (path) => (path === 'svc.json' ? other : null));
  assert.equal(d.related.length, 1, 'a related location in an unknown file is dropped');
  assert.equal(d.related[0].uri, other.uri);
  assert.equal(textOf(other.text, d.related[0].range), '"web"');
});

test('quick fixes: every fix as edits, for the diagnostics under the cursor', () => {
  const file = ecslint.lint(broken, { path: 'taskdef.json' }).files[0];
  const all = quickFixes(broken, file);
  assert.equal(all.length, file.diagnostics.filter((d) => d.fix).length);
  // Each quick fix alone gives the same text as applying its report edits by byte offset.
  const bytes = new TextEncoder().encode(broken);
  for (const fix of all) {
    const expected = fix.diagnostic.fix.edits
      .slice()
      .sort((a, b) => b.range.start.offset - a.range.start.offset)
      .reduce((acc, e) => {
        const enc = new TextEncoder().encode(e.newText);
        const out = new Uint8Array(acc.length - (e.range.end.offset - e.range.start.offset) + enc.length);
        out.set(acc.subarray(0, e.range.start.offset), 0);
        out.set(enc, e.range.start.offset);
        out.set(acc.subarray(e.range.end.offset), e.range.start.offset + enc.length);
        return out;
      }, bytes);
    assert.equal(applyEdits(broken, fix.edits), new TextDecoder().decode(expected), fix.title);
  }
  const cpu = all.find((f) => f.diagnostic.pointer === '/cpu');
  assert.equal(cpu.title, 'Fix: quote the value');
  assert.equal(cpu.safe, true);
  assert.match(applyEdits(broken, cpu.edits), /"cpu": "256",/);
  const rename = all.find((f) => f.rule === 'unknown-field');
  assert.equal(rename.safe, false);
  assert.match(rename.title, /\(unsafe\)$/);

  // Only the fixes whose diagnostic touches the range asked for.
  const at = (line, character) => ({ start: { line, character }, end: { line, character } });
  assert.deepEqual(quickFixes(broken, file, at(6, 10)).map((f) => f.diagnostic.pointer), ['/cpu']);
  assert.deepEqual(quickFixes(broken, file, at(0, 0)), []);
});

test('quick fixes after non-ASCII text land on the right characters', () => {
  const text = '{\n  "family": "wéb-😀", "cpu": 256, "memory": "512",\n  "containerDefinitions": [{"name": "日本", "image": "x", "essential": "true"}]\n}';
  const file = ecslint.lint(text, { path: 'taskdef.json' }).files[0];
  let fixed = text;
  for (const pointer of ['/cpu', '/containerDefinitions/0/essential']) {
    const current = ecslint.lint(fixed, { path: 'taskdef.json' }).files[0];
    const [fix] = quickFixes(fixed, current).filter((f) => f.diagnostic.pointer === pointer);
    assert.ok(fix, `${pointer} in ${JSON.stringify(file.diagnostics.map((d) => d.pointer))}`);
    fixed = applyEdits(fixed, fix.edits);
  }
  assert.equal(fixed, text.replace('"cpu": 256', '"cpu": "256"').replace('"essential": "true"', '"essential": true'));
});

test('fix all: one minimal edit that gives what fix() gives', () => {
  const { text: fixed, fixed: changed } = ecslint.fix(broken);
  assert.ok(changed);
  const edit = minimalEdit(broken, fixed);
  assert.equal(applyEdits(broken, [edit]), fixed);
  // The unchanged start and end are kept.
  const small = minimalEdit('{"a": 1,\n"cpu": 256}', '{"a": 1,\n"cpu": "256"}');
  assert.deepEqual(small, { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } }, newText: '"256"' });
  assert.equal(minimalEdit('same', 'same'), null);
  // Never half a surrogate pair.
  const e = minimalEdit('a😀b', 'a😃b');
  assert.equal(e.newText, '😃');
  assert.equal(applyEdits('a😀b', [e]), 'a😃b');
  assert.equal(applyEdits('xy', [minimalEdit('xy', 'xay')]), 'xay');
  assert.equal(applyEdits('aaa', [minimalEdit('aaa', 'aa')]), 'aa');
});

test('ranges and summaries', () => {
  const r = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
  assert.ok(rangeContains(r, { line: 1, character: 5 }));
  assert.ok(!rangeContains(r, { line: 1, character: 6 }));
  assert.ok(rangesTouch(r, { start: { line: 1, character: 5 }, end: { line: 2, character: 0 } }));
  assert.ok(!rangesTouch(r, { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }));
  // A file without diagnostics is not counted.
  const clean = { path: 'clean.json', kind: 'task-definition', diagnostics: [] };
  const s = summarize([ecslint.lint(broken).files[0], clean]);
  assert.equal(s.files, 1);
  assert.match(describeSummary(s), /^\d+ errors, 1 warning in 1 file$/);
  assert.equal(describeSummary({ files: 0, errors: 0, warnings: 0, infos: 0 }), 'no problems');
});
