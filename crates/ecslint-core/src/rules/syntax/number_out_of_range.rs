use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a number that cannot be represented (`1e400`), and an integer outside the
    /// range of the field's API type (botocore `integer` is signed 32-bit, `long` 64-bit).
    ///
    /// ## Why is this bad?
    /// The SDKs cannot serialise such a value and the API rejects it; `1e400` becomes
    /// infinity, which JSON cannot carry.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 4294967296 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 4096 }
    /// ```
    ///
    /// ## Fix
    /// Use a value in range; the unit of `memory` is MiB.
    pub NumberOutOfRange {
        id: "number-out-of-range",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Botocore { shape: "BoxedInteger, Integer, Long" }],
    }
}
