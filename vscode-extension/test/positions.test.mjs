import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextIndex } from '../src/core/positions.js';
import { ecslint, textOf } from './helpers.mjs';

const utf8 = (s) => new TextEncoder().encode(s).length;

test('byte offsets to UTF-16 offsets, both ways, on every boundary', () => {
  const text = 'aé日😀b\u{1D538}c\r\nd';
  const index = new TextIndex(text);
  assert.equal(index.byteLength, utf8(text));
  let units = 0;
  for (const ch of text) {
    const bytes = utf8(text.slice(0, units));
    assert.equal(index.unitOffset(bytes), units, `before ${JSON.stringify(ch)}`);
    assert.equal(index.byteOffset(units), bytes);
    units += ch.length;
  }
  assert.equal(index.unitOffset(utf8(text)), text.length);
  // Inside a character: its start. Past the end: the end.
  assert.equal(index.unitOffset(2), 1, 'inside é');
  assert.equal(index.unitOffset(7), 3, 'inside 😀');
  assert.equal(index.unitOffset(10_000), text.length);
  assert.equal(index.unitOffset(-5), 0);
});

test('ASCII text: offsets are the same', () => {
  const index = new TextIndex('{"a": 1}');
  assert.equal(index.unitOffset(5), 5);
  assert.equal(index.byteOffset(5), 5);
});

test('a lone surrogate counts as U+FFFD (3 bytes), as the wasm glue encodes it', () => {
  const text = 'a\uD800b';
  const index = new TextIndex(text);
  assert.equal(index.byteLength, 5);
  assert.equal(index.unitOffset(4), 2);
});

test('lines break at \\n, \\r\\n and \\r; positions are 0-based UTF-16', () => {
  const text = 'ab\r\ncd\ne😀f\rg';
  const index = new TextIndex(text);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf('f')), { line: 2, character: 3 });
  assert.deepEqual(index.positionAt(text.indexOf('g')), { line: 3, character: 0 });
  assert.equal(index.offsetAt({ line: 2, character: 3 }), text.indexOf('f'));
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 4, 'clamped to the line');
});

test('report ranges cover exactly the reported text, after multi-byte characters', () => {
  const text = [
    '{',
    '  "family": "wéb-日本-😀",',
    '  "cpu": 256, "memory": "512",',
    '  "containerDefinitions": [',
    '    { "name": "\u{1D538}pi", "image": "nginx", "essential": "yes", "memory": "😀" }',
    '  ]',
    '}',
  ].join('\r\n');
  const report = ecslint.lint(text, { path: 'taskdef.json' }).files[0];
  const index = new TextIndex(text);
  const covered = Object.fromEntries(report.diagnostics.map((d) => [d.pointer + ' ' + d.rule, textOf(text, index.range(d.range))]));
  assert.equal(covered['/cpu invalid-type'], '256');
  assert.equal(covered['/containerDefinitions/0/essential invalid-type'], '"yes"');
  assert.equal(covered['/containerDefinitions/0/memory invalid-type'], '"😀"');
  // The character column of the report is not the UTF-16 one after the 𝔸.
  const essential = report.diagnostics.find((d) => d.pointer === '/containerDefinitions/0/essential');
  const range = index.range(essential.range);
  assert.equal(range.start.line, essential.range.start.line - 1);
  assert.equal(range.start.character, essential.range.start.column, 'one UTF-16 unit more than characters, 0-based');
});
