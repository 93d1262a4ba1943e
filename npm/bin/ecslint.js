#!/usr/bin/env node
// `npx ecslint …`: the ecslint command line on the WebAssembly build (see src/cli.js).
import { main } from '../src/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
