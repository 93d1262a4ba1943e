//! A reader for HCL's native syntax as Terraform writes it (`.tf` files), into a tree whose
//! every node keeps its byte range ([`tree`]).
//!
//! Written for ecslint rather than taken from `hcl-edit`: that crate added 72 KB gzipped to
//! the WebAssembly build (the budget for YAML and HCL together is about 70 KB), stops at the
//! first error, and keeps neither the raw range of a heredoc's body nor a map from a string's
//! value back to its escapes. docs/hcl-reader.md has the measurements.
//!
//! What it reads: bodies of attributes and blocks (one-line blocks too), every expression of
//! the HCL native syntax specification (literals, quoted templates with escapes,
//! interpolations, directives and strip markers, heredocs with `<<-` indentation removal,
//! tuples, objects, function calls with provider namespaces and `...`, traversals with
//! indexes and splats, operators, conditionals, `for` expressions), and comments. It is
//! checked against Terraform 1.11 (`terraform fmt`) and python-hcl2 on real files
//! (`tests/hcl_reader.rs`).
//!
//! Never panics (fuzzed: `fuzz/fuzz_targets/hcl.rs`). A problem is reported with its exact
//! range, what was expected and what was found; the broken attribute or block is skipped to
//! the end of its line (past the brackets it opened), so the rest of the file is still read.
//! Nesting is bounded at [`MAX_DEPTH`].

mod body;
mod check;
mod expr;
mod scan;
mod template;
pub mod tree;

#[cfg(test)]
mod tests;

pub use check::check_invariants;
pub use tree::{
    Attribute, BinaryOp, Block, Body, Call, Conditional, Directive, DirectiveKind, Expr, ExprKind,
    ForExpr, Heredoc, Ident, Interpolation, Label, ObjectItem, ObjectKey, Step, StepKind,
    StringLit, Template, TemplatePart, Traversal, TraversalRoot, UnaryOp,
};

use crate::json::SyntaxProblem;
use crate::text::TextRange;

/// Blocks and expressions nested deeper than this are refused (bounded recursion).
pub const MAX_DEPTH: usize = 128;

/// The rule of every problem the reader reports.
pub const INVALID_HCL: &str = "invalid-hcl";

/// A parsed file: its body (what could be read) and the problems found.
#[derive(Debug)]
pub struct ParseOutput<'s> {
    /// Every attribute and block that could be read: a broken item is left out and reported.
    pub body: Body<'s>,
    pub problems: Vec<SyntaxProblem>,
}

/// Reads a whole text as a template, as Terraform's `templatefile()` reads its file: literal
/// text (only `$${` and `%%{` are escapes), `${…}` interpolations and `%{…}` directives. The
/// template is `None` when a problem stopped the reading. Never panics.
pub fn parse_template(text: &str) -> (Option<Template<'_>>, Vec<SyntaxProblem>) {
    let mut parser = scan::Parser::new(text);
    let template = parser.template_file().ok();
    (template, parser.problems)
}

/// Parses Terraform's native syntax. Never panics.
///
/// ```
/// use ecslint_core::read::hcl::{parse, ExprKind};
/// let text = "resource \"aws_ecs_service\" \"web\" {\n  desired_count = 2\n  cluster = aws_ecs_cluster.main.id\n}\n";
/// let out = parse(text);
/// assert!(out.problems.is_empty());
/// let service = &out.body.blocks[0];
/// assert_eq!(service.label_values().collect::<Vec<_>>(), ["aws_ecs_service", "web"]);
/// let count = service.body.attribute("desired_count").unwrap();
/// assert!(matches!(count.expr.kind, ExprKind::Number("2")));
/// let cluster = &service.body.attribute("cluster").unwrap().expr;
/// assert_eq!(cluster.as_path().unwrap(), ["aws_ecs_cluster", "main", "id"]);
/// assert_eq!(cluster.source(text), "aws_ecs_cluster.main.id");
/// ```
pub fn parse(text: &str) -> ParseOutput<'_> {
    let mut parser = scan::Parser::new(text);
    // Terraform reads a file that starts with a byte order mark.
    if text.starts_with('\u{feff}') {
        parser.pos = 3;
    }
    let mut body = parser.file();
    body.span = TextRange::new(0, text.len());
    ParseOutput {
        body,
        problems: parser.problems,
    }
}
