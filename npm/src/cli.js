// `npx ecslint`: the native CLI's subcommands, flags, formats and exit codes, on the wasm
// build, for users without Rust. It mirrors src/args.rs, src/check.rs, src/files.rs and
// src/config.rs of the Rust CLI; linting, configuration parsing and every format but
// `pretty` run in the wasm (the same core code, so the JSON, SARIF, GitHub and JUnit outputs
// are byte for byte the CLI's). Differences: `pretty` is a compact rendering without source
// snippets, a bad configuration is reported in one line (with its place), and usage errors
// are worded like clap's but not identical.
//
// Exit codes: 0 no errors (warnings alone pass), 1 at least one error (or a warning with
// --deny-warnings), 2 usage or I/O failure; a closed stdout (EPIPE) is not a failure.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import * as api from './node.mjs';
import { GlobError, globSet } from './glob.js';
import {
  ioMessage,
  isTemplateName,
  isWalkedName,
  isYaml,
  looksLikeTemplate,
  mentionsEcsResources,
  walk,
} from './walk.js';

/** Why a walked YAML file is skipped (src/check.rs `NOT_A_TEMPLATE`). */
const NOT_A_TEMPLATE = 'YAML that is not a CloudFormation template';

const CONFIG_FILE = 'ecslint.toml';
const FORMATS = ['pretty', 'json', 'sarif', 'github', 'junit'];
const KINDS = [
  'task-definition',
  'describe-task-definition',
  'container-definitions',
  'container-definition',
  'service',
  'update-service',
  'cloudformation',
  'terraform',
];
const SCHEMA_KINDS = ['task-definition', 'service', 'container-definitions'];

class UsageError extends Error {
  constructor(message, usage) {
    super(message);
    this.usage = usage;
  }
}

// ---- output ----------------------------------------------------------------------------

function write(stream, text) {
  if (text === '' || text.length === 0) return;
  try {
    stream.write(text);
  } catch (e) {
    if (e.code !== 'EPIPE') throw e;
  }
}

const out = (text) => write(process.stdout, text);
const err = (text) => write(process.stderr, text);

function reportError(message) {
  err(`error: ${message}\n`);
}

function noColor() {
  const value = process.env.NO_COLOR;
  return value !== undefined && value !== '';
}

function plural(n, what) {
  return n === 1 ? `1 ${what}` : `${n} ${what}s`;
}

// ---- arguments -------------------------------------------------------------------------

const MAIN_HELP = `Lint Amazon ECS task definitions and service definitions before AWS rejects them

Usage: ecslint <COMMAND>

Commands:
  check    Lint files and directories (default: the current directory)
  rules    List every rule
  explain  Print a rule's documentation
  schema   Print the JSON Schema of a kind of file
  help     Print this message or the help of the given subcommand(s)

Options:
  -h, --help     Print help
  -V, --version  Print version
`;

const HELP = {
  check: `Lint files and directories (default: the current directory)

Usage: ecslint check [OPTIONS] [PATH]...

Arguments:
  [PATH]...  Files or directories to lint; \`-\` reads standard input

Options:
      --format <FORMAT>         Output format [default: pretty] [possible values: pretty, json, sarif, github, junit]
      --select <RULE>           Only these rules (ids or categories, comma-separated); replaces the config's \`select\`
      --ignore <RULE>           Turn these rules off (ids or categories, comma-separated); extends the config's \`ignore\`
      --config <PATH>           Use this ecslint.toml for every file instead of discovering one per directory
      --kind <KIND>             Lint every file as this kind instead of detecting it [possible values: task-definition, describe-task-definition, container-definitions, container-definition, service, update-service, cloudformation, terraform]
      --deny-warnings           Exit with 1 when there are warnings, not only errors
  -q, --quiet                   Print less: no "No problems found" line, no list of fixes
  -v, --verbose                 Also say which files a directory walk found and skipped, and why (on stderr)
      --fix                     Apply safe fixes to the files (to standard input: print the fixed document)
      --unsafe-fixes            With \`--fix\`, also apply unsafe fixes
      --stdin-filename <NAME>   The path to report standard input as (and to find its ecslint.toml from)
      --task-definition <PATH>  Check every service against this task definition (also linted)
  -h, --help                    Print help
  -V, --version                 Print version
`,
  rules: `List every rule

Usage: ecslint rules [OPTIONS]

Options:
      --format <FORMAT>  Output format [default: text] [possible values: text, json]
  -h, --help             Print help
  -V, --version          Print version
`,
  explain: `Print a rule's documentation

Usage: ecslint explain <RULE>

Arguments:
  <RULE>  The rule id, e.g. \`unknown-field\`

Options:
  -h, --help     Print help
  -V, --version  Print version
`,
  schema: `Print the JSON Schema of a kind of file

Usage: ecslint schema <KIND>

Arguments:
  <KIND>  \`task-definition\`, \`service\` or \`container-definitions\` [possible values: task-definition, service, container-definitions]

Options:
  -h, --help     Print help
  -V, --version  Print version
`,
};

