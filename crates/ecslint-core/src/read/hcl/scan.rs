//! The parser's state and its lexical helpers: whitespace, comments and newlines (which end
//! an attribute in a body but not inside brackets), identifiers, problems, and recovery.

use crate::json::SyntaxProblem;
use crate::text::TextRange;

use super::tree::Ident;
use super::{INVALID_HCL, MAX_DEPTH};

/// The parse of the current item cannot go on; the reason is already in `problems`.
pub(super) struct Stop;

pub(super) type PResult<T> = Result<T, Stop>;

pub(super) struct Parser<'s> {
    pub(super) text: &'s str,
    pub(super) bytes: &'s [u8],
    pub(super) pos: usize,
    pub(super) depth: usize,
    /// Whether newlines are whitespace here (inside parentheses, brackets, interpolations)
    /// or end the item (in a body, in an object).
    pub(super) newlines: bool,
    /// Brackets opened and not yet closed by the expression being read: recovery skips past
    /// their closing ones.
    pub(super) open: usize,
    pub(super) problems: Vec<SyntaxProblem>,
}

impl<'s> Parser<'s> {
    pub(super) fn new(text: &'s str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            newlines: true,
            open: 0,
            problems: Vec::new(),
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    pub(super) fn at(&self, s: &str) -> bool {
        self.bytes[self.pos.min(self.bytes.len())..].starts_with(s.as_bytes())
    }

    pub(super) fn eof(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The character at the position (for messages).
    pub(super) fn current_char(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// The range of the character at the position (empty at the end).
    pub(super) fn current_range(&self) -> TextRange {
        let len = self.current_char().map_or(0, char::len_utf8);
        TextRange::new(self.pos, self.pos + len)
    }

    pub(super) fn problem(&mut self, range: TextRange, message: impl Into<String>) {
        self.problems.push(SyntaxProblem {
            rule: INVALID_HCL,
            message: message.into(),
            help: None,
            range,
            fix: None,
            related: None,
        });
    }

    pub(super) fn problem_with(
        &mut self,
        range: TextRange,
        message: impl Into<String>,
        help: Option<&str>,
        related: Option<(TextRange, &str)>,
    ) {
        self.problems.push(SyntaxProblem {
            rule: INVALID_HCL,
            message: message.into(),
            help: help.map(str::to_owned),
            range,
            fix: None,
            related: related.map(|(r, m)| (r, m.to_owned())),
        });
    }

    /// Reports what was found where `expected` was, and stops.
    pub(super) fn expected<T>(&mut self, expected: &str) -> PResult<T> {
        let (range, found) = self.found();
        let help = match self.peek() {
            Some(b'\'') => Some("HCL strings use double quotes: \"…\""),
            _ => None,
        };
        self.problem_with(
            range,
            format!("expected {expected}, found {found}"),
            help,
            None,
        );
        Err(Stop)
    }

    /// What is at the position, for a message: the token's range and a description.
    pub(super) fn found(&self) -> (TextRange, String) {
        match self.current_char() {
            None => (TextRange::empty(self.pos), "the end of the file".to_owned()),
            Some('\n') | Some('\r') => (self.current_range(), "the end of the line".to_owned()),
            Some(c) if is_ident_start(c) => {
                let end = self.ident_end(self.pos);
                (
                    TextRange::new(self.pos, end),
                    format!("`{}`", &self.text[self.pos..end]),
                )
            }
            Some(c) => (self.current_range(), format!("`{c}`")),
        }
    }

    /// Enters one level of nesting; refuses past [`MAX_DEPTH`].
    pub(super) fn enter(&mut self) -> PResult<()> {
        if self.depth >= MAX_DEPTH {
            self.problem(
                self.current_range(),
                format!("nested more than {MAX_DEPTH} levels deep: ecslint stops reading here"),
            );
            return Err(Stop);
        }
        self.depth += 1;
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Skips spaces, tabs, comments, and newlines where they are whitespace.
    pub(super) fn ws(&mut self) {
        if self.newlines {
            self.skip_all();
        } else {
            self.skip_inline();
        }
    }

    /// Skips spaces, tabs, `/* */` comments, and a line comment up to (not including) its
    /// newline.
    pub(super) fn skip_inline(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' => self.pos += 1,
                b'\r' if self.peek_at(1) != Some(b'\n') => self.pos += 1,
                b'#' => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'/') => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'*') => self.skip_block_comment(),
                _ => return,
            }
        }
    }

