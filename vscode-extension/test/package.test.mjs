// The manifest, the build output and the .vsix agree with the code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTAINER_DEFINITIONS_PATTERNS,
  DEFAULT_PATTERNS,
  SERVICE_PATTERNS,
  TASK_DEFINITION_PATTERNS,
} from '../src/core/detect.js';
import { DEFAULT_SETTINGS } from '../src/core/config.js';
import { ecslint } from './helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('jsonValidation gives each default file pattern its schema', () => {
  const bySchema = {
    './schemas/task-definition.schema.json': TASK_DEFINITION_PATTERNS,
    './schemas/service.schema.json': SERVICE_PATTERNS,
    './schemas/container-definitions.schema.json': CONTAINER_DEFINITIONS_PATTERNS,
  };
  const expected = Object.entries(bySchema).flatMap(([url, patterns]) => patterns.map((fileMatch) => ({ fileMatch, url })));
  assert.deepEqual(manifest.contributes.jsonValidation, expected);
  assert.deepEqual(manifest.contributes.jsonValidation.map((v) => v.fileMatch), [...DEFAULT_PATTERNS]);
});

test('every setting is declared with the default the code uses', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(DEFAULT_SETTINGS).map((k) => `ecslint.${k}`).sort());
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    assert.deepEqual(properties[`ecslint.${key}`].default, Array.isArray(value) ? [...value] : value, key);
  }
  const ruleLevels = properties['ecslint.rules'].additionalProperties.enum;
  assert.deepEqual(ruleLevels, ['error', 'warning', 'info', 'off']);
});

test('the commands declared are the ones registered', () => {
  const source = readFileSync(join(root, 'src', 'extension.js'), 'utf8');
  const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
});

test('desktop and web entries, on the same wasm, the version of the package', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/web.js');
  assert.equal(manifest.version, ecslint.version());
  for (const file of ['dist/extension.js', 'dist/web.js', 'dist/ecslint_wasm_bg.wasm']) {
    assert.ok(existsSync(join(root, file)), `${file}: run scripts/build.mjs`);
  }
  const wasm = readFileSync(join(root, 'dist', 'ecslint_wasm_bg.wasm'));
  assert.deepEqual(wasm, readFileSync(join(root, '..', 'npm', 'dist', 'ecslint_wasm_bg.wasm')));
  const web = readFileSync(join(root, 'dist', 'web.js'), 'utf8');
  assert.doesNotMatch(web, /require\("(fs|path|node:[a-z]+)"\)/, 'the web bundle uses no Node module');
  // The package's documentation (not in its .wasm: npm/dist/ecslint_docs.*) is bundled into
  // each entry, for the rule hovers and Explain Rule.
  for (const file of ['extension.js', 'web.js']) {
    const bundle = readFileSync(join(root, 'dist', file), 'utf8');
    assert.ok(bundle.includes('## What it does'), `${file} lacks the rule docs`);
  }
});

test('the schemas are the package schemas (a task definition may be wrapped)', () => {
  for (const kind of ['task-definition', 'service', 'container-definitions']) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
    const original = ecslint.schema(kind);
    assert.deepEqual(schema.$defs, original.$defs, kind);
    assert.equal(schema.title, original.title);
    if (kind === 'task-definition') {
      assert.deepEqual(schema.else, { $ref: original.$ref });
      assert.deepEqual(schema.then.properties.taskDefinition, { $ref: original.$ref });
    } else {
      assert.deepEqual(schema, original);
    }
  }
});

/** The names in a zip file (its central directory). */
function zipEntries(buffer) {
  const names = [];
  for (let i = buffer.length - 22; i >= 0; i -= 1) {
    if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
    let at = buffer.readUInt32LE(i + 16);
    const count = buffer.readUInt16LE(i + 10);
    for (let n = 0; n < count; n += 1) {
      assert.equal(buffer.readUInt32LE(at), 0x02014b50);
      const nameLength = buffer.readUInt16LE(at + 28);
      const extra = buffer.readUInt16LE(at + 30);
      const comment = buffer.readUInt16LE(at + 32);
      names.push(buffer.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  }
  throw new Error('not a zip file');
}

test('the .vsix: the bundles, the wasm and the schemas, nothing else of the source', { skip: !existsSync(join(root, 'ecslint.vsix')) && 'no ecslint.vsix (scripts/test-vscode packages it)' }, () => {
  const file = join(root, 'ecslint.vsix');
  const names = zipEntries(readFileSync(file)).filter((n) => n.startsWith('extension/')).sort();
  assert.deepEqual(names, [
    'extension/changelog.md',
    'extension/dist/ecslint_wasm_bg.wasm',
    'extension/dist/extension.js',
    'extension/dist/web.js',
    'extension/package.json',
    'extension/readme.md',
    'extension/schemas/container-definitions.schema.json',
    'extension/schemas/service.schema.json',
    'extension/schemas/task-definition.schema.json',
  ]);
  // The documentation (rule docs, botocore's field docs) left the .wasm and is in each bundle
  // (desktop and web hosts each load one file): about 115 KB compressed apiece.
  assert.ok(statSync(file).size < 800_000, `${statSync(file).size} bytes`);
});
