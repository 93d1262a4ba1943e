// The ecslint playground: the npm package's WebAssembly linter on one or two CodeMirror
// editors, run as you type. Everything happens in this page; the Content-Security-Policy in
// index.html forbids any connection but to the page's own files (the .wasm).

import './style.css';
import { init, lint, lintPair, fix, rules, schema, loadConfig, version } from 'ecslint';
import wasmUrl from 'ecslint/ecslint_wasm_bg.wasm';
import { setDiagnostics } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { createEditor, replaceText, setLanguage } from './editor.js';
import { byteToIndexMapper, editsToChanges } from './positions.js';
import { encodeState, decodeState } from './share.js';
import { renderMarkdown, inline } from './markdown.js';
import { EXAMPLES } from './examples.js';
import {
  LAUNCH_TYPES,
  SEVERITIES,
  DEPLOYERS,
  defaultSettings,
  normalizeSettings,
  isDefault,
  toConfig,
  fromConfig,
  toToml,
  splitList,
} from './settings.js';

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

const SETTINGS_KEY = 'ecslint-playground-settings';
const LINT_DELAY_MS = 60;
const SCHEMA_OF_KIND = {
  'task-definition': 'task-definition',
  'describe-task-definition': 'task-definition',
  'container-definitions': 'container-definitions',
  'container-definition': 'container-definitions',
  service: 'service',
  'update-service': 'service',
};
const KIND_LABEL = {
  'task-definition': 'task definition',
  'describe-task-definition': 'task definition (describe output)',
  'container-definitions': 'container definitions',
  'container-definition': 'container definition',
  service: 'service',
  'update-service': 'service update',
  cloudformation: 'CloudFormation template',
  terraform: 'Terraform',
  unknown: 'not an ECS document',
};

/** The two documents. In `task` and `service` mode one is shown; in `pair` mode both. */
const docs = {
  task: { id: 'task', name: 'taskdef.json', kind: 'task-definition', view: null, file: null, forced: false },
  service: { id: 'service', name: 'service.json', kind: 'service', view: null, file: null, forced: false },
};
let mode = 'task';
let settings = loadSettings();
let configError = null;
let lintTimer = null;
let dirty = false;
let generation = 0;
const schemas = {};
let ruleIndex = new Map();

// ---- start-up -----------------------------------------------------------------------------

async function start() {
  await init(new URL(wasmUrl, import.meta.url));
  ruleIndex = new Map(rules().map((r) => [r.id, r]));
  $('#version').textContent = version();

  for (const doc of Object.values(docs)) {
    const pane = paneOf(doc.id);
    doc.view = createEditor({
      parent: $('[data-role=editor]', pane),
      doc: '',
      label: doc.id === 'task' ? 'Task definition JSON' : 'Service definition JSON',
      schema: () => schemaFor(doc),
      onChange: scheduleLint,
      onFile: (file) => openFile(doc, file),
    });
    pane.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-act]');
      if (button) paneAction(doc, button.dataset.act);
    });
    pane.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types?.includes('Files')) {
        event.preventDefault();
        pane.classList.add('dropping');
      }
    });
    pane.addEventListener('dragleave', () => pane.classList.remove('dropping'));
    pane.addEventListener('drop', (event) => {
      pane.classList.remove('dropping');
      const file = event.dataTransfer?.files?.[0];
      if (file) {
        event.preventDefault();
        openFile(doc, file);
      }
    });
  }

  setUpHeader();
  setUpSettings();
  setUpDrawers();

  const shared = await readShareLink();
  if (!shared) loadExample('broken-task');
  window.addEventListener('hashchange', () => readShareLink());

  runLint();
  document.body.dataset.state = 'ready';
}

function paneOf(id) {
  return $(`.pane[data-doc="${id}"]`);
}

function visibleDocs() {
  return mode === 'pair' ? [docs.task, docs.service] : [docs[mode]];
}

