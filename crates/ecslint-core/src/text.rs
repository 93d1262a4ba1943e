//! Byte ranges in a document and their translation to 1-based lines and columns.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Self { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A position as editors and humans count it: 1-based line, 1-based column in characters
/// (Unicode scalar values), plus the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// Start offsets of every line, built once per document.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `None` for ASCII text, where a column is a byte count. Otherwise the number of
    /// characters before each block of [`BLOCK`] bytes, so that a column is counted from the
    /// nearest block, not from the start of its line: a line of megabytes with many
    /// diagnostics costs no more than many short lines.
    chars_before_block: Option<Vec<usize>>,
}

/// Bytes per block of [`LineIndex::chars_before_block`].
const BLOCK: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let chars_before_block = (!text.is_ascii()).then(|| {
            let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut count = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                before.push(count);
                count += chars_in(block);
            }
            // For an offset at the end of a text of whole blocks.
            before.push(count);
            before
        });
        Self {
            line_starts,
            chars_before_block,
        }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[line];
        let column = match &self.chars_before_block {
            None => offset - line_start,
            Some(before) if offset - line_start > BLOCK => {
                let chars_before = |at: usize| {
                    let block = at / BLOCK;
                    before[block] + chars_in(&text.as_bytes()[block * BLOCK..at])
                };
                chars_before(offset) - chars_before(line_start)
            }
            Some(_) => chars_in(&text.as_bytes()[line_start..offset]),
        } + 1;
        Position {
            line: line + 1,
            column,
            offset,
        }
    }

    /// The byte range of line `line` (1-based), without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_starts[line - 1];
        let mut end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        TextRange::new(start, end)
    }
}

/// The characters in `bytes` of UTF-8: the bytes that do not continue a character.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"é\": 1\n}";
        let index = LineIndex::new(text);
        let one = text.find('1').unwrap();
        let pos = index.position(text, one);
        assert_eq!((pos.line, pos.column), (2, 8));
    }

    #[test]
    fn columns_on_long_lines_are_counted_as_characters() {
        // Lines longer than a block, with characters of one to four bytes across block
        // boundaries: every character boundary gets the column counted the slow way.
        let line: String = (0..700)
            .map(|i| ['a', 'é', '€', '😀', ' '][i % 5])
            .collect();
        let text = format!("{line}\n{line}\r\nx{line}");
        let index = LineIndex::new(&text);
        let mut line_start = 0;
        let mut line = 1;
        for (offset, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let pos = index.position(&text, offset);
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!((pos.line, pos.column, pos.offset), (line, column, offset));
            if c == '\n' {
                line += 1;
                line_start = offset + 1;
            }
        }
        // The end of a text of whole blocks.
        let text = format!("é{}", "a".repeat(2 * BLOCK - 2));
        let pos = LineIndex::new(&text).position(&text, text.len());
        assert_eq!((pos.line, pos.column), (1, 2 * BLOCK));
        // Inside a character: the position of the character.
        let inside = text.find('é').unwrap() + 1;
        assert_eq!(
            LineIndex::new(&text).position(&text, inside).offset,
            inside - 1
        );
    }

    #[test]
    fn offset_past_end_is_clamped() {
        let text = "ab";
        let pos = LineIndex::new(text).position(text, 99);
        assert_eq!((pos.line, pos.column, pos.offset), (1, 3, 2));
    }
}
