//! The syntax tree of a Terraform file: every node keeps the byte range of its text, and every
//! expression its source text, so that a value that is not a literal can still be pointed at
//! and quoted.

use std::borrow::Cow;

use crate::text::TextRange;

/// A body: the whole file, or what is between a block's braces. Attributes and blocks are
/// each in document order (merge them by `span.start` for the order of the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Body<'s> {
    pub attributes: Vec<Attribute<'s>>,
    pub blocks: Vec<Block<'s>>,
    /// The whole file, or a block's braces and what is between them.
    pub span: TextRange,
}

impl<'s> Body<'s> {
    /// The attribute named `key` (a body sets each at most once; a repeat is a syntax problem
    /// and the first one is kept).
    pub fn attribute(&self, key: &str) -> Option<&Attribute<'s>> {
        self.attributes.iter().find(|a| a.key == key)
    }

    /// The blocks of type `ident` (`resource`, `volume`, `dynamic`), in document order.
    pub fn blocks_of<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block<'s>> + 'a {
        self.blocks.iter().filter(move |b| b.ident.name == ident)
    }
}

/// A name as written: a block type, an attribute key, a function, a traversal's root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ident<'s> {
    pub name: &'s str,
    pub span: TextRange,
}

/// `key = expr`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute<'s> {
    pub key: &'s str,
    pub key_span: TextRange,
    pub expr: Expr<'s>,
    /// From the key to the end of the expression.
    pub span: TextRange,
}

/// `ident "label" label { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block<'s> {
    pub ident: Ident<'s>,
    pub labels: Vec<Label<'s>>,
    pub body: Body<'s>,
    /// From the type name to the closing brace.
    pub span: TextRange,
}

impl<'s> Block<'s> {
    /// The label values: `["aws_ecs_service", "web"]` for `resource "aws_ecs_service" "web"`.
    pub fn label_values(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(|l| l.value.as_ref())
    }
}

/// A block label: a quoted string (escapes allowed, interpolation not) or a bare identifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Label<'s> {
    pub value: Cow<'s, str>,
    /// Quotes included.
    pub span: TextRange,
    pub quoted: bool,
}

/// An expression with its range and source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr<'s> {
    pub kind: ExprKind<'s>,
    pub span: TextRange,
}