function schemaFor(doc) {
  // The schemas are the API's JSON: none for a template, or any YAML.
  if (doc.file?.kind === 'cloudformation' || /\.ya?ml$/i.test(doc.name)) return null;
  const kind = SCHEMA_OF_KIND[doc.file?.kind] ?? doc.kind;
  if (!schemas[kind]) schemas[kind] = schema(kind);
  return schemas[kind];
}

// ---- linting ------------------------------------------------------------------------------

function scheduleLint() {
  dirty = true;
  clearTimeout(lintTimer);
  lintTimer = setTimeout(runLint, LINT_DELAY_MS);
}

function lintOptions() {
  return isDefault(settings) || configError ? {} : { config: toConfig(settings) };
}

/** Lints the visible documents now and shows the results. */
function runLint() {
  clearTimeout(lintTimer);
  dirty = false;
  const started = performance.now();
  let options = lintOptions();
  let files;
  const attempt = () => {
    if (mode === 'pair') {
      const report = lintPair(text(docs.service), docs.service.name, text(docs.task), docs.task.name, options);
      return { service: report.files[0], task: report.files[1] };
    }
    const doc = docs[mode];
    const body = text(doc);
    let report = lint(body, { ...options, path: doc.name });
    doc.forced = false;
    // A `.tf` file without an ECS resource is no JSON document to force.
    if (report.files[0].kind === 'unknown' && !doc.name.endsWith('.tf')) {
      // `{}` or a half-typed document: lint it as what this pane is for.
      report = lint(body, { ...options, path: doc.name, kind: doc.kind });
      doc.forced = true;
    }
    return { [mode]: report.files[0] };
  };
  try {
    files = attempt();
    showSettingsError(null);
  } catch (error) {
    if (!options.config) throw error;
    showSettingsError(error);
    options = {};
    files = attempt();
  }
  for (const doc of visibleDocs()) {
    doc.file = files[doc.id];
    doc.lintedText = text(doc);
    doc.toIndex = byteToIndexMapper(doc.lintedText);
    doc.view.dispatch(setDiagnostics(doc.view.state, doc.file.diagnostics.map((d) => toCodeMirror(doc, d))));
    updatePaneHead(doc);
  }
  renderProblems();
  const ms = performance.now() - started;
  $('#timing').textContent = `linted in ${ms < 1 ? '<1' : Math.round(ms)} ms`;
  generation += 1;
  document.body.dataset.lintGeneration = String(generation);
}

function text(doc) {
  return doc.view.state.doc.toString();
}

function toCodeMirror(doc, d) {
  const length = doc.view.state.doc.length;
  const from = Math.min(doc.toIndex(d.range.start.offset), length);
  const to = Math.max(from, Math.min(doc.toIndex(d.range.end.offset), length));
  const actions = [];
  if (d.fix) {
    actions.push({
      name: d.fix.applicability === 'safe' ? `Fix: ${d.fix.message}` : `Fix (unsafe): ${d.fix.message}`,
      apply: () => applyFix(doc, d),
    });
  }
  return {
    from,
    to,
    severity: d.severity,
    message: d.message,
    renderMessage: () => diagnosticNode(doc, d),
    actions,
  };
}

/** The hover of a diagnostic: the message, the help, related places, and the rule. */
function diagnosticNode(doc, d) {
  const dom = document.createElement('div');
  dom.className = 'diag';
  const message = document.createElement('div');
  message.className = 'diag-message';
  message.append(inline(d.message));
  dom.append(message);
  if (d.help) {
    const help = document.createElement('div');
    help.className = 'diag-help';
    help.append(inline(`help: ${d.help}`));
    dom.append(help);
  }
  for (const r of d.related ?? []) {
    const note = document.createElement('button');
    note.type = 'button';
    note.className = 'diag-related link';
    const target = r.path ? docByName(r.path) : doc;
    note.append(inline(`note: ${r.message} (${r.path ?? doc.name}:${r.range.start.line}:${r.range.start.column})`));
    note.addEventListener('click', () => target && jumpTo(target, r.range));
    dom.append(note);
  }
  const meta = document.createElement('div');
  meta.className = 'diag-meta';
  const rule = ruleIndex.get(d.rule);
  const link = document.createElement('button');
  link.type = 'button';
  link.className = 'rule-link link';
  link.textContent = d.rule;
  link.title = "Open the rule's documentation";
  link.addEventListener('click', () => openRuleDocs(d.rule));
  meta.append(link);
  if (rule) {
    const summary = document.createElement('span');
    summary.className = 'diag-summary';
    summary.append(inline(` ${rule.summary}`));
    meta.append(summary);
  }
  dom.append(meta);
  return dom;
}

