use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a value that is not one of the field's valid values, and lists them.
    ///
    /// ## Why is this bad?
    /// ECS rejects the request with a ClientException naming the field; values are
    /// case-sensitive (`FARGATE`, not `fargate`; `awsvpc`, not `AWSVPC`).
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "AWSVPC", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Safe when the value differs from a valid one only in case.
    pub InvalidEnumValue {
        id: "invalid-enum-value",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Botocore { shape: "every enum shape (NetworkMode, Compatibility, LogDriver, TransportProtocol, …)" }],
    }
}
