// The entry point for Node's `import`: the CommonJS entry (one instance of the module for
// both `import` and `require`), re-exported as named exports.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('./node.cjs');

export const {
  init,
  initSync,
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
