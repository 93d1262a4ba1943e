// The layer that talks to the `vscode` API, for both entry points (src/node.js on the desktop
// and code-server, src/web.js in vscode.dev): events, the diagnostic collection, code
// actions, hover, commands. What it shows is computed by src/core/ (tested with node's test
// runner on the real wasm); this file only wires it up and converts plain ranges and
// severities into VS Code objects.

import { Engine } from './core/engine.js';
import { CONFIG_FILE, dirname, loadConfigText, readSettings } from './core/config.js';
import { EVIDENCE_GLOB, LANGUAGE_IDS, isEvidenceFile, isTerraformFile } from './core/detect.js';
import { describeDeployers, describeSummary, rangeContains, summarize, toEditorDiagnostics } from './core/diagnostics.js';
import { minimalEdit, quickFixes } from './core/actions.js';
import { createDebouncer } from './core/debounce.js';
import { TextIndex } from './core/positions.js';

/** URI schemes whose documents are never linted (diff views, output, this extension's docs). */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'vscode-settings', 'ecslint-rule', 'chat-editing-text-model']);

/** The scheme of the rule documentation documents. */
const RULE_SCHEME = 'ecslint-rule';

/** What `refresh` returns when a newer lint of the same document started meanwhile. */
const SUPERSEDED = Symbol('superseded');

/**
 * @param {typeof import('vscode')} vscode
 * @param {import('vscode').ExtensionContext} context
 * @param {typeof import('ecslint')} ecslint the package's API, its wasm loaded
 * @param {'desktop' | 'web'} entry which entry point started it (said in the output channel)
 */
