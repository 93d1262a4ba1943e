use crate::rules::prelude::*;
use crate::rules::references::helpers::{report_unresolved, Containers, Target};

declare_rule! {
    /// ## What it does
    /// Reports a `dependsOn[].containerName` that names no container of the task definition.
    ///
    /// ## Why is this bad?
    /// A container can only wait for another container of the same task. RegisterTaskDefinition
    /// rejects an unknown name with "ClientException: Cannot depend on container + 'sidecar'
    /// because it does not exist". It happens after renaming a container, or when a tool
    /// registers a subset of the containers.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoi", "condition": "START" }] },
    ///  { "name": "envoy", "image": "envoy:1" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoy", "condition": "START" }] },
    ///  { "name": "envoy", "image": "envoy:1" }]
    /// ```
    ///
    /// ## Fix
    /// Name an existing container (the help lists them and suggests the closest), or add the
    /// missing container. The offered fix replaces a near-miss with the closest name; it is
    /// unsafe because another container may have been meant.
    pub DependsOnTargetExists {
        id: "depends-on-target-exists",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (18978, 18978), quote: "A container can contain multiple dependencies on other containers in a task definition." },
            Source::ErrorMessage { text: "ClientException: Cannot depend on container + 'sidecar-container' because it does not exist", seen_in: "eagletmt/hako#99" },
            Source::ErrorMessage { text: "ClientException: Cannot depend on container + 'Daemon_ResolvConf_InitContainer' because it does not exist", seen_in: "dagster-io/dagster#6926" },
        ],
    }
}

impl DependsOnTargetExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        if containers.templated {
            return;
        }
        let candidates = containers.candidates();
        for c in &containers.all {
            let Some(deps) = c.def.depends_on() else {
                continue;
            };
            for dep in deps.values() {
                let Some(target) = dep.container_name() else {
                    continue;
                };
                let name = target.value();
                if is_placeholder(name) || containers.find(name).is_some() {
                    continue;
                }
                report_unresolved(
                    out,
                    &Self::META,
                    target.range(),
                    format!("container `{}` depends on `{name}`, which is not a container of this task definition", c.name()),
                    name,
                    &Target { kind: "container", candidates: &candidates, exclude: Some(c.name()) },
                    str::to_owned,
                );
            }
        }
    }
}
