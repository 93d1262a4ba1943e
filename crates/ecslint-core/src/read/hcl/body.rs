//! Bodies: attributes (`key = expr`, one per line) and blocks (`type "label" { … }`), with
//! recovery: a broken item is reported and skipped, and the rest of the body is still read.

use std::borrow::Cow;

use crate::text::TextRange;

use super::scan::{PResult, Parser, Stop};
use super::tree::{Attribute, Block, Body, ExprKind, Ident, Label};

impl<'s> Parser<'s> {
    /// The file's body.
    pub(super) fn file(&mut self) -> Body<'s> {
        let mut body = Body {
            attributes: Vec::new(),
            blocks: Vec::new(),
            span: TextRange::new(0, self.bytes.len()),
        };
        self.items(&mut body, None);
        body
    }

    /// Reads items until the end of the file, or until the `}` that closes the block whose
    /// `{` is at `open` (not consumed).
    fn items(&mut self, body: &mut Body<'s>, open: Option<usize>) {
        loop {
            self.newlines = true;
            self.skip_all();
            let Some(b) = self.peek() else {
                if let Some(open) = open {
                    self.problem_with(
                        TextRange::empty(self.pos),
                        "expected `}` to close the block, found the end of the file",
                        None,
                        Some((TextRange::new(open, open + 1), "the block opens here")),
                    );
                }
                return;
            };
            let start = self.pos;
            if b == b'}' {
                if open.is_some() {
                    return;
                }
                self.problem(
                    self.current_range(),
                    "unexpected `}`: no block is open here",
                );
                self.pos += 1;
                continue;
            }
            if !self.at_ident_start() {
                let _ = self.expected::<()>("an argument name or a block type");
                self.recover(start);
                continue;
            }
            let depth = self.depth;
            if self.item(body).is_err() {
                self.depth = depth;
                self.recover(start);
            }
        }
    }

    /// One attribute or block, ended by a newline (or the end of the file).
    fn item(&mut self, body: &mut Body<'s>) -> PResult<()> {
        let ident = self.ident();
        self.skip_inline();
        if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
            let attribute = self.attribute(ident)?;
            self.end_of_line("the argument")?;
            self.push_attribute(body, attribute);
            return Ok(());
        }
        let block = self.block(ident)?;
        body.blocks.push(block);
        Ok(())
    }

    fn push_attribute(&mut self, body: &mut Body<'s>, attribute: Attribute<'s>) {
        if let Some(first) = body.attribute(attribute.key) {
            let related = first.key_span;
            self.problem_with(
                attribute.key_span,
                format!("the argument `{}` is set twice in this body", attribute.key),
                Some("remove one of them: Terraform refuses a repeated argument"),
                Some((related, "first set here")),
            );
            return;
        }
        body.attributes.push(attribute);
    }

    /// `= expr` after the key.
    fn attribute(&mut self, key: Ident<'s>) -> PResult<Attribute<'s>> {
        self.pos += 1;
        self.newlines = false;
        self.skip_inline();
        if self.peek().is_none() || self.at("\n") || self.at("\r\n") {
            return self.expected(&format!("a value after `{} =`", key.name));
        }
        let expr = self.expr()?;
        Ok(Attribute {
            key: key.name,
            key_span: key.span,
            span: key.span.cover(expr.span),
            expr,
        })
    }

    /// After an item: only a comment may follow on its line.
    fn end_of_line(&mut self, what: &str) -> PResult<()> {
        self.skip_inline();
        if self.newline() {
            return Ok(());
        }
        let (range, found) = self.found();
        self.problem_with(
            range,
            format!("expected a newline after {what}, found {found}"),
            Some("each argument and block ends its line: put what follows on a new line"),
            None,
        );
        Err(Stop)
    }

    /// Labels, then `{ body }`.
    fn block(&mut self, ident: Ident<'s>) -> PResult<Block<'s>> {
        let mut labels = Vec::new();
        loop {
            self.skip_inline();
            match self.peek() {
                Some(b'{') => break,
                Some(b'"') => labels.push(self.label()?),
                _ if self.at_ident_start() => {
                    let label = self.ident();
                    labels.push(Label {
                        value: Cow::Borrowed(label.name),
                        span: label.span,
                        quoted: false,
                    });
                }
                _ => {
                    let what = if labels.is_empty() {
                        format!(
                            "`=` (an argument) or a label or `{{` (a block) after `{}`",
                            ident.name
                        )
                    } else {
                        "another label or `{` to open the block".to_owned()
                    };
                    return self.expected(&what);
                }
            }
        }
        let open = self.pos;
        self.pos += 1;
        self.enter()?;
        let mut body = Body {
            attributes: Vec::new(),
            blocks: Vec::new(),
            span: TextRange::empty(open),
        };
        self.skip_inline();
        if self.peek() == Some(b'}') {
            // `name {}`
        } else if self.peek().is_none() || self.at("\n") || self.at("\r\n") {
            self.items(&mut body, Some(open));
            if self.eof() {
                // Unclosed (reported): keep what was read.
                self.leave();
                body.span = TextRange::new(open, self.pos);
                let span = TextRange::new(ident.span.start, self.pos);
                return Ok(Block {
                    ident,
                    labels,
                    body,
                    span,
                });
            }
        } else {
            self.one_line_body(&mut body)?;
        }
        self.leave();
        self.pos += 1;
        body.span = TextRange::new(open, self.pos);
        let span = TextRange::new(ident.span.start, self.pos);
        self.end_of_line("the block's closing `}`")?;
        Ok(Block {
            ident,
            labels,
            body,
            span,
        })
    }

    /// `name { key = value }` on one line: one argument at most.
    fn one_line_body(&mut self, body: &mut Body<'s>) -> PResult<()> {
        if !self.at_ident_start() {
            return self.expected("an argument or a newline after `{`");
        }
        let ident = self.ident();
        self.skip_inline();
        if self.peek() != Some(b'=') || self.peek_at(1) == Some(b'=') {
            return self.expected(&format!(
                "`=` after `{}` (a block on one line holds one argument; put nested blocks on their own lines)",
                ident.name
            ));
        }
        let attribute = self.attribute(ident)?;
        self.push_attribute(body, attribute);
        self.skip_inline();
        if self.peek() != Some(b'}') {
            return self
                .expected("`}` after the argument (a block on one line holds one argument)");
        }
        Ok(())
    }

    /// A quoted block label: a string without interpolation.
    fn label(&mut self) -> PResult<Label<'s>> {
        let expr = self.quoted()?;
        match expr.kind {
            ExprKind::String(s) => Ok(Label {
                value: s.value,
                span: expr.span,
                quoted: true,
            }),
            _ => {
                self.problem(
                    expr.span,
                    "a block label cannot hold an interpolation or a directive",
                );
                Err(Stop)
            }
        }
    }
}
