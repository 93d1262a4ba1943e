// Unit tests of the playground's pure modules (no browser): the schema scanner behind
// completion and hover, share-link encoding, position mapping and settings ↔ ecslint.toml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ecslint from '../../npm/src/node.mjs';
import { contextAt, completionsAt, hoverAt, schemaAt } from '../src/schema.js';
import { encodeState, decodeState, toBase64Url, fromBase64Url } from '../src/share.js';
import { byteToIndexMapper, editsToChanges } from '../src/positions.js';
import { DEPLOYERS, defaultSettings, toConfig, fromConfig, toToml, splitList } from '../src/settings.js';

const taskSchema = ecslint.schema('task-definition');

/** `|` marks the cursor. */
function at(source) {
  const pos = source.indexOf('|');
  return { text: source.slice(0, pos) + source.slice(pos + 1), pos };
}

test('contextAt: keys, values and paths in half-typed JSON', () => {
  let { text, pos } = at('{\n  "fam|');
  let ctx = contextAt(text, pos);
  assert.equal(ctx.where, 'key');
  assert.deepEqual(ctx.path, []);
  assert.equal(ctx.token.text, 'fam');

  ({ text, pos } = at('{ "containerDefinitions": [ {}, { "portMappings": [ { "protocol": | } ] } ] }'));
  ctx = contextAt(text, pos);
  assert.equal(ctx.where, 'value');
  assert.deepEqual(ctx.path, ['containerDefinitions', 1, 'portMappings', 0]);
  assert.equal(ctx.key, 'protocol');

  // Comments, single quotes and unquoted keys do not throw it off.
  ({ text, pos } = at("{ // a comment with { and [\n  'family': 'web', /* } */ image: 1, \"x|\" }"));
  ctx = contextAt(text, pos);
  assert.equal(ctx.where, 'key');
  assert.deepEqual([...ctx.keys].sort(), ['family', 'image']); // not the one being typed

  // Keys after the cursor count as present too.
  ({ text, pos } = at('{ "a": 1, | "family": "x", "nested": { "inner": 1 } }'));
  ctx = contextAt(text, pos);
  assert.deepEqual([...ctx.keys].sort(), ['a', 'family', 'nested']);

  // Inside a comment: nothing.
  ({ text, pos } = at('{ // fam|\n}'));
  assert.equal(contextAt(text, pos).where, 'none');
});

test('completionsAt: property names not yet present, enum values, booleans', () => {
  let { text, pos } = at('{ "family": "x", "ne|" }');
  let result = completionsAt(taskSchema, text, pos);
  assert.equal(result.kind, 'key');
  const labels = result.options.map((o) => o.label);
  assert.ok(labels.includes('networkMode'));
  assert.ok(!labels.includes('family'), 'a key already present is offered again');
  assert.equal(result.options.find((o) => o.label === 'containerDefinitions').required, true);
  assert.equal(result.options.find((o) => o.label === 'networkMode').insert, '"networkMode": "${}"');

  ({ text, pos } = at('{ "requiresCompatibilities": ["|"] }'));
  result = completionsAt(taskSchema, text, pos);
  assert.deepEqual(
    result.options.map((o) => o.insert),
    ['"EC2"', '"FARGATE"', '"EXTERNAL"', '"MANAGED_INSTANCES"'],
  );

  ({ text, pos } = at('{ "containerDefinitions": [ { "essential": t| } ] }'));
  result = completionsAt(taskSchema, text, pos);
  assert.deepEqual(result.options.map((o) => o.label), ['true', 'false']);

  // Nothing typed and not asked for: no popup.
  ({ text, pos } = at('{ "family": "x", | }'));
  assert.equal(completionsAt(taskSchema, text, pos, false), null);
  assert.ok(completionsAt(taskSchema, text, pos, true).options.length > 10);

  // The service schema for a service.
  ({ text, pos } = at('{ "launchType": "|" }'));
  result = completionsAt(ecslint.schema('service'), text, pos);
  assert.ok(result.options.some((o) => o.label === 'FARGATE'));
});

test('hoverAt: the documentation of a key or value', () => {
  const text = '{ "family": "web", "containerDefinitions": [ { "portMappings": [ { "protocol": "tcp" } ] } ] }';
  const family = hoverAt(taskSchema, text, text.indexOf('family') + 2);
  assert.equal(family.name, 'family');
  assert.equal(family.required, true);
  assert.equal(family.type, 'string');
  assert.ok(family.doc.length > 20);
  const protocol = hoverAt(taskSchema, text, text.indexOf('"tcp"') + 1);
  assert.deepEqual(protocol.values, ['tcp', 'udp']);
  assert.deepEqual(protocol.path, ['containerDefinitions', 0, 'portMappings', 0, 'protocol']);
  assert.equal(hoverAt(taskSchema, text, 0), null);
  assert.equal(schemaAt(taskSchema, ['no-such-field']), null);
});

