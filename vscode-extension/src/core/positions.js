// From the report's positions to the editor's. The report gives byte offsets into the
// document's UTF-8 text (and 1-based lines and columns counted in characters); VS Code counts
// positions in UTF-16 code units. Both agree only on ASCII text, so every range is converted
// from its byte offsets: a `é` is 2 bytes and 1 unit, a `日` 3 bytes and 1 unit, a `😀` 4 bytes
// and 2 units. Lines break at `\n`, `\r\n` and a lone `\r`, as in VS Code.

/** Converts between byte offsets, UTF-16 offsets and 0-based line/character positions. */
export class TextIndex {
  /** @param {string} text the text that was linted (a BOM, if any, included) */
  constructor(text) {
    this.text = text;
    // Every non-ASCII character: its UTF-16 start, its byte start, and both lengths. Between
    // two of them the text is ASCII, where one byte is one unit.
    this.wide = [];
    if (/[^\x00-\x7f]/.test(text)) {
      let bytes = 0;
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i);
        const units = cp > 0xffff ? 2 : 1;
        // A lone surrogate is encoded as U+FFFD (3 bytes) by TextEncoder and by the wasm glue.
        const length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp > 0xffff ? 4 : 3;
        if (cp >= 0x80) this.wide.push({ unit: i, byte: bytes, units, bytes: length });
        bytes += length;
        i += units;
      }
      this.byteLength = bytes;
    } else {
      this.byteLength = text.length;
    }
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i += 1;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The UTF-16 offset of a byte offset (clamped to the text; inside a character: its start). */
  unitOffset(byteOffset) {
    const target = Math.max(0, Math.min(byteOffset, this.byteLength));
    const w = lastAtOrBefore(this.wide, 'byte', target);
    if (w === undefined) return target;
    if (target < w.byte + w.bytes) return w.unit;
    return w.unit + w.units + (target - w.byte - w.bytes);
  }

  /** The byte offset of a UTF-16 offset. */
  byteOffset(unitOffset) {
    const target = Math.max(0, Math.min(unitOffset, this.text.length));
    const w = lastAtOrBefore(this.wide, 'unit', target);
    if (w === undefined) return target;
    if (target < w.unit + w.units) return w.byte;
    return w.byte + w.bytes + (target - w.unit - w.units);
  }

  /** The 0-based `{ line, character }` (UTF-16 units) of a UTF-16 offset. */
  positionAt(unitOffset) {
    const offset = Math.max(0, Math.min(unitOffset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  /** The UTF-16 offset of a 0-based `{ line, character }`. */
  offsetAt(position) {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    const start = this.lineStarts[line];
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The editor range (`{ start, end }` of `{ line, character }`) of a report span. */
  range(span) {
    return {
      start: this.positionAt(this.unitOffset(span.start.offset)),
      end: this.positionAt(this.unitOffset(span.end.offset)),
    };
  }
}

/** The last of `items` (sorted by `key`) whose `key` is at most `target`, or undefined. */
function lastAtOrBefore(items, key, target) {
  let lo = 0;
  let hi = items.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid][key] <= target) {
      found = items[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
