// The entry point for browsers and bundlers (ES module). The .wasm is an asset next to the
// glue: `init()` fetches it from `new URL('../dist/ecslint_wasm_bg.wasm', import.meta.url)`,
// the pattern webpack 5, Vite, Parcel and Rollup (with its URL plugin) recognise and copy
// into the build. Bundlers that do not (esbuild) can import the asset themselves
// (`import wasmUrl from 'ecslint/ecslint_wasm_bg.wasm'` with esbuild's `file` loader) and
// pass it: `await init(wasmUrl)`. Every other function throws until `init()` has resolved.
//
// The documentation (rule docs and sources, botocore's field docs; see src/api.js) is a
// module of its own, dist/ecslint_docs.js, that `init()` imports with a dynamic `import()`
// while the .wasm loads: bundlers that split code (Vite, webpack, Rollup, esbuild with
// `splitting`) emit it as a chunk of its own, the others inline it. `init()` resolves when
// both are in. Should the docs fail to load, `init()` still resolves (linting works) and the
// functions that need them (rules, explain, schema, SARIF) throw saying why. After
// `initSync()` the docs load in the background: `await init()` waits for them.

import initWasm, { initSync as initWasmSync } from '../dist/ecslint_wasm.js';
import * as glue from '../dist/ecslint_wasm.js';
import { createApi } from './api.js';

let ready = false;
let pending = null;
/** The documentation's text once imported, the import, and why it failed. */
let docs = null;
let docsPending = null;
let docsError = null;

/** Imports the documentation once; never rejects (a failure is kept for `docsText()`). */
function loadDocs() {
  docsPending ??= import('../dist/ecslint_docs.js').then(
    (module) => {
      docs = module.default;
    },
    (error) => {
      docsError = error;
    },
  );
  return docsPending;
}

/** The documentation's text, for src/api.js; throws while it is not there. */
function docsText() {
  if (docs !== null) return docs;
  const error = docsError
    ? new Error(`ecslint: the documentation (ecslint_docs.js) could not be loaded: ${docsError.message}`, {
        cause: docsError,
      })
    : new Error('ecslint: the documentation is still loading: `await init()` first');
  error.code = 'not-initialized';
  throw error;
}

/**
 * Loads the WebAssembly module once: from `input` (a URL or string, a Response or its
 * promise, bytes, or a WebAssembly.Module) or from the asset beside the package; and the
 * documentation, at the same time.
 */
function init(input) {
  if (ready) return loadDocs();
  if (!pending) {
    const source = input ?? new URL('../dist/ecslint_wasm_bg.wasm', import.meta.url);
    const wasm = initWasm({ module_or_path: source }).then(() => {
      ready = true;
    });
    pending = Promise.all([wasm, loadDocs()]).then(
      () => {},
      (error) => {
        pending = null;
        throw error;
      },
    );
  }
  return pending;
}

/**
 * Loads the module synchronously from bytes or a WebAssembly.Module (workers, tests). The
 * documentation follows in the background (`await init()` waits for it).
 */
function initSync(input) {
  if (ready) return;
  if (input === undefined) {
    throw new Error('ecslint: initSync() needs the .wasm bytes or a WebAssembly.Module');
  }
  initWasmSync({ module: input });
  ready = true;
  loadDocs();
}

const api = createApi(glue, { ready: () => ready, init, initSync, docs: docsText });

export { init, initSync };
export const {
  version,
  lint,
  lintPair,
  fix,
  loadConfig,
  rules,
  explain,
  schema,
  formatReport,
  mergeReports,
  terraformReadFiles,
  formats,
  documentKinds,
  __panicForTests,
} = api;
export default api;
