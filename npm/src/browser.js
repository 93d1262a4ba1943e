// The entry point for browsers and bundlers (ES module). The .wasm is an asset next to the
// glue: `init()` fetches it from `new URL('../dist/ecslint_wasm_bg.wasm', import.meta.url)`,
// the pattern webpack 5, Vite, Parcel and Rollup (with its URL plugin) recognise and copy
// into the build. Bundlers that do not (esbuild) can import the asset themselves
// (`import wasmUrl from 'ecslint/ecslint_wasm_bg.wasm'` with esbuild's `file` loader) and
// pass it: `await init(wasmUrl)`. Every other function throws until `init()` has resolved.

import initWasm, { initSync as initWasmSync } from '../dist/ecslint_wasm.js';
import * as glue from '../dist/ecslint_wasm.js';
import { createApi } from './api.js';

let ready = false;
let pending = null;

/**
 * Loads the WebAssembly module once: from `input` (a URL or string, a Response or its
 * promise, bytes, or a WebAssembly.Module) or from the asset beside the package.
 */
function init(input) {
  if (ready) return Promise.resolve();
  if (!pending) {
    const source = input ?? new URL('../dist/ecslint_wasm_bg.wasm', import.meta.url);
    pending = initWasm({ module_or_path: source }).then(
      () => {
        ready = true;
      },
      (error) => {
        pending = null;
        throw error;
      },
    );
  }
  return pending;
}

/** Loads the module synchronously from bytes or a WebAssembly.Module (workers, tests). */
function initSync(input) {
  if (ready) return;
  if (input === undefined) {
    throw new Error('ecslint: initSync() needs the .wasm bytes or a WebAssembly.Module');
  }
  initWasmSync({ module: input });
  ready = true;
}

const api = createApi(glue, { ready: () => ready, init, initSync });

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
  formats,
  documentKinds,
  __panicForTests,
} = api;
export default api;
