// The entry point for Node (CommonJS; src/node.mjs re-exports it for `import`). The
// wasm-bindgen `nodejs` glue reads dist/ecslint_wasm_bg.wasm from disk and instantiates it
// synchronously when first required: everything is ready at once, `init()` is a no-op kept
// so that code written for browsers runs unchanged. The documentation (dist/ecslint_docs.cjs,
// see src/api.js) is required on demand: by the first rules(), explain(), schema() or SARIF.
'use strict';

const glue = require('../dist/ecslint_wasm_node.cjs');
const { createApi } = require('../dist/api.cjs');

const api = createApi(glue, {
  ready: () => true,
  init: () => Promise.resolve(),
  initSync: () => {},
  docs: () => require('../dist/ecslint_docs.cjs'),
});
// `require('ecslint').default` as well, like the ES module entries' default export.
api.default = api;
module.exports = api;
