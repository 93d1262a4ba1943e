//! Keys in another letter case, for deployers that match them to the API's members in any
//! case (Go's `encoding/json`: ecspresso, Terraform's provider). `Image` there is `image`:
//! the rules must see `image`, and the user hears once that the API spells it otherwise.
//!
//! [`normalize`] renames such keys in the tree (the key keeps its range, so findings and fixes
//! still point at what is written) and returns what it renamed.

use std::borrow::Cow;

use crate::document::DocumentKind;
use crate::json::{Node, Value};
use crate::model::{
    Shape, Type, CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST, REGISTER_TASK_DEFINITION_REQUEST,
    UPDATE_SERVICE_REQUEST,
};
use crate::text::TextRange;

/// A key renamed to the API's spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// Where the key is written (quotes included).
    pub range: TextRange,
    pub written: String,
    pub api: &'static str,
    /// Another key of the same object names the same field (in any case): renaming this one
    /// would repeat a key.
    pub repeated: bool,
}

/// Renames the keys of `root` that name a member of the document's shape in another letter
/// case. Keys that already match, keys of maps (`dockerLabels`, `options`) and keys that match
/// nothing are left as they are.
pub fn normalize(root: &mut Node<'_>, kind: DocumentKind) -> Vec<Renamed> {
    let mut renamed = Vec::new();
    match kind {
        DocumentKind::TaskDefinition => {
            structure(root, &REGISTER_TASK_DEFINITION_REQUEST, &mut renamed)
        }
        DocumentKind::DescribeTaskDefinition => {
            let wrapped = root.as_object().is_some_and(|m| {
                m.iter()
                    .any(|m| m.key.name.eq_ignore_ascii_case("taskDefinition"))
            });
            if let (true, Value::Object(members)) = (wrapped, &mut root.value) {
                for m in members.iter_mut() {
                    if m.key.name.eq_ignore_ascii_case("taskDefinition") {
                        structure(
                            &mut m.value,
                            &REGISTER_TASK_DEFINITION_REQUEST,
                            &mut renamed,
                        );
                    }
                }
            } else {
                structure(root, &REGISTER_TASK_DEFINITION_REQUEST, &mut renamed);
            }
        }
        DocumentKind::ContainerDefinitions => {
            if let Value::Array(items) = &mut root.value {
                for item in items {
                    structure(item, &CONTAINER_DEFINITION, &mut renamed);
                }
            }
        }
        DocumentKind::ContainerDefinition => structure(root, &CONTAINER_DEFINITION, &mut renamed),
        DocumentKind::Service => structure(root, &CREATE_SERVICE_REQUEST, &mut renamed),
        DocumentKind::UpdateService => structure(root, &UPDATE_SERVICE_REQUEST, &mut renamed),
        DocumentKind::CloudFormation | DocumentKind::Terraform | DocumentKind::Unknown => {}
    }
    renamed
}

fn structure(node: &mut Node<'_>, shape: &'static Shape, renamed: &mut Vec<Renamed>) {
    let Value::Object(members) = &mut node.value else {
        return;
    };
    let names: Vec<String> = members.iter().map(|m| m.key.name.to_string()).collect();
    // A key already spelled as the API spells it wins over a case variant of it.
    let exact: Vec<bool> = members
        .iter()
        .map(|m| shape.member(&m.key.name).is_some())
        .collect();
    for (i, member) in members.iter_mut().enumerate() {
        let def = if exact[i] {
            shape.member(&member.key.name)
        } else {
            let found = shape
                .members
                .iter()
                .find(|d| d.name.eq_ignore_ascii_case(&member.key.name));
            if let Some(d) = found {
                let repeated = names
                    .iter()
                    .filter(|n| n.eq_ignore_ascii_case(d.name))
                    .count()
                    > 1;
                renamed.push(Renamed {
                    range: member.key.range,
                    written: member.key.name.to_string(),
                    api: d.name,
                    repeated,
                });
                member.key.name = Cow::Borrowed(d.name);
            }
            found
        };
        if let Some(def) = def {
            value(&mut member.value, def.ty, renamed);
        }
    }
}

fn value(node: &mut Node<'_>, ty: &'static Type, renamed: &mut Vec<Renamed>) {
    match ty {
        Type::Structure(shape) => structure(node, shape, renamed),
        Type::List { member, .. } => {
            if let Value::Array(items) = &mut node.value {
                for item in items {
                    value(item, member, renamed);
                }
            }
        }
        // Map keys are the user's own (labels, log options): never renamed.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn renames_case_variants_and_keeps_ranges() {
        let text = r#"[{"NAME": "a", "Image": "b", "PortMappings": [{"ContainerPort": 80}], "dockerLabels": {"Key": "v"}, "foo": 1}]"#;
        let mut root = json::parse(text).root.unwrap();
        let renamed = normalize(&mut root, DocumentKind::ContainerDefinitions);
        let names: Vec<(&str, &str)> = renamed
            .iter()
            .map(|r| (r.written.as_str(), r.api))
            .collect();
        assert_eq!(
            names,
            [
                ("NAME", "name"),
                ("Image", "image"),
                ("PortMappings", "portMappings"),
                ("ContainerPort", "containerPort")
            ]
        );
        assert_eq!(
            &text[renamed[1].range.start..renamed[1].range.end],
            "\"Image\""
        );
        let first = &root.as_array().unwrap()[0];
        assert_eq!(first.get("image").unwrap().as_str(), Some("b"));
        assert!(first.get("dockerLabels").unwrap().get("Key").is_some());
        assert!(first.get("foo").is_some());
    }

    #[test]
    fn an_exact_key_wins_over_its_case_variant() {
        let mut root = json::parse(r#"{"name": "a", "NAME": "b"}"#).root.unwrap();
        let renamed = normalize(&mut root, DocumentKind::ContainerDefinition);
        assert_eq!(renamed.len(), 1);
        assert!(renamed[0].repeated);
    }
}
