// Glob patterns for file names (`**/*task-def*.json`), as the settings and ecslint.toml's
// `[files]` write them: `**` any number of folders, `*` and `?` within one path segment,
// `{a,b}` alternatives, `[abc]` classes. A pattern without a `/` matches the file's base name
// (as VS Code's `jsonValidation.fileMatch` and .gitignore do); one with a `/` matches the
// path relative to the workspace folder. Case-insensitive: `TaskDef.json` is a task definition
// on every operating system.

const cache = new Map();

/** The RegExp of one glob pattern. */
export function globToRegExp(pattern) {
  let cached = cache.get(pattern);
  if (cached) return cached;
  let source = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        i += 1;
        if (atSegmentStart && slashAfter) {
          source += '(?:[^/]*/)*'; // `**/`: zero or more folders
          i += 1;
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      depth += 1;
      source += '(?:';
    } else if (c === '}' && depth > 0) {
      depth -= 1;
      source += ')';
    } else if (c === ',' && depth > 0) {
      source += '|';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        let body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body}]`;
        i = close;
      }
    } else {
      source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  cached = new RegExp(`^${source}$`, 'i');
  cache.set(pattern, cached);
  return cached;
}

/**
 * Whether `relativePath` (forward slashes, relative to the workspace folder) matches
 * `pattern`: the base name for a pattern without `/`, else the whole path.
 */
export function matchGlob(pattern, relativePath) {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '');
  const p = pattern.replace(/^\.?\//, '');
  if (!p.includes('/')) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return globToRegExp(p).test(base);
  }
  return globToRegExp(p).test(path);
}

/** Whether any of `patterns` matches. */
export function matchAny(patterns, relativePath) {
  return patterns.some((p) => matchGlob(p, relativePath));
}
