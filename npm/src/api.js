// The public API of the npm package over the wasm-bindgen glue, shared by every entry point
// (src/browser.js imports it as an ES module; scripts/build.sh turns it into dist/api.cjs for
// Node). It must keep exactly one export, `createApi`, and import nothing.
//
// What it adds to the glue: defaults, a clear error before `init()` in browsers, a Rust panic
// turned into an `Error` with the panic's message (and a fresh instance for the next call),
// the documentation handed to the wasm when first needed, and the `pretty` format, which is
// rendered here in JS (the CLI's miette renderer does not build for wasm).
//
// The documentation (rule docs and sources, botocore's field docs: what `rules`, `explain`,
// `schema` and SARIF show) is not in the .wasm but in dist/ecslint_docs.{js,cjs}, written by
// scripts/build.sh from the same sources (crates/ecslint-core/src/docs.rs): `host.docs()`
// gives its text, which goes to the instance (`loadDocs`) before the first call that needs it,
// and again after a panic's fresh instance.

/**
 * @param {object} glue the wasm-bindgen module (its exported functions)
 * @param {{ ready(): boolean, init(input?: unknown): Promise<void>, initSync(input?: unknown): void, docs(): string }} host
 *   `docs()`: the documentation's text (it throws when that cannot be had)
 */
export function createApi(glue, host) {
  function call(name, args, needsDocs = false) {
    if (!host.ready()) {
      const error = new Error(
        `ecslint: the WebAssembly module is not loaded yet: \`await init()\` before calling ${name}()`,
      );
      error.code = 'not-initialized';
      throw error;
    }
    try {
      if (needsDocs && !glue.docsLoaded()) glue.loadDocs(host.docs());
      return glue[name](...args);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        throw internalError(e);
      }
      throw e;
    }
  }

  /** A trap: a Rust panic (the hook kept its message) or worse. Starts a fresh instance. */
  function internalError(trap) {
    let message = null;
    try {
      message = glue.takePanicMessage();
    } catch {
      // The instance is unusable: the reset below replaces it.
    }
    try {
      glue.__wbg_reset_state();
    } catch {
      // Nothing more to do: the next call reports its own error.
    }
    const error = new Error(message ?? `ecslint internal error: ${trap.message}`, { cause: trap });
    error.code = 'internal';
    error.reason = error.message;
    error.range = null;
    return error;
  }

  /** @param {object} report @param {string} format @param {object} [options] */
  function formatReport(report, format, options) {
    if (format === 'pretty') {
      const value = typeof report === 'string' ? JSON.parse(report) : report;
      return renderPretty(value, options ?? {});
    }
    // SARIF carries each rule's docs (`help`) and summary.
    return call('formatReport', [report, format], format === 'sarif');
  }

  return {
    init: (input) => host.init(input),
    initSync: (input) => host.initSync(input),
    version: () => call('version', []),
    lint: (document, options) => call('lint', [document, options]),
    lintPair: (serviceText, serviceName, taskDefText, taskDefName, options) =>
      call('lintPair', [serviceText, String(serviceName), taskDefText, String(taskDefName), options]),
    fix: (document, options) => call('fix', [document, options]),
    loadConfig: (text, options) => call('loadConfig', [String(text), options]),
    rules: () => call('rules', [], true),
    explain: (id) => call('explain', [String(id)], true),
    schema: (kind) => call('schema', [String(kind)], true),
    formatReport,
    formats: Object.freeze(['pretty', 'json', 'sarif', 'github', 'junit']),
    documentKinds: Object.freeze([
      'task-definition',
      'describe-task-definition',
      'container-definitions',
      'container-definition',
      'service',
      'update-service',
      'cloudformation',
      'terraform',
    ]),
    mergeReports,
    terraformReadFiles: (path, text) => call('terraformReadFiles', [String(path), String(text)]),
    __panicForTests: () => call('__panicForTests', []),
    // For the bin's pairing of services with task definitions (src/cli.js).
    __pairSummary: (text, kind) => call('pairSummary', [String(text), kind ?? undefined]),
    __ecspressoConfig: (text) => call('ecspressoConfig', [String(text)]),
  };
}

/** One report from the file entries of several (what `ecslint check` prints for a run). */
function mergeReports(reports) {
  const files = reports.flatMap((r) => r.files);
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') summary.errors += 1;
      else if (d.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
  }
  return { version: 1, files, skipped: reports.flatMap((r) => r.skipped ?? []), summary };
}

const KIND_LABELS = {
  'task-definition': 'task definition',
  'describe-task-definition': 'task definition, DescribeTaskDefinition output',
  'container-definitions': 'container definitions',
  'container-definition': 'container definition',
  service: 'service definition',
  'update-service': 'service update',
  cloudformation: 'CloudFormation template',
  unknown: 'unknown kind',
};

/** `1 error`, `2 errors`. */
function plural(n, what) {
  return n === 1 ? `1 ${what}` : `${n} ${what}s`;
}

/**
 * The `pretty` format of the npm package: for each file with problems, `path (kind)`, then
 * one line per diagnostic, `line:col severity rule message`, with the help and the fix
 * indented below it; a summary line closes the run (the same summary as the CLI's). The CLI
 * also shows source snippets (miette); this renderer does not.
 *
 * Options: `color` (ANSI colours), `quiet` (no "No problems found" line), `fixHint` (default
 * true: say how many problems `--fix` would fix).
 */
function renderPretty(report, options) {
  const color = Boolean(options.color);
  const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor = { error: '1;31', warning: '1;33', info: '1;36' };
  const out = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    out.push(paint('1', `${file.path} (${KIND_LABELS[file.kind] ?? file.kind})`));
    const places = file.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}`);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const indent = ' '.repeat(2 + placeWidth + 2 + 'warning'.length + 2);
    file.diagnostics.forEach((d, i) => {
      const severity = paint(severityColor[d.severity] ?? '1', d.severity.padEnd('warning'.length));
      const rule = paint('2', d.rule);
      out.push(`  ${places[i].padEnd(placeWidth)}  ${severity}  ${rule}  ${d.message}`);
      if (d.help) {
        for (const line of d.help.split('\n')) out.push(`${indent}help: ${line}`);
      }
      if (d.fix) {
        const how = d.fix.applicability === 'safe' ? '`--fix`' : '`--fix --unsafe-fixes`';
        out.push(`${indent}fix: ${d.fix.message} (${how})`);
      }
      for (const r of d.related ?? []) {
        const where = `${r.path ?? file.path}:${r.range.start.line}:${r.range.start.column}`;
        out.push(`${indent}${paint('2', `note: ${r.message} (${where})`)}`);
      }
    });
    out.push('');
  }
  const { summary } = report;
  const counts = [
    [summary.errors, 'error'],
    [summary.warnings, 'warning'],
    [summary.infos, 'info'],
  ]
    .filter(([n]) => n > 0)
    .map(([n, what]) => plural(n, what));
  if (counts.length === 0) {
    if (!options.quiet) out.push(`No problems found in ${plural(summary.files, 'file')}`);
  } else {
    const withProblems = report.files.filter((f) => f.diagnostics.length > 0).length;
    out.push(`${counts.join(', ')} in ${plural(withProblems, 'file')}`);
    const fixable = report.files
      .flatMap((f) => f.diagnostics)
      .filter((d) => d.fix && d.fix.applicability === 'safe').length;
    if ((options.fixHint ?? true) && fixable > 0) {
      out.push(`${plural(fixable, 'problem')} fixable with \`ecslint check --fix\``);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
