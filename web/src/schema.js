// Completion and hover documentation from ecslint's JSON Schema (`schema(kind)`), without a
// JSON parser: a small scanner walks the text up to the cursor and keeps a stack of the
// objects and arrays it is in, so it works on the half-typed, broken JSON one has while
// typing (comments, single quotes and trailing commas included). Pure functions: the
// CodeMirror glue is in editor.js, and test/unit.test.mjs runs these in Node.

const WORD = /[A-Za-z0-9_$.+-]/;

/**
 * What is at `pos` in `text`: the path of the innermost object or array around it, whether a
 * key or a value goes there, and the token being typed, if any.
 *
 * @param {string} text
 * @param {number} pos a UTF-16 index
 * @param {{ inclusiveEnd?: boolean }} [options] inclusiveEnd: a token that ends exactly at
 *   `pos` counts as "at" it (completion: the word just typed); hover wants the token under
 *   the pointer and passes false.
 * @returns {{
 *   where: 'key' | 'value' | 'none',
 *   path: (string | number)[],            // the container's path from the root
 *   key: string | number | null,          // for a value: its key (object) or index (array)
 *   token: null | { from: number, to: number, quoted: boolean, closed: boolean, text: string },
 *   keys: Set<string>,                    // keys of the container object (before and after pos)
 *   containerStart: number,               // where the container opens (-1: root)
 * }}
 */
export function contextAt(text, pos, options = {}) {
  const inclusiveEnd = options.inclusiveEnd ?? true;
  const stack = [];
  let token = null;
  let i = 0;
  const afterValue = () => {
    const top = stack[stack.length - 1];
    if (top) top.state = 'comma';
  };
  scan: while (i < text.length) {
    const ch = text[i];
    // Stop at the cursor; hover also looks at a token that starts right there.
    if (i >= pos && (inclusiveEnd || !(ch === '"' || ch === "'" || WORD.test(ch)))) break;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
      continue;
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      const end = line
        ? endOf(text.indexOf('\n', i), text.length)
        : endOf(text.indexOf('*/', i + 2), text.length - 2) + 2;
      if (line ? pos <= end : pos < end) return none(); // in a comment
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { end, closed } = stringEnd(text, i);
      const inside = closed ? pos < end : pos <= end;
      if (inside) {
        token = { from: i, to: end, quoted: true, closed, text: unquote(text.slice(i, end)) };
        break scan;
      }
      const top = stack[stack.length - 1];
      if (top && top.type === 'object' && top.state === 'key') {
        top.key = unquote(text.slice(i, end));
        top.keys.add(top.key);
        top.state = 'colon';
      } else afterValue();
      i = end;
      continue;
    }
    if (WORD.test(ch)) {
      let end = i + 1;
      while (end < text.length && WORD.test(text[end])) end += 1;
      if (inclusiveEnd ? end >= pos : end > pos) {
        token = { from: i, to: end, quoted: false, closed: false, text: text.slice(i, end) };
        break scan;
      }
      const top = stack[stack.length - 1];
      if (top && top.type === 'object' && top.state === 'key') {
        // An unquoted key (`family: "web"`): ecslint reports it; we follow along.
        top.key = text.slice(i, end);
        top.keys.add(top.key);
        top.state = 'colon';
      } else afterValue();
      i = end;
      continue;
    }
    switch (ch) {
      case '{':
        stack.push({ type: 'object', state: 'key', key: null, keys: new Set(), start: i });
        break;
      case '[':
        stack.push({ type: 'array', state: 'value', key: 0, start: i });
        break;
      case '}':
      case ']':
        stack.pop();
        afterValue();
        break;
      case ':': {
        const top = stack[stack.length - 1];
        if (top && top.type === 'object') top.state = 'value';
        break;
      }
      case ',': {
        const top = stack[stack.length - 1];
        if (top && top.type === 'object') {
          top.state = 'key';
          top.key = null;
        } else if (top) {
          top.key += 1;
          top.state = 'value';
        }
        break;
      }
      default:
        break;
    }
    i += 1;
  }

  const top = stack[stack.length - 1];
  if (!top) return none(token);
  const path = stack.slice(0, -1).map((f) => f.key);
  let where = 'none';
  if (top.type === 'object' && top.state === 'key') where = 'key';
  else if (top.type === 'object' && top.state === 'value') where = 'value';
  else if (top.type === 'array' && top.state === 'value') where = 'value';
  const keys = new Set(top.type === 'object' ? top.keys : []);
  if (top.type === 'object') {
    for (const k of keysAfter(text, token ? token.to : pos)) keys.add(k);
  }
  return {
    where,
    path,
    key: where === 'value' ? top.key : null,
    token,
    keys,
    containerStart: top.start,
  };
}