function docByName(name) {
  return Object.values(docs).find((d) => d.name === name) ?? null;
}

/** Applies a diagnostic's fix to the text it was found in (lints first if the text moved on). */
function applyFix(doc, d) {
  if (dirty) runLint();
  const current = doc.file?.diagnostics.find(
    (x) => x.rule === d.rule && x.pointer === d.pointer && x.message === d.message && x.fix,
  );
  if (!current) return;
  doc.view.dispatch({
    changes: editsToChanges(current.fix.edits, doc.toIndex),
    userEvent: 'input.fix',
    scrollIntoView: true,
  });
  runLint();
  toast(`Fixed: ${current.fix.message}`);
}

// ---- the problems list ----------------------------------------------------------------------

function renderProblems() {
  const list = $('#problem-list');
  list.replaceChildren();
  const counts = { error: 0, warning: 0, info: 0 };
  const shown = visibleDocs();
  for (const doc of shown) {
    for (const d of doc.file?.diagnostics ?? []) {
      counts[d.severity] += 1;
      list.append(problemItem(doc, d, shown.length > 1));
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const parts = [];
  if (counts.error) parts.push(`${counts.error} error${counts.error === 1 ? '' : 's'}`);
  if (counts.warning) parts.push(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
  if (counts.info) parts.push(`${counts.info} info`);
  $('#summary').textContent = total === 0 ? 'No problems' : parts.join(' · ');
  $('#summary').dataset.total = String(total);
  if (total === 0) {
    const li = document.createElement('li');
    li.className = 'no-problems';
    li.textContent = `No problems found in ${shown.map((d) => d.name).join(' and ')}.`;
    list.append(li);
  }
}

function problemItem(doc, d, showFile) {
  const li = document.createElement('li');
  li.className = `problem sev-${d.severity}`;
  li.dataset.rule = d.rule;
  li.dataset.doc = doc.id;
  li.dataset.pointer = d.pointer;
  const go = document.createElement('button');
  go.type = 'button';
  go.className = 'problem-go';
  go.title = 'Go to the problem';
  const icon = document.createElement('span');
  icon.className = 'sev-icon';
  icon.setAttribute('aria-label', d.severity);
  const message = document.createElement('span');
  message.className = 'problem-message';
  message.append(inline(d.message));
  const where = document.createElement('span');
  where.className = 'problem-where';
  where.textContent = `${showFile ? `${doc.name} ` : ''}${d.range.start.line}:${d.range.start.column}`;
  go.append(icon, message, where);
  go.addEventListener('click', () => jumpTo(doc, d.range));
  li.append(go);
  const rule = document.createElement('button');
  rule.type = 'button';
  rule.className = 'rule-link link';
  rule.textContent = d.rule;
  rule.title = "Open the rule's documentation";
  rule.addEventListener('click', () => openRuleDocs(d.rule));
  li.append(rule);
  if (d.rule === 'service-task-definition-not-found' && mode !== 'pair') {
    // The playground's answer to "pass it with --task-definition": the other editor.
    const pair = document.createElement('button');
    pair.type = 'button';
    pair.className = 'fix';
    pair.textContent = 'Add the task definition';
    pair.title = 'Show the task definition beside the service and check them together';
    pair.addEventListener('click', () => setMode('pair'));
    li.append(pair);
  }
  if (d.fix) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `fix${d.fix.applicability === 'unsafe' ? ' unsafe' : ''}`;
    button.textContent = d.fix.applicability === 'safe' ? 'Fix' : 'Fix (unsafe)';
    button.title = d.fix.message;
    button.addEventListener('click', () => applyFix(doc, d));
    li.append(button);
  }
  return li;
}

/** Selects a range (the linter's byte offsets) in a document and scrolls to it. */
function jumpTo(doc, range) {
  if (!visibleDocs().includes(doc)) return;
  if (dirty) runLint();
  const length = doc.view.state.doc.length;
  const from = Math.min(doc.toIndex(range.start.offset), length);
  const to = Math.max(from, Math.min(doc.toIndex(range.end.offset), length));
  doc.view.dispatch({
    selection: EditorSelection.single(from, to),
    scrollIntoView: true,
  });
  doc.view.focus();
}

function updatePaneHead(doc) {
  const pane = paneOf(doc.id);
  $('[data-role=file]', pane).textContent = doc.name;
  const kind = doc.file?.kind ?? doc.kind;
  $('[data-role=kind]', pane).textContent = doc.forced
    ? `linted as a ${KIND_LABEL[doc.kind]}`
    : KIND_LABEL[kind] ?? kind;
  pane.dataset.kind = kind;
  // Who the document is judged by, when it is not the strict default.
  const deployed = doc.file?.deployer;
  $('[data-role=deployed]', pane).textContent =
    deployed && deployed.name !== 'aws-cli' ? `judged as ${deployed.name} sends it` : '';
  const diagnostics = doc.file?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  $('[data-role=counts]', pane).textContent =
    diagnostics.length === 0 ? '✓ no problems' : `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`;
  $('[data-role=counts]', pane).dataset.level = errors ? 'error' : diagnostics.length ? 'warning' : 'ok';
  const fixable = diagnostics.filter((d) => d.fix && d.fix.applicability === 'safe').length;
  const fixAll = $('[data-act=fix-all]', pane);
  fixAll.disabled = fixable === 0;
  fixAll.textContent = fixable ? `Fix all (${fixable})` : 'Fix all';
}

// ---- pane actions: open, download, copy fixed, fix all ------------------------------------

function paneAction(doc, action) {
  switch (action) {
    case 'open': {
      const input = $('#file-input');
      input.value = '';
      input.onchange = () => input.files[0] && openFile(doc, input.files[0]);
      input.click();
      break;
    }
    case 'download':
      download(doc.name, text(doc));
      break;
    case 'copy-fixed': {
      const result = fix(text(doc), fixOptions(doc));
      copyText(result.text).then(
        () =>
          toast(
            result.fixed
              ? `Copied the fixed JSON (${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'} applied)`
              : 'Copied (nothing to fix)',
          ),
        () => toast('The browser did not allow copying'),
      );
      break;
    }
    case 'fix-all': {
      const result = fix(text(doc), fixOptions(doc));
      if (!result.fixed) {
        toast('Nothing to fix automatically');
        break;
      }
      replaceText(doc.view, result.text);
      runLint();
      toast(`Applied ${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'}`);
      break;
    }
    default:
      break;
  }
}

function fixOptions(doc) {
  const options = { ...lintOptions(), path: doc.name };
  if (doc.forced) options.kind = doc.kind;
  return options;
}

async function openFile(doc, file) {
  if (file.size > 8 * 1024 * 1024) {
    toast(`${file.name} is too large for the playground (use the CLI)`);
    return;
  }
  const body = await file.text();
  doc.name = file.name || doc.name;
  setLanguage(doc.view, doc.name);
  setText(doc, body);
  runLint();
  toast(`Opened ${doc.name} (read in this page, not uploaded)`);
}

function setText(doc, body) {
  doc.view.dispatch({
    changes: { from: 0, to: doc.view.state.doc.length, insert: body },
    selection: { anchor: 0 },
    scrollIntoView: true,
    userEvent: 'input.replace',
  });
}

function download(name, body) {
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyText(body) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(body);
      return;
    } catch {
      // Fall back to the selection below (permissions, unfocused document).
    }
  }
  const area = document.createElement('textarea');
  area.value = body;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

// ---- header: mode, examples, share --------------------------------------------------------

function setUpHeader() {
  for (const input of $$('input[name=mode]')) {
    input.addEventListener('change', () => input.checked && setMode(input.value));
  }
  const select = $('#examples');
  const groups = new Map();
  for (const example of EXAMPLES) {
    if (!groups.has(example.group)) {
      const group = document.createElement('optgroup');
      group.label = example.group;
      groups.set(example.group, group);
      select.append(group);
    }
    const option = document.createElement('option');
    option.value = example.id;
    option.textContent = example.title;
    groups.get(example.group).append(option);
  }
  select.addEventListener('change', () => {
    if (select.value) loadExample(select.value);
    runLint();
  });
  $('#share').addEventListener('click', share);
  $('#share-copy').addEventListener('click', () =>
    copyText($('#share-url').value).then(
      () => toast('Link copied'),
      () => toast('The browser did not allow copying: select the link and copy it'),
    ),
  );
  $('#share-close').addEventListener('click', () => $('#share-dialog').close());
}

function setMode(next) {
  mode = next;
  $('#editors').dataset.mode = next;
  for (const input of $$('input[name=mode]')) input.checked = input.value === next;
  for (const doc of Object.values(docs)) paneOf(doc.id).hidden = !visibleDocs().includes(doc);
  runLint();
}

function loadExample(id) {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) return;
  if (example.task !== undefined) {
    docs.task.name =
      example.name ?? (example.task.trimStart().startsWith('[') ? 'container_definitions.json' : 'taskdef.json');
    setLanguage(docs.task.view, docs.task.name);
    setText(docs.task, example.task);
  }
  if (example.service !== undefined) {
    docs.service.name = 'service.json';
    setText(docs.service, example.service);
  }
  $('#examples').value = id;
  setMode(example.mode);
}