export function activateWith(vscode, context, ecslint, entry) {
  const { Uri, Range, Position, Diagnostic, DiagnosticSeverity, CodeAction, CodeActionKind, WorkspaceEdit } = vscode;
  const subscriptions = context.subscriptions;
  const collection = vscode.languages.createDiagnosticCollection('ecslint');
  const configCollection = vscode.languages.createDiagnosticCollection('ecslint.toml');
  const output = vscode.window.createOutputChannel('ecslint');
  subscriptions.push(collection, configCollection, output);
  const decoder = new TextDecoder();
  const debouncer = createDebouncer();
  subscriptions.push({ dispose: () => debouncer.dispose() });

  const log = (message) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  const parse = (key) => Uri.parse(key);
  const openDocument = (key) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  const settingsOf = (uri) => {
    const configuration = vscode.workspace.getConfiguration('ecslint', uri);
    return readSettings((k) => configuration.get(k));
  };

  /** @type {import('./core/engine.js').Host} */
  const host = {
    async readText(key) {
      const doc = openDocument(key);
      if (doc) return doc.getText();
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(parse(key)));
      } catch {
        return null;
      }
    },
    settings: (key) => settingsOf(parse(key)),
    relative(key) {
      const uri = parse(key);
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const base = folder ? folder.uri.path.replace(/\/$/, '') : null;
      if (base !== null && uri.path.startsWith(`${base}/`)) return uri.path.slice(base.length + 1);
      return uri.path.slice(uri.path.lastIndexOf('/') + 1);
    },
    parent(key) {
      const uri = parse(key);
      if (uri.scheme === 'untitled') return null;
      const path = dirname(uri.path);
      if (path === uri.path || path === '.') return null;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) {
        const root = folder.uri.path.replace(/\/$/, '') || '/';
        if (path !== root && !path.startsWith(root === '/' ? '/' : `${root}/`)) return null;
      } else if (uri.scheme !== 'file') {
        return null;
      }
      return uri.with({ path }).toString();
    },
    join: (folder, relative) => Uri.joinPath(parse(folder), relative).toString(),
    async listFiles() {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const keys = [];
      for (const folder of folders) {
        const settings = settingsOf(folder.uri);
        const uris = await vscode.workspace.findFiles(
          new vscode.RelativePattern(folder, '**/*.json'),
          excludeGlob(settings.files.exclude),
          20000,
        );
        keys.push(...uris.map((u) => u.toString()));
      }
      return keys.sort();
    },
    async listFolder(folder) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(parse(folder));
        return entries
          .filter(([, type]) => type === vscode.FileType.File)
          .map(([name]) => Uri.joinPath(parse(folder), name).toString());
      } catch {
        return [];
      }
    },
    async listEvidence(key) {
      const folder = vscode.workspace.getWorkspaceFolder(parse(key));
      if (!folder) return [];
      const settings = settingsOf(folder.uri);
      const uris = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, EVIDENCE_GLOB),
        excludeGlob(settings.files.exclude),
        5000,
      );
      return uris
        .map((u) => u.toString())
        .filter((k) => isEvidenceFile(host.relative(k)))
        .sort();
    },
  };
  const engine = new Engine(ecslint, host);

  // ---- what is shown ----------------------------------------------------------------------

  /** key → the last result published (the text it was computed from, for code actions). */
  const shown = new Map();
  /** Files linted by "Lint Workspace" that are not open: kept until deleted or relinted. */
  const workspaceLinted = new Set();
  /** key → how many lints started (a result older than the newest is dropped). */
  const generations = new Map();
  /** `ecslint.toml` files that have a problem shown. */
  const brokenConfigs = new Set();
  const warnedSettings = new Set();

  const isLintable = (doc) =>
    (LANGUAGE_IDS.includes(doc.languageId) || isTerraformFile(doc.uri.path)) && !SKIPPED_SCHEMES.has(doc.uri.scheme);
  const isDisplayed = (key) => {
    const doc = openDocument(key);
    return (doc && isLintable(doc)) || workspaceLinted.has(key);
  };

  const toRange = (r) => new Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const toSeverity = (s) =>
    s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;

  function publish(result) {
    const uri = parse(result.key);
    showConfigProblem(result.config);
    if (result.settingsError && !warnedSettings.has(result.settingsError.message)) {
      warnedSettings.add(result.settingsError.message);
      log(`settings ignored: ${result.settingsError.message}`);
      vscode.window.showWarningMessage(`ecslint: the ecslint.* settings were ignored: ${result.settingsError.message}`);
    }
    if (!result.fileReport) {
      collection.delete(uri);
      shown.delete(result.key);
      return;
    }
    const diagnostics = toEditorDiagnostics(result.text, result.fileReport, (path) => {
      const other = result.others.get(path);
      return other ? { uri: other.key, text: other.text } : null;
    });
    collection.set(
      uri,
      diagnostics.map((d) => {
        const diagnostic = new Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
        diagnostic.source = d.source;
        diagnostic.code = d.code;
        if (d.related.length > 0) {
          diagnostic.relatedInformation = d.related.map(
            (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.uri ? parse(r.uri) : uri, toRange(r.range)), r.message),
          );
        }
        return diagnostic;
      }),
    );
    shown.set(result.key, result);
    if (vscode.window.activeTextEditor?.document.uri.toString() === result.key) showDeployer(result);
  }

  // ---- the deployer in the status bar -----------------------------------------------------

  const deployerItem = vscode.window.createStatusBarItem('ecslint.deployer', vscode.StatusBarAlignment.Right, 100);
  deployerItem.name = 'ecslint: deployer';
  subscriptions.push(deployerItem);
  /** Where the shown deployer was read (opened by clicking the item), if anywhere. */
  let deployerSource = null;

  /** Shows who deploys the active document (the deployer its findings follow). */
  function showDeployer(result) {
    const file = result?.fileReport;
    const deployers = file?.deployers ?? [];
    if (deployers.length === 0) {
      deployerItem.hide();
      deployerSource = null;
      return;
    }
    const { text, tooltip, source } = describeDeployers(deployers);
    deployerItem.text = text;
    deployerItem.tooltip = tooltip;
    deployerSource = source ? { key: host.join(workspaceRootOf(result.key), source.path), line: source.line } : null;
    deployerItem.command = deployerSource ? 'ecslint.showDeployer' : undefined;
    deployerItem.show();
  }

  /** The workspace folder of a key (where evidence paths start). */
  function workspaceRootOf(key) {
    const folder = vscode.workspace.getWorkspaceFolder(parse(key));
    return folder ? folder.uri.toString() : key;
  }

  function showConfigProblem(config) {
    if (!config.key) return;
    const uri = parse(config.key);
    if (!config.error) {
      if (brokenConfigs.delete(config.key)) configCollection.delete(uri);
      return;
    }
    const index = new TextIndex(config.text ?? '');
    const range = config.error.range ? toRange(index.range(config.error.range)) : new Range(0, 0, 0, 0);
    const diagnostic = new Diagnostic(
      range,
      `${config.error.message}\n(ecslint lints without this file until it is fixed)`,
      DiagnosticSeverity.Error,
    );
    diagnostic.source = 'ecslint';
    diagnostic.code = 'invalid-config';
    configCollection.set(uri, [diagnostic]);
    brokenConfigs.add(config.key);
  }

  /**
   * Lints a document and shows the result; then its partners, whose cross-check changed.
   * Returns the result shown, `null` (failed, or no longer displayed) or `SUPERSEDED`.
   */
  async function refresh(key, { partners = true } = {}) {
    const generation = (generations.get(key) ?? 0) + 1;
    generations.set(key, generation);
    const before = shown.get(key)?.partners ?? [];
    let result;
    try {
      if (partners && !engine.isIndexed() && settingsOf(parse(key)).crossCheck) {
        // The first time, the workspace is read for the cross-check: show a task definition's
        // own findings meanwhile (not a service's: alone, it would say its task definition
        // is missing).
        const quick = await engine.lint(key, null, { pairs: false });
        const service = quick.fileReport?.kind === 'service';
        if (!service && generations.get(key) === generation && isDisplayed(key)) publish(quick);
      }
      result = await engine.lint(key);
    } catch (error) {
      log(`linting ${key} failed: ${error && error.stack ? error.stack : error}`);
      return null;
    }
    if (generations.get(key) !== generation) return SUPERSEDED;
    if (!isDisplayed(key)) {
      collection.delete(parse(key));
      shown.delete(key);
      return null;
    }
    publish(result);
    if (partners) {
      for (const partner of new Set([...before, ...result.partners])) {
        if (isDisplayed(partner)) await refresh(partner, { partners: false });
      }
    }
    return result;
  }

  function refreshAll() {
    const keys = new Set([...workspaceLinted]);
    for (const doc of vscode.workspace.textDocuments) if (isLintable(doc)) keys.add(doc.uri.toString());
    for (const key of keys) void refresh(key, { partners: false });
  }

  function clear(key) {
    debouncer.cancel(key);
    generations.set(key, (generations.get(key) ?? 0) + 1);
    collection.delete(parse(key));
    shown.delete(key);
  }

  // ---- events -----------------------------------------------------------------------------

  const isConfigFile = (uri) => uri.path.endsWith(`/${CONFIG_FILE}`);

  /** Shows what is wrong in an open `ecslint.toml` (as it is typed). */
  function checkConfigDocument(doc) {
    const text = doc.getText();
    const { error } = loadConfigText(ecslint, text);
    showConfigProblem({ key: doc.uri.toString(), text, error });
  }

  subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isConfigFile(doc.uri)) checkConfigDocument(doc);
      else if (isLintable(doc)) void refresh(doc.uri.toString());
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const doc = event.document;
      const key = doc.uri.toString();
      if (isConfigFile(doc.uri)) {
        debouncer.schedule(key, settingsOf(doc.uri).debounce, () => {
          checkConfigDocument(doc);
          engine.invalidateConfigs();
          engine.invalidateIndex();
          refreshAll();
        });
        return;
      }
      if (!isLintable(doc) || event.contentChanges.length === 0) return;
      const settings = settingsOf(doc.uri);
      if (settings.run !== 'onType') return;
      debouncer.schedule(key, settings.debounce, () => void refresh(key));
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const key = doc.uri.toString();
      if (isConfigFile(doc.uri)) return;
      if (isLintable(doc) && settingsOf(doc.uri).run === 'onSave') void refresh(key);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      if (isConfigFile(doc.uri)) {
        debouncer.cancel(key);
        configCollection.delete(doc.uri);
        brokenConfigs.delete(key);
        engine.invalidateConfigs();
        refreshAll();
        return;
      }
      const partners = shown.get(key)?.partners ?? [];
      clear(key);
      workspaceLinted.delete(key);
      // Its unsaved edits are gone: the index goes back to the file on disk, and its
      // partners are checked against that.
      void engine
        .indexFile(key)
        .catch(() => engine.forget(key))
        .then(() => {
          for (const partner of partners) if (isDisplayed(partner)) void refresh(partner, { partners: false });
        });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('ecslint')) return;
      engine.invalidateConfigs();
      engine.invalidateIndex();
      refreshAll();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      engine.invalidateConfigs();
      engine.invalidateIndex();
      engine.invalidateEvidence();
      refreshAll();
    }),
  );

  const jsonWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
  const onJsonFile = async (uri, deleted) => {
    const key = uri.toString();
    if (isEvidenceFile(host.relative(key))) onEvidence(uri);
    if (openDocument(key)) return;
    const was = engine.index.has(key);
    if (deleted) {
      engine.forget(key);
      if (workspaceLinted.delete(key)) clear(key);
    } else {
      await engine.indexFile(key).catch(() => engine.forget(key));
      if (workspaceLinted.has(key)) await refresh(key, { partners: false });
    }
    if (was || engine.index.has(key)) {
      // A service or task definition came, changed or went: the pairs may have changed.
      for (const shownKey of [...shown.keys()]) {
        if (shownKey !== key && engine.index.has(shownKey)) void refresh(shownKey, { partners: false });
      }
    }
  };
  // A workflow, ecspresso configuration, appspec or `.tf` file says how files are deployed.
  const evidenceWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,tf,jsonnet}');
  const onEvidence = (uri) => {
    if (!isEvidenceFile(host.relative(uri.toString()))) return;
    engine.invalidateEvidence();
    refreshAll();
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const onConfigFile = () => {
    engine.invalidateConfigs();
    engine.invalidateIndex();
    refreshAll();
  };
  subscriptions.push(
    jsonWatcher,
    jsonWatcher.onDidCreate((uri) => onJsonFile(uri, false)),
    jsonWatcher.onDidChange((uri) => onJsonFile(uri, false)),
    jsonWatcher.onDidDelete((uri) => onJsonFile(uri, true)),
    evidenceWatcher,
    evidenceWatcher.onDidCreate(onEvidence),
    evidenceWatcher.onDidChange(onEvidence),
    evidenceWatcher.onDidDelete(onEvidence),
    configWatcher,
    configWatcher.onDidCreate(onConfigFile),
    configWatcher.onDidChange(onConfigFile),
    configWatcher.onDidDelete((uri) => {
      configCollection.delete(uri);
      brokenConfigs.delete(uri.toString());
      onConfigFile();
    }),
  );

  // ---- code actions -----------------------------------------------------------------------

  const fixAllKind = CodeActionKind.SourceFixAll.append('ecslint');
  // `.tf` files by name too: plain text without HashiCorp's extension.
  const selector = [...LANGUAGE_IDS.map((language) => ({ language })), { pattern: '**/*.tf' }];

  /** The current result of a document: the shown one if its text is current, else a new lint. */
  async function currentResult(document) {
    const key = document.uri.toString();
    const text = document.getText();
    const last = shown.get(key);
    if (last && last.text === text) return last;
    if (!isLintable(document)) return null;
    const result = await engine.lint(key, text);
    return result.fileReport ? result : null;
  }

  async function fixAllEdit(document) {
    const text = document.getText();
    const fixed = await engine.fixAll(document.uri.toString(), text);
    const edit = fixed === null ? null : minimalEdit(text, fixed);
    if (!edit) return null;
    const workspaceEdit = new WorkspaceEdit();
    workspaceEdit.replace(document.uri, toRange(edit.range), edit.newText);
    return workspaceEdit;
  }

  subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      selector,
      {
        async provideCodeActions(document, range, context) {
          const result = await currentResult(document);
          if (!result) return [];
          const actions = [];
          const only = context.only;
          if (only && !fixAllKind.intersects(only) && !CodeActionKind.QuickFix.intersects(only)) return [];
          if (only && fixAllKind.intersects(only) && !CodeActionKind.QuickFix.intersects(only)) {
            const edit = await fixAllEdit(document);
            if (!edit) return [];
            const action = new CodeAction('Fix all safe ecslint problems', fixAllKind);
            action.edit = edit;
            return [action];
          }
          const wanted = { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
          const fixes = quickFixes(result.text, result.fileReport, wanted);
          for (const fix of fixes) {
            const action = new CodeAction(fix.title, CodeActionKind.QuickFix);
            const edit = new WorkspaceEdit();
            for (const e of fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
            action.edit = edit;
            action.isPreferred = fix.safe;
            action.diagnostics = context.diagnostics.filter(
              (d) => d.source === 'ecslint' && codeOf(d) === fix.rule && d.range.isEqual(toRange(fix.diagnosticRange)),
            );
            actions.push(action);
          }
          const safeFixes = quickFixes(result.text, result.fileReport).filter((f) => f.safe).length;
          if (fixes.length > 0 && safeFixes > 1) {
            const action = new CodeAction(`Fix all ${safeFixes} safe ecslint problems in this file`, CodeActionKind.QuickFix);
            action.command = { title: action.title, command: 'ecslint.fixAll', arguments: [document.uri.toString()] };
            actions.push(action);
          }
          const rulesHere = new Set(
            context.diagnostics.filter((d) => d.source === 'ecslint').map((d) => codeOf(d)).filter(Boolean),
          );
          for (const rule of rulesHere) {
            const action = new CodeAction(`Show documentation for ecslint rule ${rule}`, CodeActionKind.QuickFix);
            action.command = { title: action.title, command: 'ecslint.explainRule', arguments: [rule] };
            actions.push(action);
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
    ),
  );

  // ---- hover ------------------------------------------------------------------------------

  let ruleTable = null;
  const ruleInfo = (id) => {
    if (!ruleTable) ruleTable = new Map(ecslint.rules().map((r) => [r.id, r]));
    return ruleTable.get(id) ?? null;
  };

  subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const result = shown.get(document.uri.toString());
        if (!result || result.text !== document.getText()) return null;
        const here = { line: position.line, character: position.character };
        const diagnostics = toEditorDiagnostics(result.text, result.fileReport).filter((d) => rangeContains(d.range, here));
        if (diagnostics.length === 0) return null;
        const md = new vscode.MarkdownString('', true);
        md.isTrusted = { enabledCommands: ['ecslint.explainRule'] };
        const rules = [...new Set(diagnostics.map((d) => d.code))];
        rules.forEach((id, i) => {
          if (i > 0) md.appendMarkdown('\n\n---\n\n');
          const info = ruleInfo(id);
          const link = `command:ecslint.explainRule?${encodeURIComponent(JSON.stringify([id]))}`;
          md.appendMarkdown(`**ecslint** [\`${id}\`](${link})`);
          if (info) md.appendMarkdown(` — ${info.category}, ${info.severity} by default`);
          md.appendMarkdown('\n\n');
          if (info) md.appendMarkdown(hoverDocs(info.docs));
        });
        return new vscode.Hover(md, toRange(diagnostics[0].range));
      },
    }),
  );

  // ---- commands ---------------------------------------------------------------------------

  const ruleDocs = new vscode.EventEmitter();
  subscriptions.push(
    ruleDocs,
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
      onDidChange: ruleDocs.event,
      provideTextDocumentContent(uri) {
        const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
        return ruleMarkdown(ecslint, id);
      },
    }),
    vscode.commands.registerCommand('ecslint.explainRule', async (rule) => {
      let id = typeof rule === 'string' ? rule : null;
      if (!id) {
        const editor = vscode.window.activeTextEditor;
        const atCursor = editor
          ? vscode.languages
              .getDiagnostics(editor.document.uri)
              .find((d) => d.source === 'ecslint' && d.range.contains(editor.selection.active))
          : null;
        const picks = ecslint.rules().map((r) => ({ label: r.id, description: `${r.category}, ${r.severity}`, detail: r.summary }));
        const preferred = atCursor ? codeOf(atCursor) : null;
        if (preferred) picks.sort((a, b) => (a.label === preferred ? -1 : b.label === preferred ? 1 : 0));
        const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'ecslint: the rule to explain', matchOnDetail: true });
        if (!pick) return;
        id = pick.label;
      }
      try {
        ruleMarkdown(ecslint, id, { strict: true });
      } catch (error) {
        vscode.window.showErrorMessage(`ecslint: ${error.message}`);
        return;
      }
      const uri = Uri.from({ scheme: RULE_SCHEME, path: `/${id}.md` });
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc, { preview: true });
      }
    }),
    vscode.commands.registerCommand('ecslint.lintWorkspace', async () => {
      const results = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'ecslint: linting the workspace' },
        async () => {
          engine.invalidateConfigs();
          engine.invalidateIndex();
          const keys = await host.listFiles();
          const out = [];
          for (const key of keys) {
            if (!(await engine.walkable(key))) continue;
            workspaceLinted.add(key);
            // Another lint of the same file may be under way (an edit, a watcher event):
            // then the newest result counts.
            let result = SUPERSEDED;
            for (let i = 0; i < 10 && result === SUPERSEDED; i += 1) result = await refresh(key, { partners: false });
            if (result && result !== SUPERSEDED && result.fileReport) out.push(result.fileReport);
            else if (result !== SUPERSEDED && !openDocument(key)) workspaceLinted.delete(key);
          }
          return out;
        },
      );
      const summary = summarize(results);
      const message = `ecslint: ${describeSummary(summary)} (${results.length} ECS ${results.length === 1 ? 'file' : 'files'} linted)`;
      log(message);
      if (summary.errors + summary.warnings + summary.infos > 0) {
        const choice = await vscode.window.showInformationMessage(message, 'Show Problems');
        if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      } else {
        vscode.window.showInformationMessage(message);
      }
      return summary;
    }),
    vscode.commands.registerCommand('ecslint.fixAll', async (target) => {
      const key = typeof target === 'string' ? target : vscode.window.activeTextEditor?.document.uri.toString();
      const document = key ? openDocument(key) : null;
      if (!document) return false;
      const edit = await fixAllEdit(document);
      if (!edit) {
        vscode.window.showInformationMessage('ecslint: nothing to fix safely in this file');
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('ecslint.showOutput', () => output.show()),
    vscode.commands.registerCommand('ecslint.showDeployer', async () => {
      if (!deployerSource) return;
      const line = Math.max(0, deployerSource.line - 1);
      await vscode.window.showTextDocument(parse(deployerSource.key), { selection: new Range(line, 0, line, 0) });
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      showDeployer(editor ? shown.get(editor.document.uri.toString()) : null);
    }),
  );

  // The documents open before the extension started.
  for (const doc of vscode.workspace.textDocuments) {
    if (isConfigFile(doc.uri)) checkConfigDocument(doc);
    else if (isLintable(doc)) void refresh(doc.uri.toString());
  }
  log(`ecslint ${ecslint.version()} activated (${entry} entry)`);

  // For tests and other extensions.
  return {
    engine,
    refresh,
    entry,
    version: ecslint.version(),
  };
}

/** A diagnostic's code as a string. */
function codeOf(diagnostic) {
  const code = diagnostic.code;
  if (code === undefined || code === null) return null;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The glob `findFiles` excludes (patterns without a `/` apply at any depth). */
export function excludeGlob(patterns) {
  const globs = patterns.map((p) => (p.includes('/') ? p : `**/${p}`));
  return globs.length === 0 ? null : globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

/** What a hover shows of a rule's documentation: what it does and why (not the examples). */
export function hoverDocs(docs) {
  const sections = docs.split(/^(?=## )/m);
  const kept = sections.filter((s) => /^## (What it does|Why is this bad\?)/.test(s));
  const text = (kept.length > 0 ? kept : sections.slice(0, 1)).join('').trim();
  return text.replace(/^## (.*)$/gm, '**$1**');
}

/** The Markdown page of a rule (`ecslint: Explain Rule`). */
export function ruleMarkdown(ecslint, id, { strict = false } = {}) {
  if (strict) ecslint.explain(id); // throws `unknown-rule` with a did-you-mean
  const info = ecslint.rules().find((r) => r.id === id);
  if (!info) return `# ${id}\n\nNo such rule.\n`;
  const fix = info.fix === 'none' ? 'no automatic fix' : `${info.fix} fix`;
  return `# ${info.id}\n\n*${info.category} · ${info.severity} by default · ${fix}*\n\n${info.docs.trim()}\n`;
}