test('share links: deflate-raw + base64url round trip, damaged links throw', async () => {
  const state = { m: 'pair', t: { n: 'taskdef.json', x: '{"family": "ünïcode 🚢"}' }, s: { n: 's.json', x: '{}' } };
  const fragment = await encodeState(state);
  assert.match(fragment, /^v1=[A-Za-z0-9_-]+$/);
  assert.deepEqual(await decodeState(`#${fragment}`), state);
  assert.equal(await decodeState('#something-else'), null);
  assert.equal(await decodeState(''), null);
  await assert.rejects(decodeState('#v1=AAAA'));
  await assert.rejects(decodeState('#v1=not*base64'));
  const bytes = new Uint8Array(70000).map((_, i) => (i * 7) % 256);
  assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
  // A 64 KB task definition fits in a URL comfortably.
  const big = JSON.stringify({ containerDefinitions: Array.from({ length: 300 }, (_, i) => ({ name: `c${i}`, image: 'nginx:1.27' })) }, null, 2);
  const bigFragment = await encodeState({ m: 'task', t: { n: 'x', x: big } });
  assert.ok(bigFragment.length < big.length / 4, `${bigFragment.length} for ${big.length}`);
});

test('positions: UTF-8 byte offsets to UTF-16 indices', () => {
  const ascii = byteToIndexMapper('{"a": 1}');
  assert.equal(ascii(3), 3);
  assert.equal(ascii(100), 8);
  const text = '{"é": "🚢", "x": 1}';
  const toIndex = byteToIndexMapper(text);
  const enc = new TextEncoder();
  for (let i = 0; i <= text.length; i += 1) {
    if (i > 0 && /[\uDC00-\uDFFF]/.test(text[i])) continue; // inside a surrogate pair
    assert.equal(toIndex(enc.encode(text.slice(0, i)).length), i, `index ${i}`);
  }
  // Real diagnostics and fixes land on the right characters.
  const doc = '{ "family": "ünï", "cpu": 256, "containerDefinitions": [] }';
  const report = ecslint.lint(doc, { path: 't.json' });
  const cpu = report.files[0].diagnostics.find((d) => d.pointer === '/cpu');
  const map = byteToIndexMapper(doc);
  assert.equal(doc.slice(map(cpu.range.start.offset), map(cpu.range.end.offset)), '256');
  const [change] = editsToChanges(cpu.fix.edits, map);
  assert.equal(doc.slice(0, change.from) + change.insert + doc.slice(change.to), doc.replace('256', '"256"'));
});

test('settings: ecslint.toml both ways, accepted by the package', () => {
  const s = defaultSettings();
  assert.deepEqual(toConfig(s), {});
  s.deployer = 'ecs-deploy-action';
  s.launchType = 'EC2';
  s.select = ['ALL'];
  s.ignore = splitList('duplicate-key, image-tag-latest');
  s.rules['unknown-field'] = 'warning';
  const toml = toToml(s);
  assert.match(toml, /^select = \["ALL"\]$/m);
  assert.match(toml, /^\[rules\]\nunknown-field = "warning"$/m);
  assert.match(toml, /^launch-type = "EC2"$/m);
  assert.match(toml, /^deployer = "ecs-deploy-action"$/m);
  const loaded = ecslint.loadConfig(toml);
  assert.deepEqual(fromConfig(loaded), s);
  // The config object lints as the TOML does.
  const doc = '{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "nginx:latest", "memory": 512, "bogus": 1 }] }';
  assert.deepEqual(ecslint.lint(doc, { config: toConfig(s) }), ecslint.lint(doc, { config: toml }));
  // The deployer picked is the one the document is judged by.
  const describe = '{ "family": "x", "revision": 3, "containerDefinitions": [{ "name": "a", "image": "nginx:1.27", "memory": 512 }] }';
  const file = ecslint.lint(describe, { config: toConfig(s) }).files[0];
  assert.equal(file.deployer.name, 'ecs-deploy-action');
  assert.equal(file.diagnostics.find((d) => d.rule === 'read-only-field').severity, 'info');
  // Every deployer the picker offers is one the package knows.
  for (const [id] of DEPLOYERS.filter(([id]) => id)) {
    assert.equal(ecslint.lint(describe, { config: { deployer: id } }).files[0].deployer.name, id);
  }
});