function none(token = null) {
  return { where: 'none', path: [], key: null, token, keys: new Set(), containerStart: -1 };
}

function endOf(index, fallback) {
  return index < 0 ? fallback : index;
}

/** The end (exclusive) of the string starting at `start`; unterminated strings end at the
 * line's end. */
function stringEnd(text, start) {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return { end: i + 1, closed: true };
    else if (c === '\n') return { end: i, closed: false };
    else i += 1;
  }
  return { end: text.length, closed: false };
}

function unquote(raw) {
  const quote = raw[0];
  let body = raw.length > 1 && raw.endsWith(quote) ? raw.slice(1, -1) : raw.slice(1);
  if (quote === "'") body = body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"');
  try {
    return JSON.parse(`"${body}"`);
  } catch {
    return body;
  }
}

/** Keys of the object that continues at `from` (until it closes). */
function keysAfter(text, from) {
  const keys = [];
  let depth = 0;
  let i = from;
  let last = null; // the last string at depth 0
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const { end } = stringEnd(text, i);
      if (depth === 0) last = unquote(text.slice(i, end));
      i = end;
      continue;
    }
    if (ch === ':' && depth === 0 && last !== null) keys.push(last);
    if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth < 0) break;
    }
    if (ch !== ' ' && ch !== '\n' && ch !== '\t' && ch !== '\r' && ch !== ':') last = null;
    i += 1;
  }
  return keys;
}

// ---- the schema ---------------------------------------------------------------------------

/** Follows `$ref`s; the referring schema's own members (a property's description) win. */
export function deref(root, schema) {
  let s = schema;
  let own = {};
  for (let n = 0; s && s.$ref && n < 32; n += 1) {
    const { $ref, ...rest } = s;
    own = { ...rest, ...own };
    s = lookup(root, $ref);
  }
  return s ? { ...s, ...own } : null;
}

function lookup(root, ref) {
  if (!ref.startsWith('#')) return null;
  const parts = ref.slice(1).split('/').filter(Boolean);
  let node = root;
  for (const part of parts) {
    if (node == null) return null;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node ?? null;
}

/** The schema of the value at `path` (keys and array indices), or null. */
export function schemaAt(root, path) {
  let s = deref(root, root);
  for (const seg of path) {
    if (!s) return null;
    if (typeof seg === 'number') s = s.items ? deref(root, s.items) : null;
    else if (s.properties && Object.hasOwn(s.properties, seg)) s = deref(root, s.properties[seg]);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object')
      s = deref(root, s.additionalProperties);
    else return null;
  }
  return s;
}

/** `string`, `integer`, `array of Foo`, … */
export function typeLabel(root, s) {
  if (!s) return '';
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array' && s.items) {
    const items = deref(root, s.items);
    const inner = items?.title || (Array.isArray(items?.type) ? items.type.join(' | ') : items?.type);
    return inner ? `array of ${inner}` : 'array';
  }
  if (type === 'object' && s.title) return s.title;
  if (s.enum && !type) return 'enum';
  return type ?? (s.title || '');
}

/** The text a value of this schema starts as, as a CodeMirror snippet (`${}`: the cursor). */
export function valueSnippet(s) {
  const type = Array.isArray(s?.type) ? s.type.find((t) => t !== 'null') : s?.type;
  switch (type) {
    case 'string':
      return '"${}"';
    case 'array':
      return '[${}]';
    case 'object':
      return '{${}}';
    case 'boolean':
      return '${true}';
    default:
      return '${}';
  }
}

