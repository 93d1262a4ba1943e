// The web entry (`browser`): vscode.dev, github.dev and the web worker extension host of any
// VS Code. The same .wasm as the desktop entry, read from the extension's folder through the
// workspace file system (or fetched) and instantiated before anything is linted.

import * as vscode from 'vscode';
import * as ecslint from 'ecslint';
import { activateWith } from './extension.js';

export async function activate(context) {
  const wasm = vscode.Uri.joinPath(context.extensionUri, 'dist', 'ecslint_wasm_bg.wasm');
  let bytes;
  try {
    bytes = await vscode.workspace.fs.readFile(wasm);
  } catch {
    const response = await fetch(wasm.toString(true));
    if (!response.ok) throw new Error(`ecslint: cannot load ${wasm.toString(true)}: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  }
  await ecslint.init(bytes);
  return activateWith(vscode, context, ecslint, 'web');
}

export function deactivate() {}
