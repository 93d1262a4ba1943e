//! Byte offsets (the core's ranges) and LSP positions (0-based line, character counted in the
//! negotiated encoding: UTF-16 code units unless the client offers UTF-8 or UTF-32).
//!
//! Lines break at `\n`, `\r\n` and a lone `\r`, as the protocol says. Every non-ASCII
//! character is listed once with the units it takes, so that converting an offset is two
//! binary searches however long its line is (a minified document is one line).

use ecslint_core::text::TextRange;
use lsp_types::{Position, PositionEncodingKind, Range};

/// How `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use given the client's `general.positionEncodings` (in its order of
    /// preference): UTF-8 when offered (no conversion at all), else UTF-16, the default.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.is_empty() || offered.contains(&PositionEncodingKind::UTF16) {
            Encoding::Utf16
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// The units a character of `len` UTF-8 bytes takes.
    fn units(self, len: usize) -> usize {
        match self {
            Encoding::Utf8 => len,
            Encoding::Utf16 => {
                if len == 4 {
                    2
                } else {
                    1
                }
            }
            Encoding::Utf32 => 1,
        }
    }
}

/// A non-ASCII character.
#[derive(Debug, Clone, Copy)]
struct Wide {
    /// Its first byte.
    byte: usize,
    /// Its length in bytes (2 to 4).
    len: u8,
    /// Bytes minus UTF-16 units, and minus UTF-32 units, of the wide characters before it.
    extra16: usize,
    extra32: usize,
}

/// Line starts and wide characters of one text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    wide: Vec<Wide>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let (mut extra16, mut extra32) = (0, 0);
            for (byte, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    wide.push(Wide {
                        byte,
                        len: len as u8,
                        extra16,
                        extra32,
                    });
                    extra16 += len - Encoding::Utf16.units(len);
                    extra32 += len - 1;
                }
            }
        }
        LineIndex {
            line_starts,
            wide,
            len: text.len(),
        }
    }

    /// The units before byte `offset` (a character boundary) from the start of the text.
    fn units_before(&self, offset: usize, encoding: Encoding) -> usize {
        if encoding == Encoding::Utf8 || self.wide.is_empty() {
            return offset;
        }
        let n = self.wide.partition_point(|w| w.byte < offset);
        let Some(last) = n.checked_sub(1).map(|i| self.wide[i]) else {
            return offset;
        };
        let len = last.len as usize;
        let extra = match encoding {
            Encoding::Utf16 => last.extra16 + len - Encoding::Utf16.units(len),
            _ => last.extra32 + len - 1,
        };
        offset - extra
    }

    /// The byte offset of the `units`-th unit from the start of the text (inside a
    /// character: its start).
    fn offset_of_units(&self, units: usize, encoding: Encoding) -> usize {
        if encoding == Encoding::Utf8 || self.wide.is_empty() {
            return units;
        }
        let extra = |w: &Wide| match encoding {
            Encoding::Utf16 => w.extra16,
            _ => w.extra32,
        };
        // The last wide character starting at or before `units`.
        let n = self.wide.partition_point(|w| w.byte - extra(w) <= units);
        let Some(w) = n.checked_sub(1).map(|i| self.wide[i]) else {
            return units;
        };
        let start = w.byte - extra(&w);
        let width = encoding.units(w.len as usize);
        if units < start + width {
            w.byte
        } else {
            w.byte + w.len as usize + (units - start - width)
        }
    }

    /// The position of byte `offset` (clamped to the text; inside a character: its start).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        // An offset between `\r` and `\n` is on the line the `\r` ends.
        let character = self.units_before(offset, encoding) - self.units_before(start, encoding);
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, range: TextRange, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, range.start, encoding),
            self.position(text, range.end, encoding),
        )
    }

    /// The byte offset of `position`. A line past the end is the end of the text; a
    /// character past the end of its line is the end of the line (as the protocol says).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let start = self.line_starts[line];
        let end = self.line_end(text, line);
        let units = self.units_before(start, encoding) + position.character as usize;
        let mut offset = self.offset_of_units(units, encoding).clamp(start, end);
        // A UTF-8 position inside a character: the character's start.
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The end of line `line`, without its line break.
    fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.line_starts.get(line + 1) else {
            return self.len;
        };
        let bytes = text.as_bytes();
        let mut end = next;
        if end > 0 && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > self.line_starts[line] && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }
}

