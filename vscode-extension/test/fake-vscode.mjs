// A small stand-in for the `vscode` module: enough of the API for the built bundles
// (dist/extension.js and dist/web.js) to activate in Node and be driven by the tests: events
// fired by hand, diagnostic collections, providers and commands recorded. The real thing is
// tested end to end in code-server (test/e2e/); this checks both entry points and the wiring
// in src/extension.js quickly, without timing.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

class Uri {
  constructor(scheme, authority, path, query = '', fragment = '') {
    this.scheme = scheme;
    this.authority = authority;
    this.path = path;
    this.query = query;
    this.fragment = fragment;
  }
  static parse(value) {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`bad URI ${value}`);
    return new Uri(m[1], m[2] ?? '', decodeURIComponent(m[3]), m[4] ?? '', m[5] ?? '');
  }
  static file(path) {
    return new Uri('file', '', path);
  }
  static from({ scheme, authority = '', path = '', query = '', fragment = '' }) {
    return new Uri(scheme, authority, path, query, fragment);
  }
  static joinPath(base, ...parts) {
    const segments = `${base.path}/${parts.join('/')}`.split('/');
    const out = [];
    for (const s of segments) {
      if (s === '' || s === '.') continue;
      if (s === '..') out.pop();
      else out.push(s);
    }
    return base.with({ path: `/${out.join('/')}` });
  }
  get fsPath() {
    return this.path;
  }
  with(change) {
    return new Uri(
      change.scheme ?? this.scheme,
      change.authority ?? this.authority,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
    );
  }
  toString() {
    const path = this.path.split('/').map(encodeURIComponent).join('/');
    return `${this.scheme}:${this.scheme === 'file' || this.authority ? `//${this.authority}` : ''}${path}${this.query ? `?${this.query}` : ''}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isBefore(other) {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isEqual(other) {
    return this.line === other.line && this.character === other.character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (a instanceof Position) {
      this.start = a;
      this.end = b;
    } else {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    }
  }
  isEqual(other) {
    return this.start.isEqual(other.start) && this.end.isEqual(other.end);
  }
  contains(p) {
    const pos = p instanceof Range ? p.start : p;
    return !pos.isBefore(this.start) && !this.end.isBefore(pos);
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(`${this.value}.${part}`);
  }
  contains(other) {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const l of [...this.listeners]) l(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class WorkspaceEdit {
  constructor() {
    this.edits = [];
  }
  replace(uri, range, newText) {
    this.edits.push({ uri, range, newText });
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(text) {
    this.value += text;
    return this;
  }
}

/** A text document: `setText` changes it and fires onDidChangeTextDocument. */
export class FakeDocument {
  constructor(uri, text, languageId = 'json') {
    this.uri = uri;
    this.text = text;
    this.languageId = languageId;
    this.version = 1;
  }
  getText() {
    return this.text;
  }
}

/** A file watcher's glob (`**`, `*`, `{a,b}`) as a regular expression over relative paths. */
function globRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * @param {{ folder: string, files?: Record<string, string>, settings?: Record<string, unknown> }} options
 *   `folder`: the workspace folder on disk (files are read from it)
 */
export function createFakeVscode({ folder, settings = {} }) {
  const events = {
    open: new EventEmitter(),
    change: new EventEmitter(),
    save: new EventEmitter(),
    close: new EventEmitter(),
    configuration: new EventEmitter(),
    folders: new EventEmitter(),
    activeEditor: new EventEmitter(),
  };
  const statusBarItems = new Map();
  const watchers = [];
  const collections = new Map();
  const providers = { codeActions: [], hover: [], content: new Map() };
  const commands = new Map();
  const messages = [];
  const textDocuments = [];
  const folderUri = Uri.file(folder);
  const workspaceFolder = { uri: folderUri, name: 'ws', index: 0 };

  const vscode = {
    Uri,
    Position,
    Range,
    CodeActionKind,
    EventEmitter,
    WorkspaceEdit,
    MarkdownString,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ProgressLocation: { Notification: 15 },
    Diagnostic: class {
      constructor(range, message, severity) {
        this.range = range;
        this.message = message;
        this.severity = severity;
      }
    },
    DiagnosticRelatedInformation: class {
      constructor(location, message) {
        this.location = location;
        this.message = message;
      }
    },
    Location: class {
      constructor(uri, range) {
        this.uri = uri;
        this.range = range;
      }
    },
    CodeAction: class {
      constructor(title, kind) {
        this.title = title;
        this.kind = kind;
      }
    },
    Hover: class {
      constructor(contents, range) {
        this.contents = contents;
        this.range = range;
      }
    },
    RelativePattern: class {
      constructor(base, pattern) {
        this.base = base;
        this.pattern = pattern;
      }
    },
    languages: {
      createDiagnosticCollection(name) {
        const map = new Map();
        const collection = {
          name,
          set: (uri, diagnostics) => map.set(uri.toString(), diagnostics),
          delete: (uri) => map.delete(uri.toString()),
          get: (uri) => map.get(uri.toString()),
          dispose: () => map.clear(),
          entries: map,
        };
        collections.set(name, collection);
        return collection;
      },
      registerCodeActionsProvider(selector, provider, metadata) {
        providers.codeActions.push({ selector, provider, metadata });
        return { dispose() {} };
      },
      registerHoverProvider(selector, provider) {
        providers.hover.push({ selector, provider });
        return { dispose() {} };
      },
      getDiagnostics(uri) {
        return [...collections.values()].flatMap((c) => c.get(uri) ?? []);
      },
    },
    workspace: {
      textDocuments,
      workspaceFolders: [workspaceFolder],
      getWorkspaceFolder: (uri) => (uri.scheme === 'file' && (uri.path === folder || uri.path.startsWith(`${folder}/`)) ? workspaceFolder : undefined),
      getConfiguration: () => ({ get: (key) => settings[key] }),
      fs: {
        async readDirectory(uri) {
          if (uri.scheme !== 'file') throw new Error(`cannot read ${uri}`);
          const entries = await readdir(uri.path, { withFileTypes: true });
          return entries.map((e) => [e.name, e.isDirectory() ? 2 : 1]);
        },
        async readFile(uri) {
          if (uri.scheme !== 'file') throw new Error(`cannot read ${uri}`);
          return new Uint8Array(await readFile(uri.path));
        },
      },
      async findFiles(pattern) {
        // Only the two searches the extension makes: its JSON files (`**/*.json`), and every
        // file for the deployment evidence (which the extension filters itself).
        const jsonOnly = String(pattern?.pattern ?? pattern).endsWith('*.json');
        const out = [];
        const walk = async (dir) => {
          for (const entry of await readdir(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
              if (entry.name !== 'node_modules' && entry.name !== '.git') await walk(path);
            } else if (!jsonOnly || entry.name.endsWith('.json')) out.push(Uri.file(path));
          }
        };
        await walk(folder);
        return out;
      },
      onDidOpenTextDocument: events.open.event,
      onDidChangeTextDocument: events.change.event,
      onDidSaveTextDocument: events.save.event,
      onDidCloseTextDocument: events.close.event,
      onDidChangeConfiguration: events.configuration.event,
      onDidChangeWorkspaceFolders: events.folders.event,
      createFileSystemWatcher: (glob) => {
        const e = { create: new EventEmitter(), change: new EventEmitter(), del: new EventEmitter() };
        watchers.push({ matches: globRegExp(glob), e });
        return { onDidCreate: e.create.event, onDidChange: e.change.event, onDidDelete: e.del.event, dispose() {} };
      },
      registerTextDocumentContentProvider(scheme, provider) {
        providers.content.set(scheme, provider);
        return { dispose() {} };
      },
      async openTextDocument(uri) {
        const provider = providers.content.get(uri.scheme);
        return new FakeDocument(uri, provider ? provider.provideTextDocumentContent(uri) : '', 'markdown');
      },
      async applyEdit(edit) {
        messages.push({ type: 'applyEdit', edit });
        return true;
      },
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    window: {
      activeTextEditor: undefined,
      onDidChangeActiveTextEditor: events.activeEditor.event,
      createStatusBarItem(id, alignment, priority) {
        const item = { id, alignment, priority, text: '', tooltip: undefined, command: undefined, visible: false };
        item.show = () => {
          item.visible = true;
        };
        item.hide = () => {
          item.visible = false;
        };
        item.dispose = () => statusBarItems.delete(id);
        statusBarItems.set(id, item);
        return item;
      },
      createOutputChannel: () => ({ appendLine: (line) => messages.push({ type: 'log', line }), show() {}, dispose() {} }),
      showWarningMessage: async (message) => messages.push({ type: 'warning', message }),
      showInformationMessage: async (message) => messages.push({ type: 'info', message }),
      showErrorMessage: async (message) => messages.push({ type: 'error', message }),
      showQuickPick: async () => undefined,
      showTextDocument: async () => undefined,
      withProgress: async (_options, task) => task({ report() {} }),
    },
    commands: {
      registerCommand(id, fn) {
        commands.set(id, fn);
        return { dispose: () => commands.delete(id) };
      },
      async executeCommand(id, ...args) {
        if (commands.has(id)) return commands.get(id)(...args);
        messages.push({ type: 'command', id, args });
        return undefined;
      },
    },
  };

  const context = { subscriptions: [], extensionUri: null };
  return {
    vscode,
    context,
    events,
    collections,
    providers,
    commands,
    messages,
    statusBarItems,
    /** A file on disk was created, changed or deleted: the watchers whose glob matches hear it. */
    fileEvent(kind, path) {
      const relative = path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
      const emitter = { create: 'create', change: 'change', delete: 'del' }[kind];
      for (const w of watchers) if (w.matches.test(relative)) w.e[emitter].fire(Uri.file(path));
    },
    /** Makes a document the active editor's (fires onDidChangeActiveTextEditor). */
    activate(doc) {
      vscode.window.activeTextEditor = doc ? { document: doc } : undefined;
      events.activeEditor.fire(vscode.window.activeTextEditor);
    },
    /** Opens a document: adds it to textDocuments and fires onDidOpenTextDocument. */
    open(path, text, languageId = 'json') {
      const doc = new FakeDocument(Uri.file(path), text, languageId);
      textDocuments.push(doc);
      events.open.fire(doc);
      return doc;
    },
    change(doc, text) {
      doc.text = text;
      doc.version += 1;
      events.change.fire({ document: doc, contentChanges: [{ text }] });
    },
    close(doc) {
      textDocuments.splice(textDocuments.indexOf(doc), 1);
      events.close.fire(doc);
    },
  };
}
