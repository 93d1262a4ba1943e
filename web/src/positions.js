// Converts between the linter's positions and the editor's. ecslint reports byte offsets
// (UTF-8) and 1-based line/column in Unicode characters; CodeMirror counts UTF-16 code units.
// For an ASCII document all three agree, which is the common case and costs nothing.

/**
 * A function from a UTF-8 byte offset of `text` to its UTF-16 index. Offsets inside a
 * multi-byte character map to the character's start; offsets past the end to the length.
 * @param {string} text
 * @returns {(byteOffset: number) => number}
 */
export function byteToIndexMapper(text) {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) {
    return (offset) => Math.max(0, Math.min(offset, text.length));
  }
  // bytes[i]: the byte offset where UTF-16 index i starts (for every index that starts a
  // character), built once per document and searched by bisection.
  const starts = []; // [byteOffset, index] pairs, ascending
  let byte = 0;
  for (let i = 0; i < text.length; i += 1) {
    starts.push(byte, i);
    const code = text.codePointAt(i);
    if (code > 0xffff) {
      byte += 4;
      i += 1;
    } else if (code > 0x7ff) byte += 3;
    else if (code > 0x7f) byte += 2;
    else byte += 1;
  }
  const totalBytes = byte;
  return (offset) => {
    if (offset <= 0) return 0;
    if (offset >= totalBytes) return text.length;
    let lo = 0;
    let hi = starts.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid * 2] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo * 2 + 1];
  };
}

/**
 * Text edits from the linter (byte ranges) as CodeMirror changes (UTF-16 ranges).
 * @param {{ range: { start: { offset: number }, end: { offset: number } }, newText: string }[]} edits
 * @param {(byteOffset: number) => number} toIndex
 */
export function editsToChanges(edits, toIndex) {
  return edits.map((e) => ({
    from: toIndex(e.range.start.offset),
    to: toIndex(e.range.end.offset),
    insert: e.newText,
  }));
}