/// The byte offset of `position` in `text`, read from the start of the text up to that line
/// only (for applying one edit, where a whole [`LineIndex`] would be built for two lookups):
/// the same answer as [`LineIndex::offset`].
pub fn offset_in(text: &str, position: Position, encoding: Encoding) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 0..position.line {
        match bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
        {
            Some(i) => {
                start += i + 1;
                if bytes[start - 1] == b'\r' && bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
            }
            None => return text.len(),
        }
    }
    let mut units = position.character as usize;
    let mut offset = start;
    for c in text[start..].chars() {
        if c == '\n' || c == '\r' {
            break;
        }
        let width = encoding.units(c.len_utf8());
        if units < width {
            break;
        }
        units -= width;
        offset += c.len_utf8();
        if units == 0 {
            break;
        }
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slow way: the units of every character before `offset` on its line.
    fn reference(text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut line = 0;
        let mut line_start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < offset {
            if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line += 1;
                line_start = i + 1;
            }
            i += 1;
        }
        let character: usize = text[line_start..offset]
            .chars()
            .map(|c| encoding.units(c.len_utf8()))
            .sum();
        Position::new(line, character as u32)
    }

    #[test]
    fn every_boundary_round_trips_in_every_encoding() {
        let text = "{\r\n  \"é\": \"日本😀\",\r  \"a\": 1\n}😀\n\n€";
        let index = LineIndex::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let pos = index.position(text, offset, encoding);
                assert_eq!(
                    pos,
                    reference(text, offset, encoding),
                    "{offset} {encoding:?}"
                );
                // A `\n` ending a `\r\n` has no position of its own.
                if offset > 0
                    && text.as_bytes()[offset - 1] == b'\r'
                    && text.as_bytes()[offset] == b'\n'
                {
                    continue;
                }
                assert_eq!(
                    index.offset(text, pos, encoding),
                    offset,
                    "{offset} {encoding:?}"
                );
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, 5, Encoding::Utf16),
            Position::new(0, 3)
        );
        assert_eq!(index.position(text, 5, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(
            index.position(text, 5, Encoding::Utf32),
            Position::new(0, 2)
        );
        // Between the two halves of the pair: the character's start.
        assert_eq!(index.offset(text, Position::new(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(index.offset(text, Position::new(9, 0), Encoding::Utf16), 6);
        for (line, character) in [(0, 99), (9, 0), (1, 1), (1, 9), (0, 0)] {
            let p = Position::new(line, character);
            assert_eq!(
                offset_in(text, p, Encoding::Utf16),
                index.offset(text, p, Encoding::Utf16)
            );
        }
        assert_eq!(
            index.position(text, 99, Encoding::Utf16),
            Position::new(1, 2)
        );
        // Inside a character (UTF-8, or between surrogates): its start, both ways.
        let text = "a😀b";
        let index = LineIndex::new(text);
        for character in 0..6 {
            let p = Position::new(0, character);
            for e in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                assert_eq!(
                    offset_in(text, p, e),
                    index.offset(text, p, e),
                    "{character} {e:?}"
                );
            }
        }
        assert_eq!(index.offset(text, Position::new(0, 2), Encoding::Utf8), 1);
    }

    #[test]
    fn negotiation_prefers_utf8_and_defaults_to_utf16() {
        use PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[K::UTF16, K::UTF8])),
            Encoding::Utf8
        );
        assert_eq!(Encoding::negotiate(Some(&[K::UTF32])), Encoding::Utf32);
        assert_eq!(Encoding::negotiate(Some(&[K::new("x")])), Encoding::Utf16);
    }
}
