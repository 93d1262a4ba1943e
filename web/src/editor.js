// One CodeMirror 6 editor of the playground: JSON highlighting, the linter's diagnostics
// (set from outside with `setDiagnostics`), completion and hover documentation from the JSON
// Schema, and a file dropped on it replacing its text.

import { basicSetup } from 'codemirror';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { hcl } from './hcl.js';
import { Compartment } from '@codemirror/state';
import { autocompletion, snippet, startCompletion } from '@codemirror/autocomplete';
import { forEachDiagnostic, lintGutter } from '@codemirror/lint';
import { indentWithTab } from '@codemirror/commands';
import { completionsAt, hoverAt } from './schema.js';
import { renderMarkdown, inline } from './markdown.js';

const WORD = /[\w$.+-]/;

/**
 * @param {{
 *   parent: HTMLElement,
 *   doc: string,
 *   label: string,
 *   schema: () => object | null,     // the JSON Schema for this editor's current kind
 *   onChange: () => void,
 *   onFile: (file: File) => void,
 * }} options
 */
/** The language of each editor (JSON; YAML for a `.yaml`/`.yml` file, HCL for `.tf`): reconfigured when
 * the document's name changes. */
const language = new Compartment();

/** The highlighting for a file named `name`. */
function languageFor(name) {
  if (/\.tf$/i.test(name ?? '')) return hcl();
  return /\.ya?ml$/i.test(name ?? '') ? yaml() : json();
}

/** Highlights `view` as the file `name` is read (JSON, YAML or HCL). */
export function setLanguage(view, name) {
  view.dispatch({ effects: language.reconfigure(languageFor(name)) });
}

export function createEditor({ parent, doc, label, schema, onChange, onFile, name }) {
  // The editor lives in a shadow root: there CodeMirror's styles go into constructed style
  // sheets (adoptedStyleSheets), which the page's `style-src 'self'` allows; in the document
  // itself they would be inline <style> elements, which would need 'unsafe-inline'. The
  // page's own stylesheet is linked in too, for the tooltips' contents.
  const host = document.createElement('div');
  host.className = 'editor-host';
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  for (const sheet of document.querySelectorAll('link[rel=stylesheet]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = sheet.href;
    root.append(link);
  }
  return new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        language.of(languageFor(name)),
        lintGutter(),
        keymap.of([indentWithTab]),
        autocompletion({ override: [schemaCompletion(schema)], icons: true }),
        hoverTooltip(schemaHover(schema), { hoverTime: 350 }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
        Prec.high(
          EditorView.domEventHandlers({
            drop(event) {
              const file = event.dataTransfer?.files?.[0];
              if (!file) return false;
              event.preventDefault();
              onFile(file);
              return true;
            },
          }),
        ),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        theme,
      ],
    }),
  });
}

/** Replaces the text, changing only what differs (keeps the scroll position and undo). */
export function replaceText(view, text) {
  const old = view.state.doc.toString();
  if (old === text) return;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start += 1;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld -= 1;
    endNew -= 1;
  }
  view.dispatch({
    changes: { from: start, to: endOld, insert: text.slice(start, endNew) },
    userEvent: 'input.replace',
  });
}

function schemaCompletion(getSchema) {
  return (context) => {
    const root = getSchema();
    if (!root) return null;
    const text = context.state.doc.toString();
    const result = completionsAt(root, text, context.pos, context.explicit);
    if (!result || result.options.length === 0) return null;
    const quoted = result.to > result.from && (text[result.from] === '"' || text[result.from] === "'");
    return {
      from: quoted ? result.from + 1 : result.from,
      validFor: /^[\w$.+-]*$/,
      options: result.options.map((o) => ({
        label: o.label,
        detail: o.detail,
        type: result.kind === 'key' ? 'property' : 'enum',
        boost: o.required ? 5 : o.deprecated ? -5 : 0,
        info: o.doc || o.required ? () => completionInfo(o) : undefined,
        apply: (view, completion, from, to) =>
          applyCompletion(view, completion, result.kind, o, getSchema, quoted ? from - 1 : from, to),
      })),
    };
  };
}