async function share() {
  const state = { m: mode };
  if (mode !== 'service') state.t = { n: docs.task.name, x: text(docs.task) };
  if (mode !== 'task') state.s = { n: docs.service.name, x: text(docs.service) };
  if (!isDefault(settings)) state.c = settings;
  const fragment = await encodeState(state);
  const url = `${location.href.split('#')[0]}#${fragment}`;
  $('#share-url').value = url;
  $('#share-dialog').showModal();
  $('#share-url').select();
}

/** Applies the share link in the URL, if there is one. */
async function readShareLink() {
  let state;
  try {
    state = await decodeState(location.hash);
  } catch {
    toast('This share link is damaged: its document could not be read');
    return false;
  }
  if (!state || typeof state !== 'object') return false;
  const apply = (doc, part) => {
    if (!part || typeof part.x !== 'string') return;
    if (typeof part.n === 'string' && part.n) doc.name = part.n.slice(0, 200);
    setLanguage(doc.view, doc.name);
    setText(doc, part.x);
  };
  apply(docs.task, state.t);
  apply(docs.service, state.s);
  if (state.c) {
    settings = normalizeSettings(state.c);
    renderSettings();
  }
  $('#examples').value = '';
  setMode(['task', 'service', 'pair'].includes(state.m) ? state.m : 'task');
  return true;
}

