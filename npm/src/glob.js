// Globs as the Rust `globset` crate reads them (which the CLI uses for `[files]` and, through
// the `ignore` crate, for .gitignore), compiled to RegExps: `*` and `?` never cross `/`
// (`literal_separator`), `**` is recursive only as a whole path component, `[a-z]`, `[!a]`,
// `{a,b}` (not nested) and `\` escapes. Errors have globset's messages.

export class GlobError extends Error {
  constructor(kind) {
    super(kind);
    this.kind = kind;
  }
}

const isSeparator = (c) => c === '/';
// Rust's `.` (bytes mode): anything but a line feed.
const DOT = '[^\\n]';

function escapeLiteral(c) {
  return /[\\^$.|?*+()[\]{}\-/]/.test(c) ? `\\${c}` : c;
}

/** Parses a glob into globset's tokens. */
function parse(glob) {
  const chars = Array.from(glob);
  let i = 0;
  let prev = null;
  let cur = null;
  const stack = [[]];
  const bump = () => {
    prev = cur;
    cur = i < chars.length ? chars[i++] : null;
    return cur;
  };
  const peek = () => (i < chars.length ? chars[i] : null);
  const top = () => stack[stack.length - 1];
  const push = (token) => top().push(token);

  const parseStar = () => {
    const before = prev;
    if (peek() !== '*') {
      push({ t: 'star' });
      return;
    }
    bump();
    if (top().length === 0) {
      if (!(peek() === null || isSeparator(peek()))) {
        push({ t: 'star' });
        push({ t: 'star' });
        return;
      }
      push({ t: 'rprefix' });
      bump();
      return;
    }
    if (!(before !== null && isSeparator(before))) {
      if (stack.length <= 1 || (before !== ',' && before !== '{')) {
        push({ t: 'star' });
        push({ t: 'star' });
        return;
      }
    }
    let isSuffix;
    const next = peek();
    if (next === null) {
      bump();
      isSuffix = true;
    } else if ((next === ',' || next === '}') && stack.length >= 2) {
      isSuffix = true;
    } else if (isSeparator(next)) {
      bump();
      isSuffix = false;
    } else {
      push({ t: 'star' });
      push({ t: 'star' });
      return;
    }
    const last = top().pop();
    if (last && (last.t === 'rprefix' || last.t === 'rsuffix')) {
      push(last);
    } else {
      push({ t: isSuffix ? 'rsuffix' : 'rzom' });
    }
  };

  const parseClass = () => {
    const ranges = [];
    let negated = false;
    if (peek() === '!' || peek() === '^') {
      bump();
      negated = true;
    }
    let first = true;
    let inRange = false;
    const extend = (c) => {
      const range = ranges[ranges.length - 1];
      range[1] = c;
      if (range[1] < range[0]) {
        throw new GlobError(`invalid range; '${range[0]}' > '${range[1]}'`);
      }
    };
    for (;;) {
      const c = bump();
      if (c === null) throw new GlobError("unclosed character class; missing ']'");
      if (c === ']') {
        if (first) ranges.push([']', ']']);
        else break;
      } else if (c === '-') {
        if (first) ranges.push(['-', '-']);
        else if (inRange) {
          extend('-');
          inRange = false;
        } else inRange = true;
      } else {
        if (inRange) extend(c);
        else ranges.push([c, c]);
        inRange = false;
      }
      first = false;
    }
    if (inRange) ranges.push(['-', '-']);
    push({ t: 'class', negated, ranges });
  };

  for (let c = bump(); c !== null; c = bump()) {
    switch (c) {
      case '?':
        push({ t: 'any' });
        break;
      case '*':
        parseStar();
        break;
      case '[':
        parseClass();
        break;
      case '{':
        if (stack.length > 1) throw new GlobError('nested alternate groups are not allowed');
        stack.push([]);
        break;
      case '}': {
        if (stack.length < 2) {
          throw new GlobError("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
        }
        const alternates = [];
        while (stack.length >= 2) alternates.push(stack.pop());
        push({ t: 'alt', alternates });
        break;
      }
      case ',':
        if (stack.length <= 1) push({ t: 'lit', c });
        else stack.push([]);
        break;
      case '\\': {
        const escaped = bump();
        if (escaped === null) throw new GlobError("dangling '\\'");
        push({ t: 'lit', c: escaped });
        break;
      }
      default:
        push({ t: 'lit', c });
    }
  }
  if (stack.length > 1) {
    throw new GlobError("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
  }
  return stack[0];
}

function tokensToRegex(tokens) {
  let re = '';
  for (const token of tokens) {
    switch (token.t) {
      case 'lit':
        re += escapeLiteral(token.c);
        break;
      case 'any':
        re += '[^/]';
        break;
      case 'star':
        re += '[^/]*';
        break;
      case 'rprefix':
        re += `(?:/?|${DOT}*/)`;
        break;
      case 'rsuffix':
        re += `/${DOT}*`;
        break;
      case 'rzom':
        re += `(?:/|/${DOT}*/)`;
        break;
      case 'class': {
        re += token.negated ? '[^' : '[';
        for (const [a, b] of token.ranges) {
          re += a === b ? escapeLiteral(a) : `${escapeLiteral(a)}-${escapeLiteral(b)}`;
        }
        re += ']';
        break;
      }
      case 'alt': {
        const parts = token.alternates.map(tokensToRegex).filter((p) => p !== '');
        if (parts.length > 0) re += `(?:${parts.join('|')})`;
        break;
      }
      default:
        throw new Error(`unknown glob token ${token.t}`);
    }
  }
  return re;
}

/** The RegExp globset builds for `glob` (with `literal_separator`). Throws GlobError. */
export function globToRegExp(glob) {
  const tokens = parse(glob);
  if (tokens.length === 1 && tokens[0].t === 'rprefix') return new RegExp(`^${DOT}*$`);
  return new RegExp(`^${tokensToRegex(tokens)}$`);
}

/** A set of globs: `isMatch(path)` when any matches (`path` with `/` separators). */
export function globSet(globs) {
  const regexes = globs.map(globToRegExp);
  return {
    isMatch: (path) => regexes.some((re) => re.test(path)),
    /** Indexes of every glob that matches. */
    matches: (path) => regexes.flatMap((re, index) => (re.test(path) ? [index] : [])),
  };
}
