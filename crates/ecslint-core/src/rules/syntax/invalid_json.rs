use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports text that is not valid JSON (RFC 8259): trailing commas, missing commas,
    /// comments, single quotes, unquoted keys, `True`/`None`, bad escapes, a truncated or
    /// empty file.
    ///
    /// ## Why is this bad?
    /// `aws ecs register-task-definition --cli-input-json`, the SDKs, CloudFormation and
    /// Terraform parse strict JSON: the file is refused before ECS ever sees it. (The ECS
    /// deploy GitHub action reads the file as YAML: trailing commas and `#` comments pass
    /// there, but a `//` comment silently swallows the key after it.) ecslint
    /// recovers from the common slips so that the rest of the file is still checked in the
    /// same run.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [], }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Trailing and missing commas, single quotes, unquoted keys and capitalised literals have
    /// safe fixes; removing a comment is offered as an unsafe fix (the note would be lost).
    pub InvalidJson {
        id: "invalid-json",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Json { note: "RFC 8259; Python's json module as used by the AWS CLI" }],
    }
}
