// Directory walking as the CLI does it with the `ignore` crate (ripgrep's walker, standard
// filters, `require_git(false)`): depth first, entries sorted by name (bytes), hidden entries
// (`.name`) skipped but the folders of ECS_HIDDEN_DIRS, `.ignore` and `.gitignore` files of the walked directories and of every
// parent of the root respected (a `.gitignore` above the directory holding `.git` is not, as
// git does), plus `.git/info/exclude`. Symbolic links are neither followed nor linted. Not
// read: git's global excludes file (`core.excludesFile`).

import fs from 'node:fs';
import path from 'node:path';

import { GlobError, globToRegExp } from './glob.js';

/** Hidden folders a walk enters, where ECS files are kept by convention (src/files.rs). */
export const ECS_HIDDEN_DIRS = [
  '.aws',
  '.ecs',
  '.ecspresso',
  '.copilot',
  '.github',
  '.circleci',
  '.buildkite',
  '.gitlab',
  '.deploy',
  '.infra',
];

/** `*.json.tpl` and `*.tpl`: Terraform `templatefile()` inputs, walked too (src/files.rs). */
export const isTemplateName = (p) => p.endsWith('.tpl');

/** The extensions a walk lints by default (src/config.rs `includes_file`): JSON, YAML and
 * `.template` (CloudFormation), `.tf` (Terraform) and `.tpl`. */
export const isWalkedName = (p) => /\.(json|ya?ml|template)$/i.test(p) || p.endsWith('.tf') || isTemplateName(p);

/** A `key:` at the start of a line, outside braces: YAML's block mapping (as
 * crates/ecslint-core/src/forms/mod.rs `looks_like_yaml`). */
