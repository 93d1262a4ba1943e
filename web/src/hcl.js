// Terraform (HCL native syntax) highlighting for the playground: a small CodeMirror 6 stream
// parser (no grammar package: @codemirror/legacy-modes has no HCL). Comments, strings with
// `${…}` interpolations, heredocs, numbers, booleans and null, block types and labels, and
// argument names.

import { StreamLanguage } from '@codemirror/language';

const KEYWORDS = new Set([
  'resource', 'data', 'variable', 'locals', 'module', 'output', 'provider', 'terraform',
  'dynamic', 'content', 'for', 'in', 'if', 'for_each', 'count',
]);

const hclParser = {
  name: 'hcl',
  startState: () => ({ heredoc: null, inString: false, interpolating: false, depth: 0 }),
  token(stream, state) {
    if (state.heredoc) {
      if (stream.sol() && stream.match(new RegExp(`^\\s*${state.heredoc}\\s*$`))) {
        state.heredoc = null;
        return 'keyword';
      }
      stream.skipToEnd();
      return 'string';
    }
    if (state.inString) {
      while (!stream.eol()) {
        if (stream.match('${', false)) {
          if (stream.current().length > 0) return 'string';
          stream.match('${');
          state.depth = 1;
          state.inString = false;
          state.interpolating = true;
          return 'meta';
        }
        const ch = stream.next();
        if (ch === '\\') stream.next();
        else if (ch === '"') {
          state.inString = false;
          return 'string';
        }
      }
      return 'string';
    }
    if (stream.eatSpace()) return null;
    if (state.interpolating && stream.peek() === '}') {
      state.depth -= 1;
      if (state.depth === 0) {
        stream.next();
        state.interpolating = false;
        state.inString = true;
        return 'meta';
      }
    }
    if (stream.match('#') || stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      while (!stream.eol() && !stream.match('*/')) stream.next();
      return 'comment';
    }
    const heredoc = stream.match(/^<<-?([A-Za-z_][\w-]*)/);
    if (heredoc) {
      state.heredoc = heredoc[1];
      return 'keyword';
    }
    if (stream.peek() === '"') {
      stream.next();
      state.inString = true;
      return 'string';
    }
    if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^(true|false|null)\b/)) return 'atom';
    const word = stream.match(/^[A-Za-z_][\w-]*/);
    if (word) {
      if (KEYWORDS.has(word[0])) return 'keyword';
      if (stream.match(/^\s*=(?!=)/, false)) return 'propertyName';
      if (stream.match(/^\s*[{"]/, false)) return 'typeName';
      return 'variableName';
    }
    const ch = stream.next();
    if (state.interpolating && ch === '{') state.depth += 1;
    return /[[\]{}(),]/.test(ch) ? 'bracket' : 'operator';
  },
};

/** The language support for `.tf` files. */
export function hcl() {
  return StreamLanguage.define(hclParser);
}
