//! CloudFormation templates (JSON or YAML; CDK, SAM and Copilot output): every
//! `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` resource's `Properties`, in the API's
//! shape.

use super::FormOutput;
use crate::document::DocumentKind;
use crate::json::Node;

/// A cheap look at the text before choosing how to read YAML: a template names its format
/// version or has a `Resources` section.
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || text
            .lines()
            .any(|l| l.starts_with("Resources:") || l.trim_start().starts_with("\"Resources\""))
}

/// A template: `AWSTemplateFormatVersion`, or a `Resources` map whose entries have a `Type`
/// of `AWS::…` (or a macro's).
pub fn is_template(root: &Node<'_>) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    let Some(resources) = root.get("Resources").and_then(|r| r.as_object()) else {
        return false;
    };
    !resources.is_empty()
        && resources.iter().all(|r| {
            r.value
                .get("Type")
                .and_then(|t| t.as_str())
                .is_some_and(|t| t.contains("::"))
        })
}

/// The ECS documents of a template.
pub fn read<'s>(_text: &'s str, _root: &Node<'s>, _yaml: bool) -> FormOutput<'s> {
    FormOutput {
        kind: DocumentKind::CloudFormation,
        found: Vec::new(),
        problems: Vec::new(),
    }
}