// ---- settings -------------------------------------------------------------------------------

function loadSettings() {
  try {
    return normalizeSettings(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null'));
  } catch {
    return defaultSettings();
  }
}

function saveSettings() {
  try {
    if (isDefault(settings)) localStorage.removeItem(SETTINGS_KEY);
    else localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode): the settings last for this page.
  }
}

function setUpSettings() {
  const launch = $('#set-launch-type');
  for (const value of LAUNCH_TYPES) launch.append(new Option(value, value));
  const os = $('#set-os');
  const family = schema('task-definition').$defs?.RuntimePlatform?.properties?.operatingSystemFamily;
  const osValues = family?.enum ?? schema('task-definition').$defs?.OSFamily?.enum ?? ['LINUX'];
  for (const value of osValues) os.append(new Option(value, value));

  const changed = () => {
    saveSettings();
    renderSettings();
    runLint();
  };
  const deployer = $('#deployer');
  for (const [id, label] of DEPLOYERS) deployer.append(new Option(label, id));
  deployer.addEventListener('change', () => {
    settings.deployer = deployer.value;
    changed();
  });
  launch.addEventListener('change', () => {
    settings.launchType = launch.value;
    changed();
  });
  os.addEventListener('change', () => {
    settings.os = os.value;
    changed();
  });
  $('#set-select').addEventListener('change', (e) => {
    settings.select = splitList(e.target.value);
    changed();
  });
  $('#set-ignore').addEventListener('change', (e) => {
    settings.ignore = splitList(e.target.value);
    changed();
  });
  $('#rule-filter').addEventListener('input', filterRules);
  $('#settings-reset').addEventListener('click', () => {
    settings = defaultSettings();
    changed();
  });
  $('#toml-copy').addEventListener('click', () =>
    copyText($('#toml').value).then(() => toast('ecslint.toml copied'), () => toast('The browser did not allow copying')),
  );
  $('#toml-apply').addEventListener('click', () => {
    const error = $('#toml-error');
    try {
      settings = fromConfig(loadConfig($('#toml').value));
      error.hidden = true;
      changed();
      toast('Settings read from ecslint.toml');
    } catch (e) {
      error.hidden = false;
      error.textContent = e.range ? `line ${e.range.start.line}: ${e.reason ?? e.message}` : e.reason ?? e.message;
    }
  });

  // One row per rule: its default severity and a select to override it ([rules] in TOML).
  const table = $('#rule-table');
  const byCategory = new Map();
  for (const rule of ruleIndex.values()) {
    if (!byCategory.has(rule.category)) byCategory.set(rule.category, []);
    byCategory.get(rule.category).push(rule);
  }
  for (const [category, list] of byCategory) {
    const head = document.createElement('tr');
    head.className = 'category';
    const th = document.createElement('th');
    th.colSpan = 2;
    th.textContent = category;
    head.append(th);
    table.append(head);
    for (const rule of list) {
      const tr = document.createElement('tr');
      tr.dataset.rule = rule.id;
      tr.dataset.search = `${rule.id} ${rule.category} ${rule.summary}`.toLowerCase();
      const name = document.createElement('td');
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'rule-link link';
      link.textContent = rule.id;
      link.title = rule.summary;
      link.addEventListener('click', () => openRuleDocs(rule.id));
      name.append(link);
      const cell = document.createElement('td');
      const select = document.createElement('select');
      select.setAttribute('aria-label', `severity of ${rule.id}`);
      select.append(new Option(`default (${rule.severity})`, ''));
      for (const sev of SEVERITIES) select.append(new Option(sev, sev));
      select.addEventListener('change', () => {
        if (select.value) settings.rules[rule.id] = select.value;
        else delete settings.rules[rule.id];
        changed();
      });
      cell.append(select);
      tr.append(name, cell);
      table.append(tr);
    }
  }
  renderSettings();
}

