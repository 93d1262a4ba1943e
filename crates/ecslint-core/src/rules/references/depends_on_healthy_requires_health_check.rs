use crate::rules::prelude::*;
use crate::rules::references::helpers::Containers;

declare_rule! {
    /// ## What it does
    /// Reports a `dependsOn` entry with condition `HEALTHY` whose target container has no
    /// `healthCheck`.
    ///
    /// ## Why is this bad?
    /// `HEALTHY` waits for the target's container health check to pass. A container without
    /// a `healthCheck` in the task definition never reports a health status (a `HEALTHCHECK`
    /// in the image is not used by ECS), so the dependent container never starts and the
    /// task stays in PENDING. The API reference states the requirement but no rejection
    /// message for it has been seen, so this is a warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoy", "condition": "HEALTHY" }] },
    ///  { "name": "envoy", "image": "envoy:1" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoy", "condition": "HEALTHY" }] },
    ///  { "name": "envoy", "image": "envoy:1",
    ///    "healthCheck": { "command": ["CMD-SHELL", "curl -s http://localhost:9901/ready || exit 1"] } }]
    /// ```
    ///
    /// ## Fix
    /// Give the target container a `healthCheck`, or wait for `START` instead.
    pub DependsOnHealthyRequiresHealthCheck {
        id: "depends-on-healthy-requires-health-check",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19485, 19485), quote: "This requires that the dependent container has health checks configured." },
        ],
    }
}

impl DependsOnHealthyRequiresHealthCheck {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        for c in &containers.all {
            let Some(deps) = c.def.depends_on() else {
                continue;
            };
            for dep in deps.values() {
                let (Some(target), Some(condition)) = (dep.container_name(), dep.condition())
                else {
                    continue;
                };
                if condition.value() != "HEALTHY" {
                    continue;
                }
                let Some(t) = containers.find(target.value()) else {
                    continue;
                };
                if t.def.get("healthCheck").is_some_and(|n| !n.is_null()) {
                    continue;
                }
                out.report(&Self::META, condition.range(), format!("container `{}` waits for `{}` to be HEALTHY, but `{}` has no `healthCheck`, so it never becomes healthy", c.name(), t.name(), t.name()))
                    .help(format!("add a healthCheck to `{}`, or wait for START instead", t.name()))
                    .related(t.name.range(), format!("`{}` is declared here", t.name()));
            }
        }
    }
}
