//! Templates: quoted strings (`"…"`, with escapes) and heredocs (`<<EOF`, `<<-EOF`), both
//! made of literal text, `${…}` interpolations and `%{…}` directives. Each literal keeps the
//! range it was read from, so an offset in its value maps back to the file (see
//! [`StringLit::file_offset`]); `~` strip markers and `<<-` indentation move those ranges
//! with the text they remove.

use std::borrow::Cow;

use crate::text::TextRange;

use super::scan::{PResult, Parser, Stop};
use super::tree::{
    Directive, DirectiveKind, Escapes, Expr, ExprKind, Heredoc, Ident, Interpolation, StringLit,
    Template, TemplatePart,
};

/// What ends a template.
#[derive(Clone, Copy)]
enum End<'s> {
    /// The closing quote (opened at the given offset).
    Quote(usize),
    /// A line holding only the marker.
    Marker(&'s str, TextRange),
    /// The end of the text: a template file (`templatefile()`).
    File,
}

impl<'s> Parser<'s> {
    /// A quoted string from its opening quote: [`ExprKind::String`] when it is only literal
    /// text, [`ExprKind::Template`] otherwise.
    pub(super) fn quoted(&mut self) -> PResult<Expr<'s>> {
        let start = self.pos;
        self.pos += 1;
        let saved = self.newlines;
        let mut parts = self.template_parts(End::Quote(start))?;
        self.newlines = saved;
        let span = TextRange::new(start, self.pos);
        let kind = match parts.len() {
            0 => ExprKind::String(StringLit {
                value: Cow::Borrowed(""),
                raw: TextRange::empty(start + 1),
                raw_text: "",
                escapes: Escapes::Quoted,
            }),
            1 if matches!(parts[0], TemplatePart::Literal(_)) => match parts.pop() {
                Some(TemplatePart::Literal(l)) => ExprKind::String(l),
                _ => unreachable!("checked above"),
            },
            _ => ExprKind::Template(Template { parts }),
        };
        Ok(Expr { kind, span })
    }

    /// A heredoc from its `<<`.
    pub(super) fn heredoc(&mut self) -> PResult<Expr<'s>> {
        let start = self.pos;
        self.pos += 2;
        let flush = self.peek() == Some(b'-');
        if flush {
            self.pos += 1;
        }
        if !self.at_ident_start() {
            return self.expected("a delimiter word after `<<` (a heredoc such as `<<EOF`)");
        }
        let marker: Ident<'s> = self.ident();
        if !(self.at("\n") || self.at("\r\n")) {
            return self.expected(&format!(
                "a newline after `<<{}{}` (the heredoc starts on the next line)",
                if flush { "-" } else { "" },
                marker.name
            ));
        }
        self.newline();
        let body_start = self.pos;
        let saved = self.newlines;
        let mut parts = self.template_parts(End::Marker(marker.name, marker.span))?;
        self.newlines = saved;
        // template_parts stops at the start of the closing line.
        let body = TextRange::new(body_start, self.pos);
        // The closing line: optional indentation, the marker, optional trailing blanks.
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        self.pos += marker.name.len();
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        if flush {
            flush_indentation(&mut parts);
        }
        merge_literals(self.text, &mut parts);
        Ok(Expr {
            span: TextRange::new(start, self.pos),
            kind: ExprKind::Heredoc(Box::new(Heredoc {
                marker,
                flush,
                body,
                template: Template { parts },
            })),
        })
    }

    /// The parts up to the template's end (consumed for a quote; for a heredoc, the position
    /// is left at the start of the closing marker's line).
    fn template_parts(&mut self, end: End<'s>) -> PResult<Vec<TemplatePart<'s>>> {
        let escapes = match end {
            End::Quote(_) => Escapes::Quoted,
            End::Marker(..) | End::File => Escapes::Heredoc,
        };
        let mut parts: Vec<TemplatePart<'s>> = Vec::new();
        // Directives opened and not yet closed: (is a `for`, where, an `else` seen).
        let mut open: Vec<(bool, TextRange, bool)> = Vec::new();
        let mut line_start = true;
        loop {
            if matches!(end, End::File) && self.eof() {
                break;
            }
            if line_start {
                if let End::Marker(marker, _) = end {
                    if self.at_closing_marker(marker) {
                        break;
                    }
                }
            }
            if let End::Marker(marker, span) = end {
                if self.eof() {
                    self.problem_with(
                        span,
                        format!("unterminated heredoc: no line `{marker}` (followed by a newline) closes it"),
                        None,
                        None,
                    );
                    return Err(Stop);
                }
            }
            let literal = self.literal(end, escapes)?;
            line_start = literal.value.ends_with('\n');
            if !literal.value.is_empty() || !literal.raw.is_empty() {
                parts.push(TemplatePart::Literal(literal));
            }
            match self.peek() {
                Some(b'"') if matches!(end, End::Quote(_)) => {
                    self.pos += 1;
                    break;
                }
                // A literal also ends at a heredoc's newline: a `$` or `%` that starts the next
                // line opens a template sequence only before `{` (`$HOME` and `$${` are text).
                Some(b'$') if self.peek_at(1) == Some(b'{') => {
                    let part = self.interpolation()?;
                    parts.push(part);
                }
                Some(b'%') if self.peek_at(1) == Some(b'{') => {
                    let part = self.directive(&mut open)?;
                    parts.push(part);
                }
                _ => {
                    if let End::Quote(quote) = end {
                        let found = if self.eof() {
                            "the end of the file"
                        } else {
                            "the end of the line"
                        };
                        self.problem_with(
                            TextRange::empty(self.pos),
                            format!("expected `\"` to close the string, found {found}"),
                            Some("a quoted string ends on its line: write a newline as \\n, or use a heredoc (<<EOT)"),
                            Some((TextRange::new(quote, quote + 1), "the string opens here")),
                        );
                        return Err(Stop);
                    }
                }
            }
        }
        if let Some(&(is_for, span, _)) = open.last() {
            let (opened, closer) = if is_for {
                ("%{for}", "%{endfor}")
            } else {
                ("%{if}", "%{endif}")
            };
            self.problem(
                span,
                format!("`{opened}` has no `{closer}` before the end of the template"),
            );
            return Err(Stop);
        }
        strip_markers(&mut parts);
        Ok(parts)
    }

    /// A heredoc's closing line at the position: blanks, the marker, blanks, a newline.
    fn at_closing_marker(&self, marker: &str) -> bool {
        let mut p = self.pos;
        while matches!(self.bytes.get(p), Some(b' ' | b'\t')) {
            p += 1;
        }
        if !self.bytes[p..].starts_with(marker.as_bytes()) {
            return false;
        }
        p += marker.len();
        while matches!(self.bytes.get(p), Some(b' ' | b'\t')) {
            p += 1;
        }
        matches!(self.bytes.get(p), Some(b'\n'))
            || (self.bytes.get(p) == Some(&b'\r') && self.bytes.get(p + 1) == Some(&b'\n'))
    }

    /// Literal text up to an interpolation, a directive, the closing quote, the end of the
    /// line (a heredoc line keeps its newline) or of the file.
    fn literal(&mut self, end: End<'s>, escapes: Escapes) -> PResult<StringLit<'s>> {
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut segment = start;
        while let Some(b) = self.peek() {
            match b {
                b'"' if matches!(end, End::Quote(_)) => break,
                b'\n' | b'\r' if matches!(end, End::Quote(_)) => break,
                b'\n' => {
                    self.pos += 1;
                    break;
                }
                b'\\' if escapes == Escapes::Quoted => {
                    let decoded = self.escape()?;
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[segment..self.pos - decoded.1]);
                    out.push(decoded.0);
                    segment = self.pos;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b) && self.peek_at(2) == Some(b'{') => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[segment..self.pos]);
                    out.push(b as char);
                    out.push('{');
                    self.pos += 3;
                    segment = self.pos;
                }
                b'$' | b'%' if self.peek_at(1) == Some(b'{') => break,
                _ => self.pos += self.current_char().map_or(1, char::len_utf8),
            }
        }
        let raw_text = &self.text[start..self.pos];
        let value = match owned {
            None => Cow::Borrowed(raw_text),
            Some(mut out) => {
                out.push_str(&self.text[segment..self.pos]);
                Cow::Owned(out)
            }
        };
        Ok(StringLit {
            value,
            raw: TextRange::new(start, self.pos),
            raw_text,
            escapes,
        })
    }

    /// A backslash escape of a quoted string: the character and the escape's length.
    fn escape(&mut self) -> PResult<(char, usize)> {
        let start = self.pos;
        let (c, len) = match self.peek_at(1) {
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(u @ (b'u' | b'U')) => {
                let width = if u == b'u' { 4 } else { 8 };
                let digits = self.text.get(start + 2..start + 2 + width).unwrap_or("");
                let c = (digits.len() == width && digits.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| u32::from_str_radix(digits, 16).ok())
                    .flatten()
                    .and_then(char::from_u32);
                match c {
                    Some(c) => (c, 2 + width),
                    None => {
                        let shown = if u == b'u' { "\\uNNNN" } else { "\\UNNNNNNNN" };
                        self.problem(
                            TextRange::new(start, (start + 2 + digits.len()).min(self.bytes.len())),
                            format!("invalid escape: `{shown}` needs {width} hexadecimal digits naming a Unicode character"),
                        );
                        return Err(Stop);
                    }
                }
            }
            _ => {
                let end = self.text[start + 1..]
                    .chars()
                    .next()
                    .map_or(start + 1, |c| start + 1 + c.len_utf8());
                self.problem_with(
                    TextRange::new(start, end),
                    format!("invalid escape sequence `{}`", &self.text[start..end]),
                    Some("a quoted string knows \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; write a backslash as \\\\"),
                    None,
                );
                return Err(Stop);
            }
        };
        self.pos += len;
        Ok((c, len))
    }

    /// A whole text read as a template, as `templatefile()` reads its file.
    pub(super) fn template_file(&mut self) -> PResult<Template<'s>> {
        let mut parts = self.template_parts(End::File)?;
        merge_literals(self.text, &mut parts);
        Ok(Template { parts })
    }

    /// `${expr}` with optional `~` strip markers.
    fn interpolation(&mut self) -> PResult<TemplatePart<'s>> {
        let start = self.pos;
        self.pos += 2;
        let strip_before = self.strip_open();
        let saved = self.newlines;
        self.newlines = true;
        self.open += 1;
        self.ws();
        let expr = self.expr()?;
        self.ws();
        let strip_after = self.strip_close();
        if self.peek() != Some(b'}') {
            return self.expected("`}` to close the interpolation `${`");
        }
        self.pos += 1;
        self.open -= 1;
        self.newlines = saved;
        Ok(TemplatePart::Interpolation(Interpolation {
            expr,
            span: TextRange::new(start, self.pos),
            strip_before,
            strip_after,
        }))
    }

    fn strip_open(&mut self) -> bool {
        let strip = self.peek() == Some(b'~');
        if strip {
            self.pos += 1;
        }
        strip
    }

    fn strip_close(&mut self) -> bool {
        let strip = self.peek() == Some(b'~') && self.peek_at(1) == Some(b'}');
        if strip {
            self.pos += 1;
        }
        strip
    }

    /// `%{if c}`, `%{else}`, `%{endif}`, `%{for k, v in c}`, `%{endfor}`.
    fn directive(&mut self, open: &mut Vec<(bool, TextRange, bool)>) -> PResult<TemplatePart<'s>> {
        let start = self.pos;
        self.pos += 2;
        let strip_before = self.strip_open();
        let saved = self.newlines;
        self.newlines = true;
        self.open += 1;
        self.ws();
        let word = if self.at_ident_start() {
            self.ident().name
        } else {
            ""
        };
        self.ws();
        let kind = match word {
            "if" => DirectiveKind::If(self.expr()?),
            "else" => DirectiveKind::Else,
            "endif" => DirectiveKind::EndIf,
            "endfor" => DirectiveKind::EndFor,
            "for" => {
                if !self.at_ident_start() {
                    return self.expected("a name after `%{for`");
                }
                let first = self.ident();
                self.ws();
                let (key, value) = if self.peek() == Some(b',') {
                    self.pos += 1;
                    self.ws();
                    if !self.at_ident_start() {
                        return self.expected("a second name after `%{for name,`");
                    }
                    let second = self.ident();
                    self.ws();
                    (Some(first), second)
                } else {
                    (None, first)
                };
                if !self.at_keyword("in") {
                    return self.expected("`in` after the names of `%{for`");
                }
                self.pos += 2;
                self.ws();
                DirectiveKind::For {
                    key,
                    value,
                    collection: self.expr()?,
                }
            }
            _ => {
                self.pos = start + 2 + usize::from(strip_before);
                self.ws();
                return self.expected("`if`, `else`, `endif`, `for` or `endfor` after `%{`");
            }
        };
        self.ws();
        let strip_after = self.strip_close();
        if self.peek() != Some(b'}') {
            return self.expected("`}` to close the directive `%{`");
        }
        self.pos += 1;
        self.open -= 1;
        self.newlines = saved;
        let span = TextRange::new(start, self.pos);
        let mismatch = match (&kind, open.last_mut()) {
            (DirectiveKind::If(_), _) => {
                open.push((false, span, false));
                None
            }
            (DirectiveKind::For { .. }, _) => {
                open.push((true, span, false));
                None
            }
            (DirectiveKind::Else, Some((false, _, seen))) if !*seen => {
                *seen = true;
                None
            }
            (DirectiveKind::Else, _) => Some("`%{else}` outside an `%{if}` (or a second one)"),
            (DirectiveKind::EndIf, Some((false, ..)))
            | (DirectiveKind::EndFor, Some((true, ..))) => {
                open.pop();
                None
            }
            (DirectiveKind::EndIf, _) => Some("`%{endif}` without its `%{if}`"),
            (DirectiveKind::EndFor, _) => Some("`%{endfor}` without its `%{for}`"),
        };
        if let Some(message) = mismatch {
            self.problem(span, message);
            return Err(Stop);
        }
        Ok(TemplatePart::Directive(Directive {
            kind,
            span,
            strip_before,
            strip_after,
        }))
    }
}

