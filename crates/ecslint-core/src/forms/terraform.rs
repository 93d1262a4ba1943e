//! Terraform: `aws_ecs_task_definition`, `aws_ecs_service` and `aws_ecs_task_set` resources
//! in `.tf` files, and in the JSON of a plan.

use crate::document::DocumentKind;
use crate::lint::{LintOptions, LintResult};
use crate::read::hcl;

/// Lints a `.tf` file.
pub fn lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    let parsed = hcl::parse(text);
    let form = super::FormOutput {
        kind: DocumentKind::Terraform,
        found: Vec::new(),
        problems: parsed.problems,
    };
    crate::lint::lint_found(text, None, &[], form, options)
}
