//! Expressions: conditionals, binary operators by precedence (`||`, `&&`, `== !=`,
//! `< <= > >=`, `+ -`, `* / %`), unary `!` and `-`, and terms with their traversal steps
//! (`.name`, `[i]`, `.0`, `.*`, `[*]`): literals, strings and heredocs, tuples, objects,
//! function calls, variables, for-expressions and parentheses.

use crate::text::TextRange;

use super::scan::{PResult, Parser};
use super::tree::{
    BinaryOp, Call, Conditional, Expr, ExprKind, ForExpr, Ident, ObjectItem, ObjectKey, Step,
    StepKind, Traversal, TraversalRoot, UnaryOp,
};

impl<'s> Parser<'s> {
    /// An expression. Newlines end it where they are significant ([`Parser::newlines`]).
    pub(super) fn expr(&mut self) -> PResult<Expr<'s>> {
        self.enter()?;
        let result = self.conditional();
        self.leave();
        result
    }

    fn conditional(&mut self) -> PResult<Expr<'s>> {
        let condition = self.binary(1)?;
        let save = self.pos;
        self.ws();
        if self.peek() != Some(b'?') {
            self.pos = save;
            return Ok(condition);
        }
        self.pos += 1;
        self.ws();
        let then = self.expr()?;
        self.ws();
        if self.peek() != Some(b':') {
            return self.expected("`:` and the value for a false condition");
        }
        self.pos += 1;
        self.ws();
        let otherwise = self.expr()?;
        let span = condition.span.cover(otherwise.span);
        Ok(Expr {
            kind: ExprKind::Conditional(Box::new(Conditional {
                condition,
                then,
                otherwise,
            })),
            span,
        })
    }

    /// Operators of precedence `min` and above, left-associative.
    fn binary(&mut self, min: u8) -> PResult<Expr<'s>> {
        let mut lhs = self.unary()?;
        loop {
            let save = self.pos;
            self.ws();
            let Some((op, len, precedence)) = self.binary_op() else {
                self.pos = save;
                return Ok(lhs);
            };
            if precedence < min {
                self.pos = save;
                return Ok(lhs);
            }
            self.pos += len;
            self.ws();
            if self.eof() || (!self.newlines && (self.at("\n") || self.at("\r\n"))) {
                return self.expected("an operand after the operator");
            }
            let rhs = self.binary(precedence + 1)?;
            let span = lhs.span.cover(rhs.span);
            lhs = Expr {
                kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                span,
            };
        }
    }

    /// The binary operator at the position: the operator, its length and its precedence.
    fn binary_op(&self) -> Option<(BinaryOp, usize, u8)> {
        let next = self.peek_at(1);
        Some(match self.peek()? {
            b'|' if next == Some(b'|') => (BinaryOp::Or, 2, 1),
            b'&' if next == Some(b'&') => (BinaryOp::And, 2, 2),
            b'=' if next == Some(b'=') => (BinaryOp::Equal, 2, 3),
            b'!' if next == Some(b'=') => (BinaryOp::NotEqual, 2, 3),
            b'<' if next == Some(b'=') => (BinaryOp::LessOrEqual, 2, 4),
            b'>' if next == Some(b'=') => (BinaryOp::GreaterOrEqual, 2, 4),
            b'<' if next != Some(b'<') => (BinaryOp::Less, 1, 4),
            b'>' => (BinaryOp::Greater, 1, 4),
            b'+' => (BinaryOp::Add, 1, 5),
            b'-' => (BinaryOp::Subtract, 1, 5),
            b'*' => (BinaryOp::Multiply, 1, 6),
            b'/' => (BinaryOp::Divide, 1, 6),
            b'%' if next != Some(b'{') => (BinaryOp::Modulo, 1, 6),
            _ => return None,
        })
    }

    fn unary(&mut self) -> PResult<Expr<'s>> {
        let op = match self.peek() {
            Some(b'!') if self.peek_at(1) != Some(b'=') => UnaryOp::Not,
            Some(b'-') => UnaryOp::Negate,
            _ => return self.postfix(),
        };
        let start = self.pos;
        self.pos += 1;
        self.ws();
        self.enter()?;
        let operand = self.unary();
        self.leave();
        let operand = operand?;
        Ok(Expr {
            span: TextRange::new(start, operand.span.end),
            kind: ExprKind::Unary(op, Box::new(operand)),
        })
    }

    /// A term and its traversal steps.
    fn postfix(&mut self) -> PResult<Expr<'s>> {
        let term = self.term()?;
        let mut steps = Vec::new();
        loop {
            let save = self.pos;
            self.ws();
            let start = self.pos;
            let kind = match self.peek() {
                Some(b'.') if self.at("...") => {
                    self.pos = save;
                    break;
                }
                Some(b'.') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'*') => {
                            self.pos += 1;
                            StepKind::AttrSplat
                        }
                        Some(b'0'..=b'9') => {
                            while matches!(self.peek(), Some(b'0'..=b'9')) {
                                self.pos += 1;
                            }
                            StepKind::LegacyIndex(&self.text[start + 1..self.pos])
                        }
                        _ if self.at_ident_start() => StepKind::Attr(self.ident().name),
                        _ => return self.expected("an attribute name, an index or `*` after `.`"),
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    let saved = self.newlines;
                    self.newlines = true;
                    self.ws();
                    if self.peek() == Some(b'*') {
                        self.pos += 1;
                        self.ws();
                        if self.peek() != Some(b']') {
                            return self.expected("`]` after `[*`");
                        }
                        self.pos += 1;
                        self.newlines = saved;
                        StepKind::FullSplat
                    } else {
                        self.open += 1;
                        let index = self.expr()?;
                        self.ws();
                        if self.peek() != Some(b']') {
                            return self.expected("`]` to close the index");
                        }
                        self.pos += 1;
                        self.open -= 1;
                        self.newlines = saved;
                        StepKind::Index(Box::new(index))
                    }
                }
                _ => {
                    self.pos = save;
                    break;
                }
            };
            steps.push(Step {
                kind,
                span: TextRange::new(start, self.pos),
            });
        }
        if steps.is_empty() {
            return Ok(term);
        }
        let span = TextRange::new(term.span.start, self.pos);
        let traversal = match term.kind {
            ExprKind::Traversal(mut t)
                if matches!(t.root, TraversalRoot::Name(_)) && t.steps.is_empty() =>
            {
                t.steps = steps;
                t
            }
            _ => Box::new(Traversal {
                root: TraversalRoot::Expr(Box::new(term)),
                steps,
            }),
        };
        Ok(Expr {
            kind: ExprKind::Traversal(traversal),
            span,
        })
    }

    fn term(&mut self) -> PResult<Expr<'s>> {
        let start = self.pos;
        let kind = match self.peek() {
            Some(b'0'..=b'9') => self.number(),
            Some(b'"') => return self.quoted(),
            Some(b'<') if self.at("<<") => return self.heredoc(),
            Some(b'[') => self.tuple()?,
            Some(b'{') => self.object()?,
            Some(b'(') => {
                self.pos += 1;
                let saved = self.newlines;
                self.newlines = true;
                self.open += 1;
                self.ws();
                let inner = self.expr()?;
                self.ws();
                if self.peek() != Some(b')') {
                    return self.expected("`)` to close the parenthesis");
                }
                self.pos += 1;
                self.open -= 1;
                self.newlines = saved;
                ExprKind::Parens(Box::new(inner))
            }
            _ if self.at_ident_start() => return self.name(),
            _ => return self.expected("an expression"),
        };
        Ok(Expr {
            kind,
            span: TextRange::new(start, self.pos),
        })
    }

    /// `1`, `0.5`, `1e3`, `2.5E-2`: kept as written.
    fn number(&mut self) -> ExprKind<'s> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
        };
        digits(self);
        if self.peek() == Some(b'.') && matches!(self.peek_at(1), Some(b'0'..=b'9')) {
            self.pos += 1;
            digits(self);
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(self.peek_at(1), Some(b'+' | b'-')));
            if matches!(self.peek_at(1 + sign), Some(b'0'..=b'9')) {
                self.pos += 1 + sign;
                digits(self);
            }
        }
        ExprKind::Number(&self.text[start..self.pos])
    }

    /// A keyword, a function call or a variable.
    fn name(&mut self) -> PResult<Expr<'s>> {
        let mut name = self.ident();
        let mut namespaced = false;
        while self.at("::") {
            self.pos += 2;
            if !self.at_ident_start() {
                return self.expected("a function name after `::`");
            }
            let next = self.ident();
            name = Ident {
                name: &self.text[name.span.start..next.span.end],
                span: TextRange::new(name.span.start, next.span.end),
            };
            namespaced = true;
        }
        let save = self.pos;
        self.skip_inline();
        if self.peek() == Some(b'(') {
            return self.call(name);
        }
        self.pos = save;
        if namespaced {
            return self.expected(&format!("`(` to call `{}`", name.name));
        }
        let kind = match name.name {
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null" => ExprKind::Null,
            _ => ExprKind::Traversal(Box::new(Traversal {
                root: TraversalRoot::Name(name),
                steps: Vec::new(),
            })),
        };
        Ok(Expr {
            kind,
            span: name.span,
        })
    }

    /// `name(args, …)` from the `(`.
    fn call(&mut self, name: Ident<'s>) -> PResult<Expr<'s>> {
        self.pos += 1;
        let saved = self.newlines;
        self.newlines = true;
        self.open += 1;
        let mut args = Vec::new();
        let mut expand_final = false;
        loop {
            self.ws();
            if self.peek() == Some(b')') {
                break;
            }
            args.push(self.expr()?);
            self.ws();
            if self.at("...") {
                self.pos += 3;
                expand_final = true;
                self.ws();
                if self.peek() != Some(b')') {
                    return self
                        .expected("`)` after `...` (only the last argument can be expanded)");
                }
                break;
            }
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => break,
                _ => {
                    return self
                        .expected(&format!("`,` or `)` in the arguments of `{}(`", name.name))
                }
            }
        }
        self.pos += 1;
        self.open -= 1;
        self.newlines = saved;
        Ok(Expr {
            span: TextRange::new(name.span.start, self.pos),
            kind: ExprKind::Call(Box::new(Call {
                name,
                args,
                expand_final,
            })),
        })
    }

    /// `[a, b]` or `[for …]`.
    fn tuple(&mut self) -> PResult<ExprKind<'s>> {
        let open = self.pos;
        self.pos += 1;
        let saved = self.newlines;
        self.newlines = true;
        self.open += 1;
        self.ws();
        let kind = if self.at_keyword("for") {
            self.for_expr(false)?
        } else {
            let mut items = Vec::new();
            loop {
                self.ws();
                if self.peek() == Some(b']') {
                    break;
                }
                if self.eof() {
                    return self.unclosed(open, "`]` to close the list");
                }
                items.push(self.expr()?);
                self.ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => break,
                    None => return self.unclosed(open, "`]` to close the list"),
                    _ => return self.expected("`,` or `]` after the list item"),
                }
            }
            ExprKind::Tuple(items)
        };
        self.pos += 1;
        self.open -= 1;
        self.newlines = saved;
        Ok(kind)
    }

    /// `{ key = value, … }` or `{for …}`: items are separated by commas or newlines.
    fn object(&mut self) -> PResult<ExprKind<'s>> {
        let open = self.pos;
        self.pos += 1;
        let saved = self.newlines;
        self.newlines = true;
        self.open += 1;
        self.ws();
        if self.at_keyword("for") {
            let kind = self.for_expr(true)?;
            self.pos += 1;
            self.open -= 1;
            self.newlines = saved;
            return Ok(kind);
        }
        let mut items = Vec::new();
        loop {
            self.newlines = true;
            self.ws();
            match self.peek() {
                Some(b'}') => break,
                None => return self.unclosed(open, "`}` to close the object"),
                _ => {}
            }
            self.newlines = false;
            let key = self.object_key()?;
            self.skip_inline();
            match self.peek() {
                Some(b'=') if !matches!(self.peek_at(1), Some(b'=' | b'>')) => self.pos += 1,
                Some(b':') => self.pos += 1,
                _ => return self.expected("`=` or `:` after the object key"),
            }
            self.skip_inline();
            if self.eof() || self.at("\n") || self.at("\r\n") {
                return self.expected("a value after the object key (on the same line)");
            }
            let value = self.expr()?;
            self.skip_inline();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}' | b'\n') | None => {}
                Some(b'\r') if self.peek_at(1) == Some(b'\n') => {}
                _ => return self.expected("`,`, a newline or `}` after the object item"),
            }
            items.push(ObjectItem {
                span: key.span().cover(value.span),
                key,
                value,
            });
        }
        self.pos += 1;
        self.open -= 1;
        self.newlines = saved;
        Ok(ExprKind::Object(items))
    }

    fn object_key(&mut self) -> PResult<ObjectKey<'s>> {
        if self.at_ident_start() {
            let save = self.pos;
            let ident = self.ident();
            self.skip_inline();
            let literal = match self.peek() {
                Some(b'=') => !matches!(self.peek_at(1), Some(b'=' | b'>')),
                Some(b':') => true,
                _ => false,
            };
            if literal {
                return Ok(ObjectKey::Ident(ident));
            }
            self.pos = save;
        }
        let key = self.expr()?;
        Ok(match key.kind {
            ExprKind::String(s) => ObjectKey::String(s, key.span),
            _ => ObjectKey::Expr(key),
        })
    }

    /// From `for` to the closing bracket (not consumed): `for k, v in coll : value if cond`,
    /// with `key => value...` in an object.
    fn for_expr(&mut self, object: bool) -> PResult<ExprKind<'s>> {
        self.pos += 3;
        self.ws();
        if !self.at_ident_start() {
            return self.expected("a name after `for`");
        }
        let first = self.ident();
        self.ws();
        let (key_var, value_var) = if self.peek() == Some(b',') {
            self.pos += 1;
            self.ws();
            if !self.at_ident_start() {
                return self.expected("a second name after `for name,`");
            }
            let second = self.ident();
            self.ws();
            (Some(first), second)
        } else {
            (None, first)
        };
        if !self.at_keyword("in") {
            return self.expected("`in` after the names of a `for` expression");
        }
        self.pos += 2;
        self.ws();
        let collection = self.expr()?;
        self.ws();
        if self.peek() != Some(b':') {
            return self.expected("`:` after the collection of a `for` expression");
        }
        self.pos += 1;
        self.ws();
        let (key, value) = if object {
            let key = self.expr()?;
            self.ws();
            if !self.at("=>") {
                return self.expected("`=>` between the key and the value of a `for` expression");
            }
            self.pos += 2;
            self.ws();
            (Some(key), self.expr()?)
        } else {
            (None, self.expr()?)
        };
        self.ws();
        let grouping = object && self.at("...");
        if grouping {
            self.pos += 3;
            self.ws();
        }
        let condition = if self.at_keyword("if") {
            self.pos += 2;
            self.ws();
            let condition = self.expr()?;
            self.ws();
            Some(condition)
        } else {
            None
        };
        let close = if object { b'}' } else { b']' };
        if self.peek() != Some(close) {
            return self.expected(if object {
                "`}` to close the `for` expression"
            } else {
                "`]` to close the `for` expression"
            });
        }
        Ok(ExprKind::For(Box::new(ForExpr {
            key_var,
            value_var,
            collection,
            key,
            value,
            grouping,
            condition,
        })))
    }

    /// The end of the file inside a bracket opened at `open`.
    fn unclosed<T>(&mut self, open: usize, expected: &str) -> PResult<T> {
        self.problem_with(
            TextRange::empty(self.pos),
            format!("expected {expected}, found the end of the file"),
            None,
            Some((TextRange::new(open, open + 1), "opened here")),
        );
        Err(super::scan::Stop)
    }
}