const USAGE = {
  check: 'ecslint check [OPTIONS] [PATH]...',
  rules: 'ecslint rules [OPTIONS]',
  explain: 'ecslint explain <RULE>',
  schema: 'ecslint schema <KIND>',
};

/**
 * Parses a subcommand's arguments. `spec.values`: options taking a value (name → allowed
 * values or null); `spec.flags`: boolean options; `spec.short`: short aliases.
 */
function parseArgs(command, args, spec) {
  const values = {};
  const flags = {};
  const positional = [];
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositional || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '-V' || arg === '--version') return { version: true };
    let name = arg;
    let inline;
    if (arg.startsWith('--') && arg.includes('=')) {
      name = arg.slice(0, arg.indexOf('='));
      inline = arg.slice(arg.indexOf('=') + 1);
    }
    name = spec.short?.[name] ?? name;
    if (name in spec.values) {
      const meta = spec.values[name];
      let value = inline;
      if (value === undefined) {
        const next = args[i + 1];
        if (next === undefined || (next.startsWith('-') && next !== '-')) {
          throw new UsageError(
            `a value is required for '${name} <${meta.placeholder}>' but none was supplied`,
            USAGE[command],
          );
        }
        value = next;
        i += 1;
      }
      if (meta.choices && !meta.choices.includes(value)) {
        throw new UsageError(
          `invalid value '${value}' for '${name} <${meta.placeholder}>'\n  [possible values: ${meta.choices.join(', ')}]`,
          null,
        );
      }
      (values[name] ??= []).push(value);
      continue;
    }
    if (spec.flags.includes(name)) {
      if (inline !== undefined) {
        throw new UsageError(
          `unexpected value '${inline}' for '${name}' found; no more were expected`,
          USAGE[command],
        );
      }
      flags[name] = true;
      continue;
    }
    throw new UsageError(
      `unexpected argument '${arg}' found\n\n  tip: to pass '${arg}' as a value, use '-- ${arg}'`,
      USAGE[command],
    );
  }
  return { values, flags, positional };
}

function usageFailure(error) {
  let text = `error: ${error.message}\n\n`;
  if (error.usage) text += `Usage: ${error.usage}\n\n`;
  text += "For more information, try '--help'.\n";
  err(text);
  return 2;
}

// ---- configuration ---------------------------------------------------------------------

/** `path` relative to `cwd` when inside it (as the CLI shows configuration paths). */
function shownPath(abs, cwd) {
  if (abs === cwd) return '';
  return abs.startsWith(cwd + path.sep) ? abs.slice(cwd.length + 1) : abs;
}

/** Position of JS string index `index` in `text`: 1-based line and column (characters). */
function position(text, index) {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: Array.from(text.slice(lineStart, index)).length + 1 };
}

/** `[files]` patterns with .gitignore conventions, as src/config.rs `glob_set`. */
function compileGlobs(patterns, text, dirs) {
  const globs = [];
  for (const pattern of patterns) {
    let p = pattern;
    while (p.startsWith('./')) p = p.slice(2);
    if (p.startsWith('/')) p = p.slice(1);
    else if (!p.replace(/\/+$/, '').includes('/')) p = `**/${p}`;
    p = p.replace(/\/+$/, '');
    if (dirs) while (p.endsWith('/**')) p = p.slice(0, -3);
    globs.push({ pattern, glob: p });
  }
  try {
    return globSet(globs.map((g) => g.glob));
  } catch (e) {
    if (!(e instanceof GlobError)) throw e;
    // Find which pattern failed, for the message and its place in the file.
    for (const { pattern, glob } of globs) {
      try {
        globSet([glob]);
      } catch (inner) {
        const quoted = `"${pattern}"`;
        const at = text == null ? -1 : text.indexOf(quoted);
        const failure = new Error(`\`${pattern}\` is not a valid glob: ${inner.kind}`);
        failure.position = at >= 0 ? position(text, at) : null;
        throw failure;
      }
    }
    throw e;
  }
}

/** The deployers `--deployer` takes (ecslint_core::Deployer ids). */
const DEPLOYERS = ['aws-cli', 'ecs-deploy-action', 'ecs-deploy-action@v1', 'ecspresso', 'terraform', 'codedeploy'];

/** Files a repository's evidence is read from (ecslint_core::deploy::repository::is_evidence_file). */
function isEvidenceFile(rel) {
  const name = rel.split('/').pop();
  return (
    (rel.startsWith('.github/workflows/') && (name.endsWith('.yml') || name.endsWith('.yaml'))) ||
    ['ecspresso.yml', 'ecspresso.yaml', 'ecspresso.json', 'ecspresso.jsonnet'].includes(name) ||
    ['appspec.yaml', 'appspec.yml', 'appspec.json'].includes(name) ||
    name.endsWith('.tf')
  );
}