impl<'s> Expr<'s> {
    /// The expression's source text, as written in `text` (the text that was parsed).
    pub fn source<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or("")
    }

    /// A literal (null, a boolean, a number, a string without interpolation, a heredoc
    /// without interpolation or directive, or a tuple or object made only of those, with
    /// literal keys): its value can be known without evaluating anything. Everything else is
    /// unknown for lint purposes.
    pub fn is_literal(&self) -> bool {
        match &self.kind {
            ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) | ExprKind::String(_) => true,
            ExprKind::Heredoc(h) => h.template.is_literal(),
            ExprKind::Tuple(items) => items.iter().all(Expr::is_literal),
            ExprKind::Object(items) => items
                .iter()
                .all(|i| i.key.name().is_some() && i.value.is_literal()),
            ExprKind::Template(t) => t.is_literal(),
            _ => false,
        }
    }

    /// A string's value: a quoted string without interpolation, or a heredoc without
    /// interpolation or directive.
    pub fn as_str(&self) -> Option<Cow<'s, str>> {
        match &self.kind {
            ExprKind::String(s) => Some(s.value.clone()),
            ExprKind::Heredoc(h) => h.template.literal(),
            ExprKind::Template(t) => t.literal(),
            _ => None,
        }
    }

    /// The dotted names of a traversal from a variable made only of attribute steps:
    /// `["var", "x"]` for `var.x`, `["aws_iam_role", "task", "arn"]` for
    /// `aws_iam_role.task.arn`.
    pub fn as_path(&self) -> Option<Vec<&'s str>> {
        match &self.kind {
            ExprKind::Traversal(t) => t.names(),
            _ => None,
        }
    }

    /// The function called, when the expression is a call (`jsonencode`, `file`).
    pub fn as_call(&self) -> Option<&Call<'s>> {
        match &self.kind {
            ExprKind::Call(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind<'s> {
    Null,
    Bool(bool),
    /// A number as written (`256`, `0.5`, `1e3`): never rounded. A minus sign is an
    /// [`ExprKind::Unary`] operation, as in HCL.
    Number(&'s str),
    /// A quoted string without interpolation or directive.
    String(StringLit<'s>),
    /// A quoted string with at least one `${…}` interpolation or `%{…}` directive.
    Template(Template<'s>),
    /// `<<EOF` / `<<-EOF`.
    Heredoc(Box<Heredoc<'s>>),
    /// `[a, b]`.
    Tuple(Vec<Expr<'s>>),
    /// `{ a = 1, "b" = 2, (var.k) = 3 }`.
    Object(Vec<ObjectItem<'s>>),
    /// `name(args)`; provider functions keep their namespaces in the name
    /// (`provider::aws::arn_parse`).
    Call(Box<Call<'s>>),
    /// `var.x`, `local.y.z`, `aws_x.y.arn`, `each.value`, `a[0]`, `a[*].id`, `f(x).y`.
    Traversal(Box<Traversal<'s>>),
    /// `cond ? a : b` (not literal).
    Conditional(Box<Conditional<'s>>),
    /// `!a`, `-a` (not literal; `-1` is one).
    Unary(UnaryOp, Box<Expr<'s>>),
    /// `a + b`, `a == b`, `a && b`, … (not literal).
    Binary(BinaryOp, Box<Expr<'s>>, Box<Expr<'s>>),
    /// `[for …]` or `{for …}` (not literal).
    For(Box<ForExpr<'s>>),
    /// `(expr)`.
    Parens(Box<Expr<'s>>),
}

/// A run of literal text: the unescaped value and where it was read from, with a map from
/// offsets in the value back to the file (escapes such as `\"`, `\u00e9`, `$${`, and the
/// indentation `<<-` removes, make the two differ).
#[derive(Debug, Clone, PartialEq)]
pub struct StringLit<'s> {
    pub value: Cow<'s, str>,
    /// The text the value was read from: between a string's quotes, or a heredoc's lines
    /// after indentation stripping.
    pub raw: TextRange,
    pub(crate) raw_text: &'s str,
    pub(crate) escapes: Escapes,
}

/// Which escapes a literal's raw text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escapes {
    /// A quoted string: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, `$${`, `%%{`.
    Quoted,
    /// A heredoc: only `$${` and `%%{`.
    Heredoc,
}

impl StringLit<'_> {
    /// The file offset of byte `offset` of the value (an offset inside an escape's output maps
    /// to the escape's start; the value's end maps to the raw text's end).
    pub fn file_offset(&self, offset: usize) -> usize {
        if matches!(self.value, Cow::Borrowed(_)) {
            return self.raw.start + offset.min(self.raw.len());
        }
        let bytes = self.raw_text.as_bytes();
        let (mut raw, mut value) = (0, 0);
        while raw < bytes.len() {
            let (consumed, produced) = escape_unit(self.raw_text, raw, self.escapes);
            if value + produced > offset {
                break;
            }
            raw += consumed;
            value += produced;
        }
        self.raw.start + raw
    }

    /// The file range of `range` inside the value.
    pub fn file_range(&self, range: TextRange) -> TextRange {
        let start = self.file_offset(range.start);
        let end = if range.end == self.value.len() {
            self.raw.end
        } else {
            self.file_offset(range.end)
        };
        TextRange::new(start, end.max(start))
    }
}

/// How many raw bytes the unit at `at` takes and how many value bytes it makes: an escape, or
/// one character. `text` was validated when the literal was read.
pub(crate) fn escape_unit(text: &str, at: usize, escapes: Escapes) -> (usize, usize) {
    let bytes = text.as_bytes();
    match bytes[at] {
        b'\\' if escapes == Escapes::Quoted => match bytes.get(at + 1) {
            Some(b'u') | Some(b'U') => {
                let width = if bytes[at + 1] == b'u' { 4 } else { 8 };
                let digits = text.get(at + 2..at + 2 + width).unwrap_or("");
                let c = u32::from_str_radix(digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                (2 + width, c.len_utf8())
            }
            Some(_) => (2, 1),
            None => (1, 1),
        },
        b'$' | b'%'
            if bytes.get(at + 1) == Some(&bytes[at]) && bytes.get(at + 2) == Some(&b'{') =>
        {
            (3, 2)
        }
        _ => {
            let len = text[at..].chars().next().map_or(1, char::len_utf8);
            (len, len)
        }
    }
}

/// The parts of a quoted template or a heredoc, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template<'s> {
    pub parts: Vec<TemplatePart<'s>>,
}

impl<'s> Template<'s> {
    /// Only literal text: no interpolation, no directive.
    pub fn is_literal(&self) -> bool {
        self.parts
            .iter()
            .all(|p| matches!(p, TemplatePart::Literal(_)))
    }

    /// The value when the template is only literal text.
    pub fn literal(&self) -> Option<Cow<'s, str>> {
        match self.parts.as_slice() {
            [] => Some(Cow::Borrowed("")),
            [TemplatePart::Literal(l)] => Some(l.value.clone()),
            parts => {
                let mut out = String::new();
                for part in parts {
                    match part {
                        TemplatePart::Literal(l) => out.push_str(&l.value),
                        _ => return None,
                    }
                }
                Some(Cow::Owned(out))
            }
        }
    }

    /// For a literal template, the file offset of byte `offset` of [`Template::literal`]'s
    /// value.
    pub fn file_offset(&self, offset: usize) -> Option<usize> {
        let mut start = 0;
        let mut last = None;
        for part in &self.parts {
            let TemplatePart::Literal(l) = part else {
                return None;
            };
            if offset < start + l.value.len() {
                return Some(l.file_offset(offset - start));
            }
            start += l.value.len();
            last = Some(l.raw.end);
        }
        last
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TemplatePart<'s> {
    Literal(StringLit<'s>),
    /// `${expr}`.
    Interpolation(Interpolation<'s>),
    /// `%{if …}`, `%{else}`, `%{endif}`, `%{for … in …}`, `%{endfor}`.
    Directive(Directive<'s>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Interpolation<'s> {
    pub expr: Expr<'s>,
    /// `${` to `}`.
    pub span: TextRange,
    /// `${~`: the whitespace before was removed from the previous literal.
    pub strip_before: bool,
    /// `~}`: the whitespace after was removed from the next literal.
    pub strip_after: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directive<'s> {
    pub kind: DirectiveKind<'s>,
    /// `%{` to `}`.
    pub span: TextRange,
    pub strip_before: bool,
    pub strip_after: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DirectiveKind<'s> {
    If(Expr<'s>),
    Else,
    EndIf,
    For {
        key: Option<Ident<'s>>,
        value: Ident<'s>,
        collection: Expr<'s>,
    },
    EndFor,
}

/// `<<EOF` … `EOF` or `<<-EOF` … `EOF`.
#[derive(Debug, Clone, PartialEq)]
pub struct Heredoc<'s> {
    /// The delimiter word (`EOF`, `DEFINITION`).
    pub marker: Ident<'s>,
    /// `<<-`: the lines' common leading whitespace is removed (each literal part's map then
    /// skips it).
    pub flush: bool,
    /// The body's raw text: from the line after the opening marker to the start of the
    /// closing marker's line (its last newline included).
    pub body: TextRange,
    pub template: Template<'s>,
}

/// One `key = value` (or `key: value`) of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectItem<'s> {
    pub key: ObjectKey<'s>,
    pub value: Expr<'s>,
    /// From the key to the end of the value.
    pub span: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ObjectKey<'s> {
    /// A bare identifier: the key is its name.
    Ident(Ident<'s>),
    /// A quoted string without interpolation: the key is its value.
    String(StringLit<'s>, TextRange),
    /// Anything else (`(var.k)`, `"${x}"`): evaluated, so unknown here.
    Expr(Expr<'s>),
}

impl<'s> ObjectKey<'s> {
    /// The key's name when it is literal.
    pub fn name(&self) -> Option<&str> {
        match self {
            ObjectKey::Ident(i) => Some(i.name),
            ObjectKey::String(s, _) => Some(&s.value),
            ObjectKey::Expr(_) => None,
        }
    }

    /// The key's range (quotes and parentheses included).
    pub fn span(&self) -> TextRange {
        match self {
            ObjectKey::Ident(i) => i.span,
            ObjectKey::String(_, span) => *span,
            ObjectKey::Expr(e) => e.span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call<'s> {
    /// The function's name, namespaces included (`provider::aws::arn_parse`).
    pub name: Ident<'s>,
    pub args: Vec<Expr<'s>>,
    /// `f(a, list...)`: the last argument is expanded.
    pub expand_final: bool,
}

/// A traversal: a root and steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Traversal<'s> {
    pub root: TraversalRoot<'s>,
    pub steps: Vec<Step<'s>>,
}

impl<'s> Traversal<'s> {
    /// `["var", "x"]` for `var.x`: the root's name and attribute steps, when there are only
    /// those.
    pub fn names(&self) -> Option<Vec<&'s str>> {
        let TraversalRoot::Name(root) = &self.root else {
            return None;
        };
        let mut names = vec![root.name];
        for step in &self.steps {
            match step.kind {
                StepKind::Attr(name) => names.push(name),
                _ => return None,
            }
        }
        Some(names)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TraversalRoot<'s> {
    /// A variable: `var`, `local`, `each`, `count`, a resource type, a for-expression's name.
    Name(Ident<'s>),
    /// Any other expression term: `f(x).y`, `(a).b`, `[1, 2][0]`.
    Expr(Box<Expr<'s>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step<'s> {
    pub kind: StepKind<'s>,
    /// The step's text: `.name`, `[expr]`, `.0`, `.*`, `[*]`.
    pub span: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StepKind<'s> {
    /// `.name`.
    Attr(&'s str),
    /// `[expr]`.
    Index(Box<Expr<'s>>),
    /// `.0` (the legacy index form).
    LegacyIndex(&'s str),
    /// `.*`.
    AttrSplat,
    /// `[*]`.
    FullSplat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conditional<'s> {
    pub condition: Expr<'s>,
    pub then: Expr<'s>,
    pub otherwise: Expr<'s>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `!`
    Not,
    /// `-`
    Negate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForExpr<'s> {
    pub key_var: Option<Ident<'s>>,
    pub value_var: Ident<'s>,
    pub collection: Expr<'s>,
    /// The object form's key expression; `None` for a tuple.
    pub key: Option<Expr<'s>>,
    pub value: Expr<'s>,
    /// `...` after the value (object form: group values by key).
    pub grouping: bool,
    pub condition: Option<Expr<'s>>,
}
