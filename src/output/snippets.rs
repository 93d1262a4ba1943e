//! The source miette reads snippets from, for `--format pretty`.
//!
//! miette's own `SourceCode` for a string scans the text from its start for every snippet,
//! and prints whole lines: a large file with many findings costs the square of its size,
//! and a minified file (one line of megabytes) prints megabytes per finding. Here a line
//! index finds the lines, and miette's own reading runs on just those lines, so that the
//! output is the same as with miette's; a line longer than [`LONG_LINE`] bytes is shown
//! clipped to [`CLIP`] bytes either side of the finding.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this (in bytes) are clipped around the finding.
const LONG_LINE: usize = 1024;

/// Bytes of a long line kept before and after the finding.
const CLIP: usize = 60;

/// A document's text (as shown: environment values masked) with its name and line starts.
#[derive(Debug)]
pub struct Snippets {
    name: String,
    text: String,
    /// The offset each line starts at, the first one 0. Line breaks as miette counts them:
    /// `\r\n`, `\n` or a lone `\r`.
    starts: Vec<usize>,
}

impl Snippets {
    pub fn new(name: &str, text: String) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Snippets {
            name: name.to_owned(),
            text,
            starts,
        }
    }

    /// The line (0-based) `offset` is on.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where line `line` ends (before its line break), or the end of the text.
    fn line_end(&self, line: usize) -> usize {
        let bytes = self.text.as_bytes();
        match self.starts.get(line + 1) {
            Some(&next) => {
                let mut end = next - 1;
                if bytes[end] == b'\n' && end > 0 && bytes[end - 1] == b'\r' {
                    end -= 1;
                }
                end
            }
            None => bytes.len(),
        }
    }

    fn contents<'a>(
        &'a self,
        data: (usize, usize),
        line: usize,
        column: usize,
        line_count: usize,
    ) -> Box<dyn SpanContents<'a> + 'a> {
        Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[data.0..data.1],
            (data.0, data.1 - data.0).into(),
            line,
            column,
            line_count,
        ))
    }
}

impl SourceCode for Snippets {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_of(start);
        let last = self.line_of(end.saturating_sub(1).max(start));
        let (line_start, line_end) = (self.starts[first], self.line_end(last));
        let long = |line: usize| self.line_end(line) - self.starts[line] > LONG_LINE;
        if long(first) || long(last) {
            // Only the finding's own lines, clipped: no context lines, which would need the
            // long line whole.
            let text = &self.text;
            let (data_start, data_end) = if context_lines_before == 0 && context_lines_after == 0 {
                (start, end)
            } else {
                let mut from = start.saturating_sub(CLIP).max(line_start);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (end + CLIP).min(line_end).max(end);
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                (from, to)
            };
            return Ok(self.contents(
                (data_start, data_end),
                first,
                data_start - line_start,
                last - first,
            ));
        }
        // miette's own reading on the lines it needs (and a line more either side: an empty
        // span at the window's start would read differently): the same contents as on the
        // whole text, with its lines, offsets and counts shifted back.
        let window_line = first.saturating_sub(context_lines_before + 1);
        let window_start = self.starts[window_line];
        let window_end = self
            .starts
            .get(last + context_lines_after + 2)
            .copied()
            .unwrap_or(self.text.len());
        let window = &self.text.as_bytes()[window_start..window_end];
        let inner = window.read_span(
            &(start - window_start, span.len()).into(),
            context_lines_before,
            context_lines_after,
        )?;
        let data_start = inner.span().offset() + window_start;
        Ok(self.contents(
            (data_start, data_start + inner.span().len()),
            inner.line() + window_line,
            inner.column(),
            inner.line_count() + window_line,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same contents as miette's reading of the whole text.
    #[test]
    fn reads_what_miette_reads() {
        let text = "{\n  \"a\": 1,\r\n  \"b\": [\n    2,\r    3\n  ],\n\n  \"é\": \"x\"\n}\n";
        let snippets = Snippets::new("t.json", text.to_owned());
        for start in 0..text.len() {
            for len in 0..(text.len() - start).min(12) {
                for context in [0, 1, 2] {
                    let span: SourceSpan = (start, len).into();
                    let ours = snippets.read_span(&span, context, context);
                    let theirs = text.as_bytes().read_span(&span, context, context);
                    match (ours, theirs) {
                        (Ok(ours), Ok(theirs)) => {
                            let got = (
                                ours.data(),
                                *ours.span(),
                                ours.line(),
                                ours.column(),
                                ours.line_count(),
                            );
                            let want = (
                                theirs.data(),
                                *theirs.span(),
                                theirs.line(),
                                theirs.column(),
                                theirs.line_count(),
                            );
                            assert_eq!(got, want, "{start}+{len}, context {context}");
                        }
                        (Err(_), Err(_)) => {}
                        (ours, theirs) => panic!(
                            "{start}+{len}, context {context}: {:?} / {:?}",
                            ours.is_ok(),
                            theirs.is_ok()
                        ),
                    }
                }
            }
        }
    }

    #[test]
    fn clips_long_lines_around_the_span() {
        let line = format!("[{}\"é\", 1]", "0, ".repeat(2000));
        let text = format!("{{\n\"x\": {line}\n}}");
        let snippets = Snippets::new("t.json", text.clone());
        let at = text.find('é').unwrap();
        let contents = snippets.read_span(&(at, 2).into(), 1, 1).unwrap();
        assert!(contents.data().len() <= 2 * CLIP + 2 + 3);
        assert_eq!(contents.line(), 1);
        assert!(std::str::from_utf8(contents.data()).unwrap().contains('é'));
        let header = snippets.read_span(&(at, 2).into(), 0, 0).unwrap();
        assert_eq!((header.line(), header.column()), (1, at - 2));
    }
}