/**
 * Completion candidates at `pos`: property names for a key, enum values and booleans for a
 * value. Returns null when there is nothing to offer (not explicit and nothing typed).
 *
 * @returns {null | { from: number, to: number, kind: 'key' | 'value', options: {
 *   label: string, insert: string, value?: string, snippet: boolean, detail: string, doc: string,
 *   required: boolean, deprecated: boolean, isEnum: boolean }[] }}
 */
export function completionsAt(root, text, pos, explicit = false) {
  const ctx = contextAt(text, pos);
  if (ctx.where === 'none') return null;
  const token = ctx.token;
  if (!token && !explicit) return null;
  if (token && !token.quoted && ctx.where === 'value' && /^[0-9-]/.test(token.text)) return null;
  // The replaced range: the whole token (its quotes included); the filtered text: what was
  // typed after the opening quote.
  const from = token ? token.from : pos;
  let to = token ? token.to : pos;
  if (ctx.where === 'key') {
    const container = schemaAt(root, ctx.path);
    if (!container || !container.properties) return null;
    const required = new Set(container.required ?? []);
    const colon = /^\s*:/.test(text.slice(to));
    const options = [];
    for (const [name, raw] of Object.entries(container.properties)) {
      if (ctx.keys.has(name) && !(token && token.text === name)) continue;
      const prop = deref(root, raw);
      const key = JSON.stringify(name);
      options.push({
        label: name,
        insert: colon ? key : `${key}: ${valueSnippet(prop)}`,
        value: valueSnippet(prop),
        snippet: !colon,
        detail: typeLabel(root, prop),
        doc: prop?.markdownDescription ?? prop?.description ?? '',
        required: required.has(name),
        deprecated: Boolean(prop?.deprecated),
        isEnum: Boolean(prop?.enum) && !colon,
      });
    }
    return { from, to, kind: 'key', options };
  }
  const s = schemaAt(root, [...ctx.path, ctx.key]);
  if (!s) return null;
  const options = [];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  for (const value of s.enum ?? []) {
    options.push({
      label: String(value),
      insert: JSON.stringify(value),
      snippet: false,
      detail: typeLabel(root, s),
      doc: '',
      required: false,
      deprecated: false,
      isEnum: false,
    });
  }
  if (types.includes('boolean')) {
    for (const value of ['true', 'false']) {
      options.push({
        label: value,
        insert: value,
        snippet: false,
        detail: 'boolean',
        doc: '',
        required: false,
        deprecated: false,
        isEnum: false,
      });
    }
  }
  if (options.length === 0) return null;
  return { from, to, kind: 'value', options };
}

/**
 * Documentation for the key or value under `pos`: the property's name, type, allowed values
 * and description. Null when the schema says nothing about it.
 *
 * @returns {null | { from: number, to: number, name: string, type: string, values: string[],
 *   required: boolean, deprecated: string | null, doc: string, path: (string | number)[] }}
 */
export function hoverAt(root, text, pos) {
  const ctx = contextAt(text, pos, { inclusiveEnd: false });
  const token = ctx.token;
  if (!token || ctx.where === 'none') return null;
  let path;
  let name;
  if (ctx.where === 'key') {
    path = [...ctx.path, token.text];
    name = token.text;
  } else {
    path = [...ctx.path, ctx.key];
    name = typeof ctx.key === 'string' ? ctx.key : String(ctx.path[ctx.path.length - 1] ?? '');
  }
  const s = schemaAt(root, path);
  if (!s) return null;
  const parent = schemaAt(root, path.slice(0, -1));
  const required = typeof path[path.length - 1] === 'string' && (parent?.required ?? []).includes(path[path.length - 1]);
  return {
    from: token.from,
    to: token.to,
    name,
    type: typeLabel(root, s),
    values: (s.enum ?? []).map(String),
    required,
    deprecated: s.deprecated ? s.deprecationMessage || 'deprecated' : null,
    doc: s.markdownDescription ?? s.description ?? '',
    path,
  };
}