/** The repositories' evidence files, read once per repository (src/deployers.rs). */
class Evidence {
  constructor(cwd) {
    this.cwd = cwd;
    this.repositories = new Map();
  }

  /** The `repository` option for the file at `abs`. */
  for(abs) {
    const root = this.rootOf(abs);
    let files = this.repositories.get(root);
    if (!files) {
      files = [];
      walk(root, {
        cwd: root,
        pruneDir: () => false,
        onFile: (entryPath, entryAbs) => {
          const rel = path.relative(root, entryAbs).split(path.sep).join('/');
          if (!isEvidenceFile(rel)) return;
          try {
            files.push({ path: rel, text: fs.readFileSync(entryAbs, 'utf8'), shown: shownFromCwd(entryAbs, this.cwd) });
          } catch {
            // Unreadable: no evidence.
          }
        },
        onError: () => {},
      });
      this.repositories.set(root, files);
    }
    const shownRoot = root === this.cwd ? '' : shownFromCwd(root, this.cwd);
    return {
      root: shownRoot,
      path: path.relative(root, abs).split(path.sep).join('/'),
      files,
    };
  }

  rootOf(abs) {
    let dir = path.dirname(abs);
    for (;;) {
      if (fs.existsSync(path.join(dir, '.git'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) return this.cwd;
      dir = parent;
    }
  }
}

class Loaded {
  constructor(config, dir, text) {
    this.config = config;
    this.dir = dir;
    const files = config.files ?? {};
    this.include = files.include?.length ? compileGlobs(files.include, text, false) : null;
    this.exclude = compileGlobs(files.exclude ?? [], text, false);
    this.excludeDirs = compileGlobs(files.exclude ?? [], text, true);
    // `[[deploy]]` and `deployer` (src/config.rs `deployer_for`).
    this.deploy = (config.deploy ?? []).map((rule) => ({
      globs: compileGlobs(rule.files, text, false),
      via: rule.via,
    }));
    this.deployer = config.deployer ?? null;
  }

  /** How the configuration says the file at `abs` is deployed, if it does. */
  deployerFor(abs) {
    const rel = this.relative(abs);
    const rule = this.deploy.find((r) => r.globs.isMatch(rel));
    return rule ? rule.via : this.deployer;
  }

  relative(abs) {
    let rel = abs;
    if (this.dir !== null) {
      if (abs === this.dir) rel = '';
      else if (abs.startsWith(this.dir.endsWith(path.sep) ? this.dir : this.dir + path.sep)) {
        rel = abs.slice(this.dir.length).replace(/^[/\\]+/, '');
      }
    }
    return rel.split(path.sep).join('/');
  }

  includesFile(abs) {
    const rel = this.relative(abs);
    const included = this.include
      ? this.include.isMatch(rel)
      : isWalkedName(abs);
    return included && !this.exclude.isMatch(rel);
  }

  excludesDir(abs) {
    const rel = this.relative(abs);
    return this.excludeDirs.isMatch(rel) || this.exclude.isMatch(rel);
  }
}

/** A configuration that cannot be used: rendered in one line, with its place. */
function renderFailure(failure) {
  if (failure.text == null) return `error: ${failure.path}: ${failure.message}\n`;
  const where = failure.position
    ? `${failure.path}:${failure.position.line}:${failure.position.column}`
    : failure.path;
  return `error: invalid configuration: ${failure.message}\n  --> ${where}\n`;
}

/** Finds and caches the configuration of each directory (src/config.rs `Discovery`). */
class Discovery {
  constructor(overrides, explicit, cwd) {
    this.overrides = overrides;
    this.cwd = cwd;
    this.byDir = new Map();
    this.defaultResolved = null;
    this.fixed = null;
    if (explicit !== undefined) {
      const abs = path.resolve(cwd, explicit);
      this.fixed = this.load(abs, path.dirname(abs));
    }
  }

  forDir(dir) {
    if (this.fixed) return this.fixed;
    const found = this.byDir.get(dir);
    if (found) return found;
    const candidate = path.join(dir, CONFIG_FILE);
    let resolved;
    if (isFile(candidate)) resolved = this.load(candidate, dir);
    else if (path.dirname(dir) !== dir) resolved = this.forDir(path.dirname(dir));
    else resolved = this.defaultConfig();
    this.byDir.set(dir, resolved);
    return resolved;
  }

  defaultConfig() {
    if (!this.defaultResolved) {
      const config = api.loadConfig('', this.overrides);
      this.defaultResolved = { ok: true, loaded: new Loaded(config, null, null) };
    }
    return this.defaultResolved;
  }

  load(abs, dir) {
    const shown = shownPath(abs, this.cwd);
    const failure = (text, message, position) => ({
      ok: false,
      failure: { path: shown, text, message, position: position ?? null },
    });
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(abs));
    } catch (e) {
      const message = e.code ? ioMessage(e) : 'stream did not contain valid UTF-8';
      return failure(null, `cannot read the configuration: ${message}`);
    }
    let config;
    try {
      config = api.loadConfig(text, this.overrides);
    } catch (e) {
      if (e.code !== 'invalid-config' && e.code !== 'invalid-select') throw e;
      const at = e.range ? { line: e.range.start.line, column: e.range.start.column } : null;
      return failure(text, e.reason, at);
    }
    try {
      return { ok: true, loaded: new Loaded(config, dir, text) };
    } catch (e) {
      if (!('position' in e)) throw e;
      return failure(text, e.message, e.position);
    }
  }
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// ---- check -----------------------------------------------------------------------------

/** The path as shown: as given, without a leading `./`. */
function display(p) {
  let text = p;
  while (text.startsWith('./')) text = text.slice(2);
  return text;
}

/** Expands the command line's paths into files, in order (src/files.rs `collect`). */
function collect(paths, stdinFilename, cwd, discovery, state) {
  const seen = new Set();
  const targets = [];
  for (const p of paths.length > 0 ? paths : ['.']) {
    if (p === '-') {
      targets.push({
        display: display(stdinFilename ?? '<stdin>'),
        path: p,
        abs: path.resolve(cwd, stdinFilename ?? '-'),
        origin: 'stdin',
      });
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      reportError(`${p}: ${ioMessage(e)}`);
      state.failed = true;
      continue;
    }
    if (stat.isDirectory()) {
      walk(p, {
        cwd,
        pruneDir: (abs) => {
          const resolved = discovery.forDir(path.dirname(abs));
          return resolved.ok && resolved.loaded.excludesDir(abs);
        },
        onFile: (entryPath, abs) => {
          const resolved = discovery.forDir(path.dirname(abs));
          const included = resolved.ok
            ? resolved.loaded.includesFile(abs)
            : path.extname(entryPath) === '.json';
          if (included && !seen.has(abs)) {
            seen.add(abs);
            targets.push({ display: display(entryPath), path: entryPath, abs, origin: 'walked' });
          }
        },
        onError: (message) => {
          reportError(message);
          state.failed = true;
        },
      });
    } else {
      const abs = path.resolve(cwd, p);
      if (!seen.has(abs)) {
        seen.add(abs);
        targets.push({ display: display(p), path: p, abs, origin: 'explicit' });
      }
    }
  }
  return targets;
}

/** UTF-8 text of a file, or null (unreadable, not a file, or not UTF-8: Rust's `read_to_string`). */
function readUtf8(p) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(p));
  } catch {
    return null;
  }
}

