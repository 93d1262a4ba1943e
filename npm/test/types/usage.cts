// Type-checked by test/types.test.mjs (tsc --noEmit): the declarations as a CommonJS user sees them.
import ecslint = require('ecslint');

const report: ecslint.Report = ecslint.lint('{}');
const kinds: readonly string[] = ecslint.documentKinds;
const same: typeof ecslint.lint = ecslint.default.lint;
void [report, kinds, same];
