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

/// Whether `v` (finite, positive) lies exactly halfway between `0.DIGITS × 10^point` and the
/// next number of as many digits: `v` = `DIGITS5 × 10^(point - len - 1)`. Only possible with
/// 16 digits or more (fewer are too far apart for both to read back as `v`), and then only
/// below 1 ULP's power of two; checked in integers: `v` = `m × 2^e` with `m` odd is that
/// decimal exactly when `m × 5^r` is `DIGITS5` and `e = -r`, for `r = len + 1 - point`.
fn exact_tie_above(v: f64, digits: &str, point: i32) -> bool {
    if digits.len() < 16 || digits.len() > 17 {
        return false;
    }
    let Ok(d) = digits.parse::<u64>() else {
        return false;
    };
    let r = digits.len() as i32 + 1 - point;
    if r <= 0 {
        return false;
    }
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if m == 0 {
        return false;
    }
    let zeros = m.trailing_zeros() as i32;
    let (m, e) = (m >> zeros, e + zeros);
    if e != -r {
        return false;
    }
    let five_r = (0..r).try_fold(1u128, |acc, _| acc.checked_mul(5));
    five_r.and_then(|f| f.checked_mul(u128::from(m))) == Some(u128::from(d) * 10 + 5)
}

/// `v` as `format!("{v}")` writes it (the shortest digits that read back as `v`, as a plain
/// decimal: `3`, `0.1`, `-0`, `1000000000000000000000`, `0.0000001`, `NaN`, `inf`), from the
/// digits of serde_json's float formatter, which the JSON output carries anyway: the core's
/// own float formatting (Grisu and Dragon4, with their tables) cost the npm package's
/// WebAssembly about 17 KB.
pub fn format_f64(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_owned();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    let negative = v.is_sign_negative();
    // Finite, so a number; its text is `-?D(.D+)?(e-?D+)?` with shortest digits.
    let shortest =
        serde_json::Number::from_f64(v.abs()).map_or_else(String::new, |n| n.to_string());
    let (mantissa, exponent) = match shortest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (shortest.as_str(), 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The value is 0.DIGITS × 10^point.
    let mut digits: String = int.chars().chain(frac.chars()).collect();
    let mut point = int.len() as i32 + exponent;
    let leading = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading);
    point -= leading as i32;
    digits.truncate(digits.trim_end_matches('0').len());
    if exact_tie_above(v.abs(), &digits, point) {
        // `Display` rounds a tie between two shortest candidates up, serde_json's formatter
        // to the even one: take the one above.
        let mut bytes = digits.into_bytes();
        let mut i = bytes.len();
        loop {
            if i == 0 {
                bytes.insert(0, b'1');
                point += 1;
                break;
            }
            i -= 1;
            if bytes[i] == b'9' {
                bytes[i] = b'0';
            } else {
                bytes[i] += 1;
                break;
            }
        }
        digits = String::from_utf8(bytes).unwrap_or_default();
        digits.truncate(digits.trim_end_matches('0').len());
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn format_f64_is_display() {
        let mut samples = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            3.0,
            100.0,
            1e15,
            1e16,
            1e21,
            1e22,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            1e-7,
            1.5e-7,
            123456.789,
            0.30000000000000004,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Random bit patterns, and random decimals as people write them.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        // Ties between two shortest candidates (K.25: K.2 or K.3), which `Display` rounds up.
        for k in [
            1u64 << 50,
            (1 << 50) + 7,
            1_658_206_780_088_562,
            (1 << 51) - 1,
        ] {
            for q in [0.25, 0.75, 0.5, 0.125] {
                samples.push(k as f64 + q);
                samples.push(-(k as f64 + q));
                samples.push((k as f64 + q) * 1e-10);
            }
        }
        for i in 0..40_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push(f64::from_bits(x));
            samples.push((x % 1_000_000) as f64 / 10f64.powi((i % 9) as i32));
            samples.push(((x >> 11) | (1 << 50)) as f64 / [4.0, 8.0, 2.0, 16.0][i % 4]);
        }
        for v in samples {
            assert_eq!(format_f64(v), format!("{v}"), "{:#x}", v.to_bits());
        }
    }
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