/** As ecslint_core::forms::terraform::normalize_path: `/` separators, no `.` segments, `..`
 * applied where it can be. */
function normalizePath(p) {
  const parts = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return (p.startsWith('/') ? '/' : '') + parts.join('/');
}

/**
 * The Terraform modules of a run (src/terraform.rs `Modules`): for each folder holding a
 * `.tf` target, its `.tf` files and the files their `container_definitions` read with
 * `file()` or `templatefile()`. `extra`: the files they read that the run does not lint yet
 * (linted too, as walked files); `filesFor(display)`: the `files` option of a target.
 */
function loadModules(targets, stdinDir, cwd) {
  const modules = new Map();
  const readers = new Map();
  const shownDir = (shown) => {
    const dir = path.posix.dirname(shown.split(path.sep).join('/'));
    return dir === '.' ? '' : dir;
  };
  const isTf = (display) => display.endsWith('.tf');
  for (const target of targets) {
    if (!isTf(target.display)) continue;
    const key = shownDir(target.display);
    if (modules.has(key)) continue;
    const fsDir = target.origin === 'stdin' ? stdinDir : path.dirname(path.resolve(cwd, target.path));
    const module = { tf: [], read: [] };
    let names = [];
    try {
      names = fs
        .readdirSync(fsDir)
        // A name with an extension `tf` (`.tf` alone has none), that is a file.
        .filter((n) => n.length > 3 && n.endsWith('.tf') && isFile(path.join(fsDir, n)))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    } catch {
      // An unreadable folder: the file is linted alone.
    }
    for (const name of names) {
      const text = readUtf8(path.join(fsDir, name));
      if (text !== null) module.tf.push({ path: key === '' ? name : `${key}/${name}`, text });
    }
    for (const tf of module.tf) {
      for (const readPath of api.terraformReadFiles(tf.path, tf.text)) {
        if (module.read.some((f) => f.path === readPath)) continue;
        const text = readUtf8(path.resolve(cwd, readPath));
        if (text === null) continue; // Not there: the task definition says it was not read.
        readers.set(readPath, key);
        module.read.push({ path: readPath, text });
      }
    }
    modules.set(key, module);
  }
  const extra = [];
  for (const module of modules.values()) {
    for (const f of module.read) {
      const abs = path.resolve(cwd, f.path);
      if (!targets.some((t) => t.abs === abs) && !extra.some((t) => t.abs === abs)) {
        extra.push({ display: f.path, path: path.join(cwd, f.path), abs, origin: 'walked' });
      }
    }
  }
  extra.sort((a, b) => Buffer.compare(Buffer.from(a.display), Buffer.from(b.display)));
  return {
    extra,
    filesFor(display) {
      if (isTf(display)) {
        const module = modules.get(shownDir(display));
        if (!module) return [];
        return [...module.tf.filter((f) => f.path !== display), ...module.read];
      }
      const key = readers.get(normalizePath(display));
      return key === undefined ? [] : modules.get(key).tf;
    },
  };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Replaces `p` (following symlinks) with `text` in one rename, keeping its permissions. */
function writeAtomically(p, text) {
  const target = fs.realpathSync(p);
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.ecslint-fix-${crypto.randomBytes(6).toString('hex')}`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.chmodSync(temp, mode);
    } catch {
      // Best effort: a file system without permissions still gets the fix.
    }
    fs.renameSync(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw e;
  }
}

/** The task definition an ecspresso configuration in the service's directory or above pairs
 * with the service at `service` (absolute), as src/files.rs `ecspresso_task_definition`. */
function ecspressoTaskDefinition(service) {
  let dir = path.dirname(service);
  for (;;) {
    for (const name of ['ecspresso.yml', 'ecspresso.yaml', 'ecspresso.json', 'ecspresso.jsonnet']) {
      let text;
      try {
        text = fs.readFileSync(path.join(dir, name), 'utf8');
      } catch {
        continue;
      }
      const config = api.default.__ecspressoConfig(text);
      if (config.serviceDefinition == null || config.taskDefinition == null) continue;
      if (path.resolve(dir, config.serviceDefinition) === service) {
        return path.resolve(dir, config.taskDefinition);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `abs` as shown: relative to `cwd` when inside it (src/files.rs `shown`). */
function shownFromCwd(abs, cwd) {
  return display(abs.startsWith(cwd + path.sep) ? abs.slice(cwd.length + 1) : abs);
}

/** The task definition of the service `read[index]`, as src/check.rs `find_pair`. */
function findPair(index, read, loaded, explicitTd, cwd, lossy) {
  const found = { taskDefinition: null, note: null, ecspresso: false };
  const { target } = read[index];
  const ecspresso = target.origin === 'stdin' ? null : ecspressoTaskDefinition(target.abs);
  found.ecspresso = ecspresso !== null;
  const pairs = loaded.config.pair ?? [];
  let paired = null;
  if (loaded.dir !== null) {
    for (const p of pairs) {
      if (path.resolve(loaded.dir, p.service) === target.abs) {
        paired = path.resolve(loaded.dir, p['task-definition'] ?? p.taskDefinition);
        break;
      }
    }
  }
  const named = explicitTd ?? paired ?? ecspresso;
  if (named !== null) {
    const inRun = read.find((r) => r.target.abs === named);
    if (inRun) {
      found.taskDefinition = { path: inRun.target.display, text: lossy(inRun.bytes) };
    } else {
      try {
        found.taskDefinition = { path: shownFromCwd(named, cwd), text: lossy(fs.readFileSync(named)) };
      } catch (e) {
        found.note = `${shownFromCwd(named, cwd)} cannot be read: ${ioMessage(e)}`;
      }
    }
    return found;
  }
  const family = read[index].summary?.taskDefinitionFamily;
  if (family == null) return found;
  const isTask = (k) => k === 'task-definition' || k === 'describe-task-definition';
  const ofFamily = [];
  read.forEach((r, i) => {
    if (i !== index && r.summary && isTask(r.summary.kind) && r.summary.family === family) ofFamily.push(i);
  });
  // A guess by family stays inside the service's project: the same ecslint.toml or folder.
  const dir = path.dirname(target.abs);
  const sameProject = (r) =>
    path.dirname(r.target.abs) === dir || (loaded.dir !== null && r.resolved.ok && r.resolved.loaded.dir === loaded.dir);
  const candidates = ofFamily.filter((i) => sameProject(read[i]));
  if (candidates.length === 0) {
    if (ofFamily.length > 0) {
      found.note = `${read[ofFamily[0]].target.display} has family \`${family}\` but is outside this service's project (no shared ecslint.toml or folder), so it was not paired`;
    }
    return found;
  }
  const near = candidates.filter((i) => path.dirname(read[i].target.abs) === dir);
  let pick = null;
  if (near.length === 1) pick = near[0];
  else if (near.length === 0 && candidates.length === 1) pick = candidates[0];
  if (pick !== null) {
    found.taskDefinition = { path: read[pick].target.display, text: lossy(read[pick].bytes) };
  } else if (candidates.length > 1) {
    const shown = candidates.slice(0, 3).map((i) => read[i].target.display);
    found.note = `${candidates.length} task definitions of family \`${family}\` in this run: ${shown.join(', ')}${candidates.length > 3 ? ', …' : ''}`;
  }
  return found;
}