/// HCL's whitespace (Go's `unicode.IsSpace`).
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Applies `~` strip markers: the whitespace before `${~` and after `~}` goes.
fn strip_markers(parts: &mut [TemplatePart<'_>]) {
    for i in 0..parts.len() {
        let (before, after) = match &parts[i] {
            TemplatePart::Interpolation(p) => (p.strip_before, p.strip_after),
            TemplatePart::Directive(d) => (d.strip_before, d.strip_after),
            TemplatePart::Literal(_) => continue,
        };
        if before && i > 0 {
            if let TemplatePart::Literal(l) = &mut parts[i - 1] {
                let keep = l.value.trim_end_matches(is_space).len();
                cut(l, 0, keep);
            }
        }
        if after {
            if let Some(TemplatePart::Literal(l)) = parts.get_mut(i + 1) {
                let from = l.value.len() - l.value.trim_start_matches(is_space).len();
                let len = l.value.len();
                cut(l, from, len);
            }
        }
    }
}

/// Keeps bytes `from..to` of a literal's value, moving its raw range with them.
fn cut(l: &mut StringLit<'_>, from: usize, to: usize) {
    if from == 0 && to == l.value.len() {
        return;
    }
    let raw_start = l.file_offset(from) - l.raw.start;
    let raw_end = if to == l.value.len() {
        l.raw.len()
    } else {
        l.file_offset(to) - l.raw.start
    };
    l.value = match &l.value {
        Cow::Borrowed(s) => Cow::Borrowed(&s[from..to]),
        Cow::Owned(s) => Cow::Owned(s[from..to].to_owned()),
    };
    l.raw_text = &l.raw_text[raw_start..raw_end];
    l.raw = TextRange::new(l.raw.start + raw_start, l.raw.start + raw_end);
    // A borrowed value equals its raw text; an owned one may have become equal too.
    if let Cow::Owned(s) = &l.value {
        if s.as_str() == l.raw_text {
            l.value = Cow::Borrowed(l.raw_text);
        }
    }
}

/// `<<-`: removes the smallest indentation of the lines from each line, as HCL does: a line
/// that starts with an interpolation or directive has none; a line of only whitespace
/// neither counts nor is trimmed.
fn flush_indentation(parts: &mut [TemplatePart<'_>]) {
    let mut min = usize::MAX;
    let mut adjust = Vec::new();
    let mut line_start = true;
    for (i, part) in parts.iter().enumerate() {
        if line_start {
            line_start = false;
            match part {
                TemplatePart::Literal(l) => {
                    let trimmed = l.value.trim_start_matches(is_space);
                    if !(trimmed.is_empty() && l.value.ends_with('\n')) {
                        let spaces = l.value[..l.value.len() - trimmed.len()].chars().count();
                        min = min.min(spaces);
                        adjust.push(i);
                    }
                }
                _ => min = 0,
            }
        }
        if let TemplatePart::Literal(l) = part {
            if l.value.ends_with('\n') {
                line_start = true;
            }
        }
    }
    if min == 0 || min == usize::MAX {
        return;
    }
    for i in adjust {
        if let TemplatePart::Literal(l) = &mut parts[i] {
            let from = l
                .value
                .char_indices()
                .nth(min)
                .map_or(l.value.len(), |(at, _)| at);
            let len = l.value.len();
            cut(l, from, len);
        }
    }
}

/// Joins neighbouring literals whose raw texts touch (a heredoc is read line by line).
fn merge_literals<'s>(text: &'s str, parts: &mut Vec<TemplatePart<'s>>) {
    let mut out: Vec<TemplatePart<'s>> = Vec::with_capacity(parts.len());
    for part in parts.drain(..) {
        if let (Some(TemplatePart::Literal(prev)), TemplatePart::Literal(next)) =
            (out.last_mut(), &part)
        {
            if prev.raw.end == next.raw.start && prev.escapes == next.escapes {
                let raw = TextRange::new(prev.raw.start, next.raw.end);
                let raw_text = &text[raw.start..raw.end];
                prev.value = match (&prev.value, &next.value) {
                    (Cow::Borrowed(_), Cow::Borrowed(_)) => Cow::Borrowed(raw_text),
                    (a, b) => Cow::Owned(format!("{a}{b}")),
                };
                prev.raw_text = raw_text;
                prev.raw = raw;
                continue;
            }
        }
        out.push(part);
    }
    *parts = out;
}
