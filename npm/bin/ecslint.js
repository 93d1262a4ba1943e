#!/usr/bin/env node
// `npx ecslint …`: the ecslint command line on the WebAssembly build (see src/cli.js).
//
// Start-up (docs/performance.md): Node's own start-up, then loading the JS and compiling the
// WebAssembly. Node >= 22.1 keeps the compiled JS of the modules below in its on-disk compile
// cache (`module.enableCompileCache`, under the OS temp folder; NODE_COMPILE_CACHE=dir moves
// it, NODE_DISABLE_COMPILE_CACHE=1 turns it off), so they are enabled before they load. No
// Node version caches a `new WebAssembly.Module` between processes: V8 compiles each function
// of the .wasm lazily, the first time it runs.
import module from 'node:module';

if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache();
  } catch {
    // An optimisation only: never a reason to fail.
  }
}

const { main } = await import('../src/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