const looksLikeYaml = (text) =>
  text
    .split('\n')
    .slice(0, 50)
    .some((line) => {
      line = line.trimEnd();
      const i = line.indexOf(':');
      return !/^[#/ \t{["]/.test(line) && i > 0 && /^[A-Za-z0-9_.-]+$/.test(line.slice(0, i));
    });

/** Whether the core reads the file as YAML (`forms::Reader::for_file`): `.yaml`/`.yml`, or a
 * `.template` (or unnamed) file that does not start like JSON and looks like YAML. */
export const isYaml = (p, text) => {
  const ext = p.toLowerCase().split('.').pop();
  if (ext === 'yaml' || ext === 'yml') return true;
  if (['json', 'tpl', 'jsonnet', 'tf'].includes(ext)) return false;
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first !== undefined && !'{["'.includes(first) && looksLikeYaml(text);
};

/** A cheap look before reading YAML as a template (`forms::cloudformation::looks_like_template`). */
export const looksLikeTemplate = (text) =>
  text.includes('AWSTemplateFormatVersion') ||
  text.split('\n').some((l) => l.startsWith('Resources:') || l.trimStart().startsWith('"Resources"'));

/** The text holds an ECS resource (`forms::cloudformation::mentions_ecs_resources`). */
export const mentionsEcsResources = (text) =>
  text.includes('AWS::ECS::TaskDefinition') || text.includes('AWS::ECS::Service');

/** One ignore file's patterns, as the `ignore` crate's `Gitignore` reads them. */
class IgnoreFile {
  constructor(dir, text) {
    this.dir = dir;
    this.globs = [];
    for (const raw of text.split(/\r?\n/)) {
      const glob = parseLine(raw);
      if (glob) this.globs.push(glob);
    }
  }

  /** 'ignore', 'whitelist' or null for `abs` (a path under `dir`). */
  match(abs, isDir) {
    if (this.globs.length === 0) return null;
    let rel = path.relative(this.dir, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    rel = rel.split(path.sep).join('/');
    for (let i = this.globs.length - 1; i >= 0; i--) {
      const glob = this.globs[i];
      if ((!glob.onlyDir || isDir) && glob.regex.test(rel)) {
        return glob.whitelist ? 'whitelist' : 'ignore';
      }
    }
    return null;
  }
}

function parseLine(raw) {
  let line = raw;
  if (line.startsWith('#')) return null;
  if (!line.endsWith('\\ ')) line = line.trimEnd();
  if (line === '') return null;
  let whitelist = false;
  let absolute = false;
  let onlyDir = false;
  if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
    absolute = line.startsWith('/');
  } else {
    if (line.startsWith('!')) {
      whitelist = true;
      line = line.slice(1);
    }
    if (line.startsWith('/')) {
      line = line.slice(1);
      absolute = true;
    }
  }
  if (line.endsWith('/')) {
    onlyDir = true;
    line = line.slice(0, -1);
    if (line.endsWith('\\')) line = line.slice(0, -1);
  }
  let actual = line;
  if (!absolute && !line.includes('/') && !(actual.startsWith('**/') || actual === '**')) {
    actual = `**/${actual}`;
  }
  if (actual.endsWith('/**')) actual = `${actual}/*`;
  try {
    return { regex: globToRegExp(actual), whitelist, onlyDir };
  } catch (e) {
    if (e instanceof GlobError) return null; // the `ignore` crate skips invalid lines too
    throw e;
  }
}

function readIgnoreFile(dir, name) {
  try {
    return new IgnoreFile(dir, fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return null;
  }
}

function isDirectory(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The ignore files of one directory. */
function level(dir) {
  const hasGit = fs.existsSync(path.join(dir, '.git'));
  return {
    ignore: readIgnoreFile(dir, '.ignore'),
    gitignore: readIgnoreFile(dir, '.gitignore'),
    exclude: hasGit && isDirectory(path.join(dir, '.git'))
      ? readIgnoreFile(dir, path.join('.git', 'info', 'exclude'))
      : null,
    hasGit,
  };
}

/** Whether `abs` is ignored by the levels (deepest first), with the crate's precedence. */
function ignored(levels, abs, isDir) {
  let mIgnore = null;
  let mGit = null;
  let mExclude = null;
  let sawGit = false;
  for (const lvl of levels) {
    if (mIgnore === null && lvl.ignore) mIgnore = lvl.ignore.match(abs, isDir);
    if (!sawGit) {
      if (mGit === null && lvl.gitignore) mGit = lvl.gitignore.match(abs, isDir);
      if (mExclude === null && lvl.exclude) mExclude = lvl.exclude.match(abs, isDir);
    }
    sawGit = sawGit || lvl.hasGit;
  }
  return (mIgnore ?? mGit ?? mExclude) === 'ignore';
}

/** Compares names as the CLI sorts them: by their UTF-8 bytes. */
function byBytes(a, b) {
  return Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
}

/** The path as the walker builds it: the root as given, then `/name` for each level. */
function child(dir, name) {
  return dir.endsWith('/') || dir.endsWith(path.sep) ? `${dir}${name}` : `${dir}/${name}`;
}

/**
 * Walks `root` (a directory, as given on the command line). For each directory below the
 * root, `pruneDir(abs)` may skip it with everything in it; each regular file is passed to
 * `onFile(path, abs)`; errors go to `onError(message)`.
 */
export function walk(root, { cwd, pruneDir, onFile, onError }) {
  const rootAbs = path.resolve(cwd, root);
  const parents = [];
  for (let dir = path.dirname(rootAbs); ; dir = path.dirname(dir)) {
    parents.push(level(dir));
    if (path.dirname(dir) === dir) break;
  }
  const visit = (dir, abs, levels) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      onError(`${dir}: ${ioMessage(e)}`);
      return;
    }
    entries.sort(byBytes);
    const here = [level(abs), ...levels];
    for (const entry of entries) {
      if (entry.name.startsWith('.') && !(entry.isDirectory() && ECS_HIDDEN_DIRS.includes(entry.name))) {
        continue;
      }
      const entryPath = child(dir, entry.name);
      const entryAbs = path.join(abs, entry.name);
      const isDir = entry.isDirectory();
      if (ignored([...here, ...parents], entryAbs, isDir)) continue;
      if (isDir) {
        if (!pruneDir(entryAbs)) visit(entryPath, entryAbs, here);
      } else if (entry.isFile()) {
        onFile(entryPath, entryAbs);
      }
    }
  };
  visit(root, rootAbs, []);
}

const IO_MESSAGES = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  EINVAL: 'Invalid argument',
};

/** An I/O error as Rust's `std::io::Error` prints it (`No such file or directory (os error 2)`). */
export function ioMessage(error) {
  const text = IO_MESSAGES[error.code];
  if (text && typeof error.errno === 'number') return `${text} (os error ${Math.abs(error.errno)})`;
  return text ?? error.message;
}
