use crate::deploy::Deployer;
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an empty string that the ECS deploy GitHub action removes before registering, in
    /// a place where its absence changes what the container does: an argument of `command` or
    /// `entryPoint` (the arguments after it shift: `["sh", "-c", ""]` becomes `["sh", "-c"]`),
    /// a Docker label or a log option whose value is empty (the label or option disappears).
    ///
    /// ## Why is this bad?
    /// The action removes every `""`, `null`, empty array and empty object of the file,
    /// recursively, and filters empty elements out of arrays (`cleanNullKeys`, index.js lines
    /// 321-378 of v2.6.3); only keys named in its `keep-null-value-keys` input (v2.4.0+) are
    /// spared. The task definition registers, but not as written. `environment` values are not
    /// reported: the action gives an entry without `value` the value `""` again.
    ///
    /// ## Example
    /// ```json
    /// { "name": "job", "image": "busybox", "command": ["sh", "-c", "", "echo done"] }
    /// ```
    ///
    /// ## Fix
    /// Remove the empty argument (or write what it stands for), or name the key in the
    /// action's `keep-null-value-keys` input (`keep-null-value-keys: command`).
    pub DeployActionRemovesEmptyValue {
        id: "deploy-action-removes-empty-value",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::Tool {
            tool: "aws-actions/amazon-ecs-deploy-task-definition",
            version: "v2.6.3 (c465972e)",
            url: "https://github.com/aws-actions/amazon-ecs-deploy-task-definition/blob/c465972ecbd160473f22e683363b422a5412a3de/index.js",
            note: "cleanNullKeys: isEmptyValue and the JSON.stringify replacer remove empty values and filter empty array elements (lines 321-378); keep-null-value-keys exempts keys (555-560)",
        }],
    }
}

/// Arrays whose elements are positional: removing one shifts the others.
const ARGUMENT_LISTS: &[&str] = &["command", "entryPoint"];

impl DeployActionRemovesEmptyValue {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(deployment) = doc.deployments.list.iter().find(|d| {
            matches!(
                d.deployer,
                Deployer::EcsDeployAction | Deployer::EcsDeployActionV1
            )
        }) else {
            return;
        };
        let kept = |key: &str| deployment.keep_empty_keys.iter().any(|k| k == key);
        for (i, c) in containers(doc) {
            let label = container_label(i, c);
            for key in ARGUMENT_LISTS {
                if kept(key) {
                    continue;
                }
                let Some(items) = c.get(key).and_then(Node::as_array) else {
                    continue;
                };
                let last = items.len().saturating_sub(1);
                for (j, item) in items.iter().enumerate() {
                    if item.as_str() != Some("") {
                        continue;
                    }
                    let shift = if j < last {
                        "the arguments after it shift"
                    } else {
                        "the command loses its last argument"
                    };
                    out.report(&Self::META, item.range, format!("the ECS deploy GitHub action removes this empty argument of `{key}` before registering: {shift} ({label})"))
                        .help(format!("remove it, or write what it stands for; to keep it, add `keep-null-value-keys: {key}` to the action's inputs"));
                }
            }
            let maps = [
                ("dockerLabels", c.get("dockerLabels")),
                (
                    "options",
                    c.get("logConfiguration").and_then(|l| l.get("options")),
                ),
                (
                    "options",
                    c.get("firelensConfiguration")
                        .and_then(|l| l.get("options")),
                ),
            ];
            for (key, map) in maps {
                if kept(key) {
                    continue;
                }
                for m in map.and_then(Node::as_object).unwrap_or_default() {
                    if m.value.as_str() == Some("") && !kept(&m.key.name) {
                        out.report(&Self::META, m.value.range, format!("the ECS deploy GitHub action removes `{}` before registering, because its value is empty: it is not set ({label})", m.key.name))
                            .help(format!("give it a value, or remove it; to keep it empty, add `keep-null-value-keys: {}` to the action's inputs", m.key.name));
                    }
                }
            }
        }
    }
}
