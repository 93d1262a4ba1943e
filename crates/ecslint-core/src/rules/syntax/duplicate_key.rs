use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same object.
    ///
    /// ## Why is this bad?
    /// The AWS CLI (Python's `json`), the SDKs and Terraform keep the last value and drop the
    /// others without a word, so the value you see first is not the one ECS gets. This is
    /// usually a merge leftover: two `environment` arrays, two `memory` values. In YAML,
    /// PyYAML (cfn-lint) also keeps the last value, cfn-lint reports it as an error (E0000)
    /// and the ECS deploy GitHub action's `yaml` package refuses the file ("Map keys must be
    /// unique").
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "memory": 512, "image": "nginx:1.27", "memory": 256 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 512 }
    /// ```
    ///
    /// ## Fix
    /// Keep one of the members; which one is for you to decide, so there is no automatic fix.
    pub DuplicateKey {
        id: "duplicate-key",
        category: Category::Syntax,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::Json { note: "RFC 8259 §4: names within an object SHOULD be unique; Python's json keeps the last" }],
    }
}
