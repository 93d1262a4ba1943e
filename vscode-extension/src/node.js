// The desktop entry (`main`): VS Code, VSCodium, code-server, remote hosts. The package's
// CommonJS entry reads the .wasm from beside this bundle (dist/ecslint_wasm_bg.wasm)
// synchronously when it is required: ready at once.

import * as vscode from 'vscode';
import { activateWith } from './extension.js';

// `require`, not `import`: the package's `node`/`require` entry (the ES one needs import.meta).
// eslint-disable-next-line no-undef
const ecslint = require('ecslint');

export function activate(context) {
  return activateWith(vscode, context, ecslint, 'desktop');
}

export function deactivate() {}
