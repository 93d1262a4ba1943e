// Parity of `ecslint server` with the VS Code extension's engine: every spec fixture, CLI
// fixture and corpus file is opened in the server (a minimal LSP client over stdio, UTF-16
// positions as VS Code counts them), and linted as the extension lints it (the npm package's
// wasm `lint`, then vscode-extension/src/core/diagnostics.js `toEditorDiagnostics`). Both must
// give the same diagnostics: range, rule, severity, message (with its help line), related
// places.
//
//   ECSLINT_BIN=target/debug/ecslint node --test scripts/lsp/parity.test.mjs
//
// Needs npm/dist (npm/scripts/build.sh). Documents are `untitled:` ones named `N.taskdef.json`:
// no file, no configuration, no pairing on either side.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { lint } = await import(path.join(repo, 'npm/src/node.mjs'));
const { toEditorDiagnostics } = await import(path.join(repo, 'vscode-extension/src/core/diagnostics.js'));
const binary = process.env.ECSLINT_BIN ?? path.join(repo, 'target/debug/ecslint');

function jsonFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(p));
    else if (entry.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

const corpus = path.resolve(repo, '../shared/corpus');
const FILES = [
  ...jsonFiles(path.join(repo, 'examples')),
  ...jsonFiles(path.join(repo, 'crates/ecslint-core/tests/specs')),
  ...jsonFiles(path.join(repo, 'tests/fixtures/cli')),
  ...jsonFiles(path.join(corpus, 'taskdefs')),
  ...jsonFiles(path.join(corpus, 'services')),
];

/** A minimal LSP client: framed JSON-RPC over the server's stdin and stdout. */
class Client {
  constructor(command, args) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.waiting = [];
    this.messages = [];
    this.nextId = 1;
    this.child.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())[1]);
        if (this.buffer.length < end + 4 + length) return;
        const body = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.messages.push(body);
        this.deliver();
      }
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  deliver() {
    for (const w of [...this.waiting]) {
      const at = this.messages.findIndex(w.matches);
      if (at >= 0) {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        w.resolve(this.messages.splice(at, 1)[0]);
      }
    }
  }

  wait(matches) {
    return new Promise((resolve) => {
      this.waiting.push({ matches, resolve });
      this.deliver();
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  async request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id && ('result' in m || 'error' in m));
  }

  notify(method, params) {
    this.send({ method, params });
  }
}

const SEVERITY = { error: 1, warning: 2, info: 3 };

test(`the server and the VS Code extension's engine agree on ${FILES.length} files`, async () => {
  assert.ok(FILES.length > 100, `only ${FILES.length} files found`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-parity-'));
  const client = new Client(binary, ['server']);
  const init = await client.request('initialize', { processId: null, rootUri: `file://${root}`, capabilities: {} });
  assert.equal(init.result.capabilities.positionEncoding, 'utf-16');
  client.notify('initialized', {});
  let compared = 0;
  let diagnostics = 0;
  for (const [i, file] of FILES.entries()) {
    const text = fs.readFileSync(file, 'utf8');
    const name = `${i}.taskdef.json`;
    const uri = `untitled:${name}`;
    const published = client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const server = (await published).params.diagnostics;
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);

    const report = lint(text, { path: name, reportUnknownKind: true });
    const extension = toEditorDiagnostics(text, report.files[0]);
    const shown = (d) => ({
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: (d.relatedInformation ?? []).map((r) => ({ range: r.location.range, message: r.message })),
    });
    const expected = extension.map((d) => ({
      range: d.range,
      severity: SEVERITY[d.severity],
      code: d.code,
      message: d.message,
      related: d.related.map((r) => ({ range: r.range, message: r.message })),
    }));
    assert.deepEqual(server.map(shown), expected, `${path.relative(repo, file)}`);
    compared += 1;
    diagnostics += expected.length;
  }
  const shutdown = await client.request('shutdown', null);
  assert.equal(shutdown.result, null);
  client.notify('exit', null);
  assert.equal(await client.exited, 0);
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`parity: ${compared} files, ${diagnostics} diagnostics, identical`);
});
