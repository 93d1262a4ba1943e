//! The JSON of a plan (`terraform show -json plan.out`).

use crate::document::DocumentKind;
use crate::forms::FormOutput;
use crate::json::Node;

/// A plan: `format_version`, `terraform_version` and planned values or resource changes.
pub fn is_plan(root: &Node<'_>) -> bool {
    root.get("format_version").is_some()
        && root.get("terraform_version").is_some()
        && (root.get("planned_values").is_some() || root.get("resource_changes").is_some())
}

/// The task definitions and services a plan creates or updates.
pub fn read<'s>(_text: &'s str, _root: &Node<'s>) -> FormOutput<'s> {
    FormOutput {
        kind: DocumentKind::Terraform,
        found: Vec::new(),
        problems: Vec::new(),
    }
}
