use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid UTF-8 (for example saved as Latin-1 or UTF-16).
    ///
    /// ## Why is this bad?
    /// JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1); the AWS CLI fails to
    /// decode such a file, and the API takes UTF-8 only.
    ///
    /// ## Example
    /// A file containing the byte `0xE9` (Latin-1 `é`) in an environment value.
    ///
    /// ## Fix
    /// Save the file as UTF-8.
    pub InvalidUtf8 {
        id: "invalid-utf8",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Json { note: "RFC 8259 §8.1: JSON text exchanged between systems MUST be encoded using UTF-8" }],
    }
}