/** Inserts a key (with the start of its value, unless a colon follows) or a value, replacing
 * the whole token under the cursor: the rest of the word and its closing quote included. */
function applyCompletion(view, completion, kind, option, getSchema, from, to) {
  const doc = view.state.doc;
  let end = to;
  while (end < doc.length && WORD.test(doc.sliceString(end, end + 1))) end += 1;
  const startChar = doc.sliceString(from, from + 1);
  if ((startChar === '"' || startChar === "'") && doc.sliceString(end, end + 1) === startChar) end += 1;
  if (kind === 'value') {
    view.dispatch({
      changes: { from, to: end, insert: option.insert },
      selection: { anchor: from + option.insert.length },
      userEvent: 'input.complete',
      scrollIntoView: true,
    });
    return;
  }
  const key = JSON.stringify(option.label);
  if (/^\s*:/.test(doc.sliceString(end, end + 40))) {
    view.dispatch({
      changes: { from, to: end, insert: key },
      selection: { anchor: from + key.length },
      userEvent: 'input.complete',
    });
    return;
  }
  snippet(`${key}: ${option.value}`)(view, completion, from, end);
  if (option.isEnum) setTimeout(() => startCompletion(view), 0);
}

function completionInfo(option) {
  const dom = document.createElement('div');
  dom.className = 'schema-doc';
  if (option.required) {
    const req = document.createElement('p');
    req.className = 'schema-required';
    req.textContent = 'required';
    dom.append(req);
  }
  dom.append(renderMarkdown(trimDoc(option.doc)));
  return dom;
}

function schemaHover(getSchema) {
  return (view, pos) => {
    const root = getSchema();
    if (!root) return null;
    // Where there is a problem, its own hover (message, help, fix) says enough.
    let onProblem = false;
    forEachDiagnostic(view.state, (d, from, to) => {
      if (from <= pos && pos <= to) onProblem = true;
    });
    if (onProblem) return null;
    const hover = hoverAt(root, view.state.doc.toString(), pos);
    if (!hover || (!hover.doc && !hover.type)) return null;
    return {
      pos: hover.from,
      end: hover.to,
      above: true,
      create: () => ({ dom: hoverNode(hover) }),
    };
  };
}

function hoverNode(h) {
  const dom = document.createElement('div');
  dom.className = 'schema-doc schema-hover';
  const head = document.createElement('div');
  head.className = 'schema-head';
  const name = document.createElement('code');
  name.textContent = h.name;
  head.append(name);
  if (h.type) {
    const type = document.createElement('span');
    type.className = 'schema-type';
    type.textContent = h.type;
    head.append(type);
  }
  if (h.required) {
    const req = document.createElement('span');
    req.className = 'schema-required';
    req.textContent = 'required';
    head.append(req);
  }
  dom.append(head);
  if (h.deprecated) {
    const p = document.createElement('p');
    p.className = 'schema-deprecated';
    p.append(inline(`Deprecated: ${h.deprecated}`));
    dom.append(p);
  }
  if (h.values.length > 0) {
    const p = document.createElement('p');
    p.append(inline(`One of: ${h.values.map((v) => `\`${v}\``).join(', ')}`));
    dom.append(p);
  }
  if (h.doc) dom.append(renderMarkdown(trimDoc(h.doc)));
  return dom;
}

/** The first paragraphs of a long description (the API reference's run to pages). */
function trimDoc(doc) {
  const paragraphs = doc.split(/\n\s*\n/);
  let out = '';
  for (const p of paragraphs) {
    if (out && out.length + p.length > 900) return `${out}\n\n…`;
    out = out ? `${out}\n\n${p}` : p;
  }
  return out;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--editor-bg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', borderRight: '1px solid var(--border)' },
  '.cm-tooltip': { maxWidth: '560px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)' },
  '.cm-completionInfo': { maxWidth: '420px', maxHeight: '320px', overflow: 'auto' },
  '.cm-diagnostic': { padding: '6px 10px', maxWidth: '560px' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', borderRadius: '4px', padding: '2px 8px' },
});
