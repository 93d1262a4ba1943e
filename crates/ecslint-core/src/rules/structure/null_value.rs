use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports `null` where the API needs a value.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates the input before sending it and refuses `None` for any field
    /// ("Invalid type for parameter …, value: None"). To leave a field unset, leave it out.
    /// Terraform's `container_definitions` treats `null` as absent, so arrays of container
    /// definitions are not reported.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "taskRoleArn": null, "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Safe: the member is removed.
    pub NullValue {
        id: "null-value",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Botocore { shape: "no ECS member is nullable" }],
    }
}