    /// Skips whitespace, comments and newlines.
    pub(super) fn skip_all(&mut self) {
        loop {
            self.skip_inline();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if self.peek_at(1) == Some(b'\n') => self.pos += 2,
                _ => return,
            }
        }
    }

    fn skip_line_comment(&mut self) {
        while let Some(b) = self.peek() {
            if b == b'\n' || (b == b'\r' && self.peek_at(1) == Some(b'\n')) {
                return;
            }
            self.pos += 1;
        }
    }

    fn skip_block_comment(&mut self) {
        let start = self.pos;
        match self.text[self.pos + 2..].find("*/") {
            Some(i) => self.pos += 2 + i + 2,
            None => {
                self.pos = self.bytes.len();
                self.problem(
                    TextRange::new(start, start + 2),
                    "unterminated comment: `/*` has no closing `*/`",
                );
            }
        }
    }

    /// At a newline (or the end of the file): consumes the newline.
    pub(super) fn newline(&mut self) -> bool {
        match self.peek() {
            None => true,
            Some(b'\n') => {
                self.pos += 1;
                true
            }
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => {
                self.pos += 2;
                true
            }
            _ => false,
        }
    }

    pub(super) fn at_ident_start(&self) -> bool {
        self.current_char().is_some_and(is_ident_start)
    }

    /// The end of the identifier starting at `start`.
    pub(super) fn ident_end(&self, start: usize) -> usize {
        let mut end = start;
        for (i, c) in self.text[start..].char_indices() {
            let ok = if i == 0 {
                is_ident_start(c)
            } else {
                is_ident_continue(c)
            };
            if !ok {
                break;
            }
            end = start + i + c.len_utf8();
        }
        end
    }

    /// Reads an identifier (the caller checked [`Parser::at_ident_start`]).
    pub(super) fn ident(&mut self) -> Ident<'s> {
        let start = self.pos;
        self.pos = self.ident_end(start);
        Ident {
            name: &self.text[start..self.pos],
            span: TextRange::new(start, self.pos),
        }
    }

    /// Whether the keyword `word` is at the position (and not the start of a longer name).
    pub(super) fn at_keyword(&self, word: &str) -> bool {
        self.at(word) && self.ident_end(self.pos) == self.pos + word.len()
    }

    /// Skips what is left of a broken item: to the end of its line, past the closing
    /// brackets it left open, quoted strings and heredocs included. Stops early at a line
    /// that starts no further right than the item did with a name or `}` (a missing closing
    /// bracket then does not swallow what follows; a `}` further left than the item closes
    /// its block), and before a `}` that closes the enclosing block.
    pub(super) fn recover(&mut self, item_start: usize) {
        let mut depth = self.open as isize;
        self.open = 0;
        let item_column = item_start - self.line_start(item_start);
        // The problem is at the start of a later line that looks like the next item (an
        // unclosed bracket read on into it): resume there.
        let line_start = self.line_start(self.pos);
        if line_start > item_start
            && self.bytes[line_start..self.pos]
                .iter()
                .all(|b| matches!(b, b' ' | b'\t'))
            && self.pos - line_start <= item_column
            && self.at_ident_start()
        {
            return;
        }
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.pos += 1;
                    if depth <= 0 {
                        return;
                    }
                    let mut p = self.pos;
                    while matches!(self.bytes.get(p), Some(b' ' | b'\t')) {
                        p += 1;
                    }
                    let indent = p - self.pos;
                    let first = self.text[p..].chars().next();
                    if first.is_some_and(|c| {
                        (is_ident_start(c) && indent <= item_column)
                            || (c == '}' && indent < item_column)
                    }) {
                        return;
                    }
                }
                b'"' => self.skip_quoted(),
                b'#' => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'/') => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'*') => {
                    let problems = self.problems.len();
                    self.skip_block_comment();
                    self.problems.truncate(problems);
                }
                b'<' if self.peek_at(1) == Some(b'<') => self.skip_heredoc(),
                b'{' | b'[' | b'(' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' | b')' => {
                    if depth <= 0 && b == b'}' {
                        return;
                    }
                    depth -= 1;
                    self.pos += 1;
                }
                _ => self.pos += self.current_char().map_or(1, char::len_utf8),
            }
        }
    }

    fn line_start(&self, at: usize) -> usize {
        let at = at.min(self.bytes.len());
        self.bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    }

    /// Skips a quoted string to its closing quote or the end of its line (recovery only).
    fn skip_quoted(&mut self) {
        self.pos += 1;
        let mut nested = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' if nested == 0 => {
                    self.pos += 1;
                    return;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b'{') => {
                    nested += 1;
                    self.pos += 2;
                }
                b'}' if nested > 0 => {
                    nested -= 1;
                    self.pos += 1;
                }
                b'\n' => return,
                _ => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.bytes.len());
        while !self.text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
    }

    /// Skips a heredoc to its closing marker's line (recovery only).
    fn skip_heredoc(&mut self) {
        self.pos += 2;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if !self.at_ident_start() {
            return;
        }
        let marker = self.ident();
        if !self.newline() {
            return;
        }
        while !self.eof() {
            let line_end = self.text[self.pos..]
                .find('\n')
                .map_or(self.bytes.len(), |i| self.pos + i);
            let line = self.text[self.pos..line_end].trim_end_matches('\r');
            if line.trim_start_matches([' ', '\t']) == marker.name {
                self.pos = line_end;
                return;
            }
            self.pos = (line_end + 1).min(self.bytes.len());
        }
    }
}

pub(super) fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic())
}

pub(super) fn is_ident_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
}
