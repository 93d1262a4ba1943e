use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports DescribeTaskDefinition output kept whole: the task definition wrapped in
    /// `{"taskDefinition": …}`.
    ///
    /// ## Why is this bad?
    /// RegisterTaskDefinition takes the task definition's members at the top level;
    /// `taskDefinition` is not one of its parameters, so the request is refused. ecspresso
    /// unwraps it (kayac/ecspresso v2, `LoadTaskDefinition`); the AWS CLI, the ECS deploy
    /// GitHub action and the render action do not: the deploy action (v2) sends only the
    /// top-level `tags`, so registration fails for want of `family`, and the render action
    /// stops with "containerDefinitions section is not present or is not an array".
    ///
    /// ## Example
    /// ```json
    /// { "taskDefinition": { "family": "web", "containerDefinitions": [] } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Move the members of `taskDefinition` to the top level (and `tags` beside them), then
    /// remove the read-only fields (`read-only-field`).
    pub DescribeOutputWrapper {
        id: "describe-output-wrapper",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Botocore { shape: "DescribeTaskDefinitionResponse vs RegisterTaskDefinitionRequest" }],
    }
}
