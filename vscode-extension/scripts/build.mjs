// Builds the extension into dist/ and schemas/ (both build output, gitignored):
//
//   dist/extension.js            the desktop entry (`main`): src/node.js bundled for Node, CommonJS
//   dist/web.js                  the web entry (`browser`): src/web.js bundled for a web worker
//                                (each with the package's documentation, npm/dist/ecslint_docs.*,
//                                which its .wasm leaves out: inlined by esbuild, loaded on use)
//   dist/ecslint_wasm_bg.wasm    the npm package's .wasm, shared by both
//   schemas/*.schema.json        the package's `schema()` of each kind, for `jsonValidation`
//
// Needs npm/dist (npm/scripts/build.sh).

import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npmDir = join(root, '..', 'npm');
const wasm = join(npmDir, 'dist', 'ecslint_wasm_bg.wasm');
if (!existsSync(wasm)) {
  console.error('build.mjs: npm/dist is missing: run npm/scripts/build.sh first');
  process.exit(1);
}

const require = createRequire(import.meta.url);
const ecslint = require('ecslint');

// The extension's version is the package's (the workspace version).
const pkgFile = join(root, 'package.json');
const pkgText = readFileSync(pkgFile, 'utf8');
const pkg = JSON.parse(pkgText);
const version = ecslint.version();
if (pkg.version !== version) {
  writeFileSync(pkgFile, pkgText.replace(/"version": "[^"]*"/, `"version": "${version}"`));
  console.log(`build.mjs: package.json: version set to ${version} (the workspace version)`);
}

// ---- schemas ----
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const kind of ['task-definition', 'service', 'container-definitions']) {
  writeFileSync(join(root, 'schemas', `${kind}.schema.json`), `${JSON.stringify(editorSchema(kind))}\n`);
}

/**
 * The package's schema of a kind, as the editor gets it. A task definition file may also be
 * DescribeTaskDefinition output wrapped in `{"taskDefinition": {…}}` (ecslint reads both): the
 * schema applies the definition to the wrapper's content then, instead of calling every key
 * of the wrapper wrong.
 */
function editorSchema(kind) {
  const schema = ecslint.schema(kind);
  if (kind !== 'task-definition' || typeof schema.$ref !== 'string') return schema;
  const { $ref, ...rest } = schema;
  return {
    ...rest,
    if: { type: 'object', required: ['taskDefinition'], properties: { taskDefinition: { type: 'object' } } },
    then: { properties: { taskDefinition: { $ref } } },
    else: { $ref },
  };
}

// ---- bundles ----
mkdirSync(join(root, 'dist'), { recursive: true });
const common = {
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  target: 'es2022',
  absWorkingDir: root,
};
await build({
  ...common,
  entryPoints: ['src/node.js'],
  outfile: 'dist/extension.js',
  platform: 'node',
});
await build({
  ...common,
  entryPoints: ['src/web.js'],
  outfile: 'dist/web.js',
  platform: 'browser',
  // The package's browser entry only reads import.meta.url when init() gets no input; the
  // web entry always passes the bytes.
  logOverride: { 'empty-import-meta': 'silent' },
});
copyFileSync(wasm, join(root, 'dist', 'ecslint_wasm_bg.wasm'));
console.log('build.mjs: dist/extension.js, dist/web.js, dist/ecslint_wasm_bg.wasm, schemas/*.schema.json');
