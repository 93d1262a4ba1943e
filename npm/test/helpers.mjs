// Shared by the tests: paths, and running the npm bin and the native CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const npmDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = path.resolve(npmDir, '..');
export const binPath = path.join(npmDir, 'bin', 'ecslint.js');
export const fixturesDir = path.join(repoDir, 'tests', 'fixtures', 'cli');
export const specsDir = path.join(repoDir, 'crates', 'ecslint-core', 'tests', 'specs');
export const corpusDir = path.resolve(repoDir, '..', 'shared', 'corpus');

/** Runs the npm bin: `{ status, stdout, stderr }` (strings). */
export function runBin(args, { cwd = repoDir, input, env } = {}) {
  return run(process.execPath, [binPath, ...args], { cwd, input, env });
}

/** Runs the native CLI (built by `nativeBinary()`). */
export function runNative(args, { cwd = repoDir, input, env } = {}) {
  return run(nativeBinary(), args, { cwd, input, env });
}

function run(command, args, { cwd, input, env }) {
  const result = spawnSync(command, args, {
    cwd,
    input: input ?? '',
    env: { ...process.env, NO_COLOR: '', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
  };
}

let native = null;

/**
 * The native CLI: $ECSLINT_NATIVE, else target/debug/ecslint, (re)built with cargo so that
 * it is built from the same sources as the wasm (an up-to-date build takes a moment).
 */
export function nativeBinary() {
  if (native) return native;
  if (process.env.ECSLINT_NATIVE) {
    native = process.env.ECSLINT_NATIVE;
    return native;
  }
  const build = spawnSync('cargo', ['build', '--quiet', '--locked', '-p', 'ecslint', '--bin', 'ecslint'], {
    cwd: repoDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.error || build.status !== 0) {
    throw new Error(`cannot build the native CLI (cargo build -p ecslint): ${build.error ?? build.status}`);
  }
  native = path.join(repoDir, 'target', 'debug', process.platform === 'win32' ? 'ecslint.exe' : 'ecslint');
  return native;
}

/** Every `*.json` under `dir`, sorted. */
export function jsonFiles(dir) {
  return filesEndingWith(dir, '.json');
}

/** Every `*.tf` (Terraform) under `dir`, sorted. */
export function tfFiles(dir) {
  return filesEndingWith(dir, '.tf');
}

function filesEndingWith(dir, suffix) {
  const out = [];
  const visit = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.isFile() && entry.name.endsWith(suffix)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) visit(dir);
  return out.sort();
}

/** A temporary directory holding `files` ({ relative path: contents }). */
export function tempTree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecslint-npm-'));
  for (const [name, contents] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, contents);
  }
  return dir;
}

export function removeTree(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A task definition with one problem of each fix kind. */
export const TASK = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": 256,
  "memory": "512",
  "containerDefinitions": [
    {"name": "app", "image": "nginx:1.27", "essential": true, "memoryReservaton": 128}
  ],
}
`;