async function check(args) {
  const parsed = parseArgs('check', args, {
    values: {
      '--format': { placeholder: 'FORMAT', choices: FORMATS },
      '--select': { placeholder: 'RULE', choices: null },
      '--ignore': { placeholder: 'RULE', choices: null },
      '--config': { placeholder: 'PATH', choices: null },
      '--kind': { placeholder: 'KIND', choices: KINDS },
      '--stdin-filename': { placeholder: 'NAME', choices: null },
      '--task-definition': { placeholder: 'PATH', choices: null },
      '--deployer': { placeholder: 'NAME', choices: DEPLOYERS },
    },
    flags: ['--deny-warnings', '--quiet', '--verbose', '--fix', '--unsafe-fixes'],
    short: { '-q': '--quiet', '-v': '--verbose' },
  });
  if (parsed.help) return out(HELP.check), 0;
  if (parsed.version) return out(`ecslint-check ${api.version()}\n`), 0;
  const { values, flags, positional } = parsed;
  if (flags['--unsafe-fixes'] && !flags['--fix']) {
    throw new UsageError(
      'the following required arguments were not provided:\n  --fix',
      'ecslint check --fix --unsafe-fixes [PATH]...',
    );
  }
  const last = (name) => values[name]?.[values[name].length - 1];
  const split = (name) => values[name]?.flatMap((v) => v.split(','));
  const o = {
    paths: positional,
    format: last('--format') ?? 'pretty',
    select: split('--select'),
    ignore: split('--ignore') ?? [],
    config: last('--config'),
    kind: last('--kind'),
    stdinFilename: last('--stdin-filename'),
    taskDefinition: last('--task-definition'),
    deployer: last('--deployer'),
    denyWarnings: Boolean(flags['--deny-warnings']),
    quiet: Boolean(flags['--quiet']),
    verbose: Boolean(flags['--verbose']),
    fix: Boolean(flags['--fix']),
    unsafeFixes: Boolean(flags['--unsafe-fixes']),
  };
  for (const name of ['--format', '--config', '--kind', '--stdin-filename', '--task-definition', '--deployer']) {
    if ((values[name]?.length ?? 0) > 1) {
      throw new UsageError(`the argument '${name}' cannot be used multiple times`, USAGE.check);
    }
  }

  const overrides = { ignore: o.ignore };
  if (o.select !== undefined) overrides.select = o.select;
  try {
    api.loadConfig('', overrides);
  } catch (e) {
    if (e.code !== 'invalid-select') throw e;
    reportError(`--select/--ignore: ${e.reason}`);
    return 2;
  }
  const cwd = process.cwd();
  const discovery = new Discovery(overrides, o.config, cwd);
  if (discovery.fixed && !discovery.fixed.ok) {
    err(renderFailure(discovery.fixed.failure));
    return 2;
  }
  const state = { failed: false };
  const targets = collect(o.paths, o.stdinFilename, cwd, discovery, state);
  // Terraform: each `.tf` file's module (its folder), and the files `container_definitions`
  // reads, which are linted too (src/check.rs).
  const stdinDir = o.stdinFilename === undefined ? cwd : path.resolve(cwd, path.dirname(o.stdinFilename));
  const modules = loadModules(targets, stdinDir, cwd);
  targets.push(...modules.extra);
  // `--task-definition`: checked against every service, and linted too (src/check.rs).
  const explicitTd = o.taskDefinition === undefined ? null : path.resolve(cwd, o.taskDefinition);
  if (explicitTd !== null) {
    if (!isFile(explicitTd)) {
      reportError(`--task-definition ${o.taskDefinition}: no such file`);
      return 2;
    }
    if (!targets.some((t) => t.abs === explicitTd)) {
      targets.push({ display: display(o.taskDefinition), path: o.taskDefinition, abs: explicitTd, origin: 'explicit' });
    }
  }

  const reported = new Set();
  const files = [];
  let fixedStdin = null;
  // First every file is read: pairing needs the task definitions of the whole run.
  const read = [];
  for (const target of targets) {
    const resolved = discovery.forDir(path.dirname(target.abs));
    if (!resolved.ok) {
      if (!reported.has(resolved.failure.path)) {
        reported.add(resolved.failure.path);
        err(renderFailure(resolved.failure));
      }
      state.failed = true;
      continue;
    }
    let bytes;
    try {
      bytes = target.origin === 'stdin' ? await readStdin() : fs.readFileSync(target.path);
    } catch (e) {
      reportError(`${target.display}: ${ioMessage(e)}`);
      state.failed = true;
      continue;
    }
    read.push({ target, resolved, bytes });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const utf8 = (bytes) => {
    try {
      return decoder.decode(bytes);
    } catch {
      return null;
    }
  };
  const lossy = (bytes) => new TextDecoder('utf-8').decode(bytes);
  for (const r of read) {
    const text = utf8(r.bytes);
    r.summary = text === null ? null : api.default.__pairSummary(text, o.kind);
  }
  const evidence = new Evidence(cwd);
  const skipped = [];
  for (let index = 0; index < read.length; index++) {
    const { target, resolved, bytes } = read[index];
    const options = {
      path: target.display,
      config: resolved.loaded.config,
      reportUnknownKind: target.origin !== 'walked',
    };
    if (o.kind) options.kind = o.kind;
    const moduleFiles = modules.filesFor(target.display);
    if (moduleFiles.length > 0) options.files = moduleFiles;
    // How the file is deployed (src/deployers.rs): the flag, the configuration, else the
    // repository's evidence, read once per repository.
    const deployer = o.deployer ?? resolved.loaded.deployerFor(target.abs);
    if (deployer) options.deployer = deployer;
    else if (target.origin !== 'stdin' || o.stdinFilename) options.repository = evidence.for(target.abs);
    if (read[index].summary?.kind === 'service' || read[index].summary?.kind === 'update-service') {
      const found = findPair(index, read, resolved.loaded, explicitTd, cwd, lossy);
      if (found.taskDefinition) options.taskDefinition = found.taskDefinition;
      if (found.note) options.pairNote = found.note;
      if (found.ecspresso) options.ecspresso = true;
    }
    // As src/check.rs: walked YAML is linted only when it is a CloudFormation template.
    const yaml = target.origin === 'walked' && isYaml(target.abs, lossy(bytes.subarray(0, 4096)));
    if (yaml && !looksLikeTemplate(lossy(bytes))) {
      skipped.push({ path: target.display, reason: NOT_A_TEMPLATE });
      continue;
    }
    let file = api.lint(bytes, options).files[0];
    if (target.origin === 'walked') {
      // As src/check.rs `skip_reason`: a template that does not parse, YAML that is no
      // template, a template without ECS resources, or no ECS document.
      const reason =
        isTemplateName(target.abs) && read[index].summary === null
          ? 'a template that is JSON only once it is rendered (lint the rendered output)'
          : yaml && file.kind !== 'cloudformation'
            ? NOT_A_TEMPLATE
            : file.kind === 'cloudformation' && !mentionsEcsResources(lossy(bytes))
              ? 'a CloudFormation template without ECS resources'
              : file.kind === 'unknown' && target.abs.endsWith('.tf')
                ? 'a Terraform file without an aws_ecs_task_definition or aws_ecs_service resource'
                : file.kind === 'unknown'
                  ? 'not an ECS task definition, container definition array or service definition'
                  : null;
      if (reason !== null) {
        skipped.push({ path: target.display, reason });
        continue;
      }
    }
    if (o.fix) {
      const outcome = api.fix(bytes, { ...options, unsafe: o.unsafeFixes });
      if (target.origin === 'stdin') {
        const fixed = outcome.fixed ? Buffer.from(outcome.text, 'utf8') : bytes;
        fixedStdin = Buffer.concat([fixedStdin ?? Buffer.alloc(0), fixed]);
      }
      if (outcome.fixed) {
        if (target.origin !== 'stdin') {
          try {
            writeAtomically(target.path, outcome.text);
          } catch (e) {
            reportError(`${target.display}: cannot write the fixed file: ${ioMessage(e)}`);
            state.failed = true;
            files.push(file);
            continue;
          }
        }
        if (!o.quiet) {
          const what = outcome.applied.map((a) => a.message).join(', ');
          err(`Fixed ${plural(outcome.applied.length, 'problem')} in ${target.display}: ${what}\n`);
        }
        file = outcome.report.files[0];
      }
    }
    files.push(file);
  }

  if (o.verbose) {
    for (const s of skipped) err(`skipped ${s.path}: ${s.reason}\n`);
  }
  const report = api.mergeReports([{ files, skipped }]);
  const toStderr = fixedStdin !== null;
  const terminal = Boolean(toStderr ? process.stderr.isTTY : process.stdout.isTTY);
  const text =
    o.format === 'pretty'
      ? api.formatReport(report, 'pretty', {
          color: terminal && !noColor(),
          // "No problems found" would be misleading when some files could not be linted.
          quiet: o.quiet || state.failed,
          fixHint: !o.fix,
        })
      : api.formatReport(report, o.format);
  if (toStderr) {
    err(text);
    write(process.stdout, fixedStdin);
  } else {
    out(text);
  }
  const { summary } = report;
  if (state.failed) return 2;
  if (summary.errors > 0 || (o.denyWarnings && summary.warnings > 0)) return 1;
  return 0;
}

// ---- rules, explain, schema --------------------------------------------------------------

function rulesCommand(args) {
  const parsed = parseArgs('rules', args, {
    values: { '--format': { placeholder: 'FORMAT', choices: ['text', 'json'] } },
    flags: [],
  });
  if (parsed.help) return out(HELP.rules), 0;
  if (parsed.version) return out(`ecslint-rules ${api.version()}\n`), 0;
  if (parsed.positional.length > 0) {
    throw new UsageError(`unexpected argument '${parsed.positional[0]}' found`, USAGE.rules);
  }
  const format = parsed.values['--format']?.at(-1) ?? 'text';
  const rules = api.rules();
  if (format === 'json') {
    const list = rules.map(({ docs, ...rest }) => rest);
    out(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const rows = rules.map((m) => [
    m.id,
    m.severity,
    m.category,
    m.fix === 'none' ? '' : m.fix,
    m.summary,
  ]);
  const header = ['RULE', 'SEVERITY', 'CATEGORY', 'FIX', 'SUMMARY'];
  const widths = [0, 0, 0, 0];
  const length = (s) => Array.from(s).length;
  for (const row of [header, ...rows]) {
    for (let i = 0; i < 4; i++) widths[i] = Math.max(widths[i], length(row[i]));
  }
  let text = '';
  for (const row of [header, ...rows]) {
    let line = '';
    for (let i = 0; i < 4; i++) line += `${row[i]}${' '.repeat(widths[i] - length(row[i]))}  `;
    line += row[4];
    text += `${line.trimEnd()}\n`;
  }
  out(text);
  return 0;
}

function explainCommand(args) {
  const parsed = parseArgs('explain', args, { values: {}, flags: [] });
  if (parsed.help) return out(HELP.explain), 0;
  if (parsed.version) return out(`ecslint-explain ${api.version()}\n`), 0;
  if (parsed.positional.length === 0) {
    throw new UsageError('the following required arguments were not provided:\n  <RULE>', USAGE.explain);
  }
  if (parsed.positional.length > 1) {
    throw new UsageError(`unexpected argument '${parsed.positional[1]}' found`, USAGE.explain);
  }
  try {
    out(api.explain(parsed.positional[0]));
  } catch (e) {
    if (e.code !== 'unknown-rule') throw e;
    reportError(e.reason);
    return 2;
  }
  return 0;
}

function schemaCommand(args) {
  const parsed = parseArgs('schema', args, { values: {}, flags: [] });
  if (parsed.help) return out(HELP.schema), 0;
  if (parsed.version) return out(`ecslint-schema ${api.version()}\n`), 0;
  if (parsed.positional.length === 0) {
    throw new UsageError('the following required arguments were not provided:\n  <KIND>', USAGE.schema);
  }
  if (parsed.positional.length > 1) {
    throw new UsageError(`unexpected argument '${parsed.positional[1]}' found`, USAGE.schema);
  }
  const kind = parsed.positional[0];
  if (!SCHEMA_KINDS.includes(kind)) {
    throw new UsageError(
      `invalid value '${kind}' for '<KIND>'\n  [possible values: ${SCHEMA_KINDS.join(', ')}]`,
      null,
    );
  }
  out(`${JSON.stringify(api.schema(kind), null, 2)}\n`);
  return 0;
}

const COMMANDS = { check, rules: rulesCommand, explain: explainCommand, schema: schemaCommand };

/** Runs the command line `args` (without `node` and the script); resolves to the exit code. */
export async function main(args) {
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    const [first, ...rest] = args;
    if (first === undefined) {
      err(MAIN_HELP);
      return 2;
    }
    if (first === '-h' || first === '--help') return out(MAIN_HELP), 0;
    if (first === '-V' || first === '--version') return out(`ecslint ${api.version()}\n`), 0;
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) return out(MAIN_HELP), 0;
      if (!HELP[topic]) throw new UsageError(`unrecognized subcommand '${topic}'`, 'ecslint <COMMAND>');
      return out(HELP[topic]), 0;
    }
    const command = COMMANDS[first];
    if (!command) {
      if (first.startsWith('-')) {
        throw new UsageError(`unexpected argument '${first}' found`, 'ecslint <COMMAND>');
      }
      throw new UsageError(`unrecognized subcommand '${first}'`, 'ecslint <COMMAND>');
    }
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(e);
    reportError(e && e.message ? e.message : String(e));
    return 2;
  }
}
