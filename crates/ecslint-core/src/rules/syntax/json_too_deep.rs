use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports objects and arrays nested more than 128 levels deep, and stops reading there.
    ///
    /// ## Why is this bad?
    /// No task or service definition nests deeper than about ten levels; a file that does is
    /// not the document you meant, or is built to exhaust a parser.
    ///
    /// ## Example
    /// `[[[[[[ … ]]]]]]` nested thousands of times.
    ///
    /// ## Fix
    /// Lint the right file.
    pub JsonTooDeep {
        id: "json-too-deep",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Json { note: "RFC 8259 §9: a parser may limit the depth of nesting" }],
    }
}