function renderSettings() {
  $('#deployer').value = settings.deployer;
  $('#set-launch-type').value = settings.launchType;
  $('#set-os').value = settings.os;
  $('#set-select').value = settings.select.join(', ');
  $('#set-ignore').value = settings.ignore.join(', ');
  for (const tr of $$('#rule-table tr[data-rule]')) {
    $('select', tr).value = settings.rules[tr.dataset.rule] ?? '';
  }
  $('#toml').value = toToml(settings);
  $('#settings-toggle').classList.toggle('active', !isDefault(settings));
}

function filterRules() {
  const q = $('#rule-filter').value.trim().toLowerCase();
  for (const tr of $$('#rule-table tr[data-rule]')) tr.hidden = q !== '' && !tr.dataset.search.includes(q);
}

function showSettingsError(error) {
  configError = error;
  const p = $('#settings-error');
  p.hidden = !error;
  p.textContent = error ? `${error.reason ?? error.message} (linting with the defaults)` : '';
}

// ---- drawers: settings and rule documentation --------------------------------------------

function setUpDrawers() {
  $('#settings-toggle').addEventListener('click', () => toggleDrawer('settings'));
  for (const button of $$('[data-close]')) {
    button.addEventListener('click', () => toggleDrawer(button.dataset.close, false));
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') for (const d of $$('.drawer')) d.hidden = true;
  });
}

