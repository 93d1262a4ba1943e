// Quick fixes as text edits in editor positions: one code action per fixable diagnostic
// (the report's `fix`, its byte ranges converted to UTF-16 positions), and "fix all", the
// package's `fix()` turned into one minimal edit so the cursor and the undo stack stay sane.

import { TextIndex } from './positions.js';
import { rangesTouch } from './diagnostics.js';

/**
 * The quick fixes of the diagnostics whose range touches `range` (all of them without one).
 *
 * @param {string} text the text that was linted
 * @param {import('ecslint').FileReport} fileReport
 * @param {import('./diagnostics.js').EditorRange} [range]
 * @returns {{ title: string, rule: string, safe: boolean, diagnostic: import('ecslint').ReportDiagnostic,
 *   diagnosticRange: import('./diagnostics.js').EditorRange,
 *   edits: { range: import('./diagnostics.js').EditorRange, newText: string }[] }[]}
 */
export function quickFixes(text, fileReport, range) {
  const index = new TextIndex(text);
  const out = [];
  for (const d of fileReport.diagnostics) {
    if (!d.fix || d.fix.edits.length === 0) continue;
    const diagnosticRange = index.range(d.range);
    if (range && !rangesTouch(diagnosticRange, range)) continue;
    const safe = d.fix.applicability === 'safe';
    out.push({
      title: safe ? `Fix: ${d.fix.message}` : `Fix: ${d.fix.message} (unsafe)`,
      rule: d.rule,
      safe,
      diagnostic: d,
      diagnosticRange,
      edits: d.fix.edits.map((e) => ({ range: index.range(e.range), newText: e.newText })),
    });
  }
  return out;
}

/**
 * One edit that turns `before` into `after`: the common prefix and suffix are kept (never
 * splitting a surrogate pair). `null` when they are equal.
 */
export function minimalEdit(before, after) {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end += 1;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  const index = new TextIndex(before);
  return {
    range: {
      start: index.positionAt(start),
      end: index.positionAt(before.length - end),
    },
    newText: after.slice(start, after.length - end),
  };
}

function isHighSurrogate(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c) {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Applies editor edits (non-overlapping) to a text: what VS Code does with a WorkspaceEdit.
 * Used by the tests, and by the workspace command for files that are not open.
 */
export function applyEdits(text, edits) {
  const index = new TextIndex(text);
  const sorted = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