function toggleDrawer(id, open) {
  const drawer = $(`#${id}`);
  const show = open ?? drawer.hidden;
  for (const d of $$('.drawer')) if (d !== drawer) d.hidden = true;
  drawer.hidden = !show;
  $('#settings-toggle').setAttribute('aria-expanded', String(id === 'settings' && show));
}

function openRuleDocs(id) {
  const rule = ruleIndex.get(id);
  if (!rule) return;
  $('#rule-docs-title').textContent = rule.id;
  const body = $('#rule-docs-body');
  body.replaceChildren();
  const badges = document.createElement('p');
  badges.className = 'badges';
  for (const [label, value] of [
    ['severity', rule.severity],
    ['category', rule.category],
    ['fix', rule.fix],
  ]) {
    const badge = document.createElement('span');
    badge.className = `badge badge-${label} ${label}-${value}`;
    badge.textContent = `${label}: ${value}`;
    badges.append(badge);
  }
  body.append(badges, renderMarkdown(rule.docs));
  if (rule.sources?.length) {
    const h = document.createElement('h4');
    h.textContent = 'Sources';
    const list = document.createElement('ul');
    list.className = 'sources';
    for (const s of rule.sources) {
      const li = document.createElement('li');
      if (s.type === 'aws-docs') li.append(inline(`AWS documentation: ${s.url} (${s.note})`));
      else if (s.type === 'api-reference') li.append(inline(`ECS API reference: “${s.quote}”`));
      else if (s.type === 'botocore') li.append(inline(`botocore's ECS model: \`${s.shape}\``));
      else if (s.type === 'botocore-doc') li.append(inline(`botocore's ECS model, \`${s.member}\`: “${s.quote}”`));
      else if (s.type === 'error-message') li.append(inline(`error seen in ${s.seen_in}: “${s.text}”`));
      else if (s.type === 'tool') li.append(inline(`${s.tool} ${s.version}: ${s.url} (${s.note})`));
      else if (s.type === 'peer') li.append(inline(`${s.tool}: \`${s.rule}\``));
      else if (s.type === 'json') li.append(inline(s.note));
      else continue;
      list.append(li);
    }
    body.append(h, list);
  }
  toggleDrawer('rule-docs', true);
  body.scrollTop = 0;
}

// ---- toast --------------------------------------------------------------------------------

let toastTimer = null;
function toast(message) {
  const el = $('#toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.hidden = true;
  }, 3500);
}

// For tests and the curious: the documents and the last reports.
window.ecslintPlayground = {
  getText: (id) => text(docs[id]),
  setText: (id, body) => {
    setText(docs[id], body);
    runLint();
  },
  report: (id) => docs[id].file,
  selection: (id) => {
    const { from, to } = docs[id].view.state.selection.main;
    return docs[id].view.state.sliceDoc(from, to);
  },
  /** Viewport coordinates of the middle of the first `needle` in a document. */
  coordsOf: (id, needle) => {
    const view = docs[id].view;
    const at = view.state.doc.toString().indexOf(needle);
    if (at < 0) return null;
    const start = view.coordsAtPos(at);
    const end = view.coordsAtPos(at + needle.length);
    return start && end ? { x: (start.left + end.right) / 2, y: (start.top + start.bottom) / 2 } : null;
  },
  get mode() {
    return mode;
  },
  lintNow: () => runLint(),
};

start().catch((error) => {
  document.body.dataset.state = 'error';
  const p = document.createElement('p');
  p.className = 'fatal';
  p.textContent = `The linter could not start: ${error.message}`;
  document.body.prepend(p);
  throw error;
});
