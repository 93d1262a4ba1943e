use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task-level `cpu` or `memory` in a task definition for Windows containers on
    /// EC2 or EXTERNAL instances when a container has no value of its own for it.
    ///
    /// ## Why is this bad?
    /// "Task-level CPU and memory parameters are ignored for Windows containers": on Windows
    /// instances the containers get only what their own `cpu` and `memory` say. A container
    /// without them is not limited by the task value. (On Fargate the task size is required
    /// and used, so this is not reported there.)
    ///
    /// ## Example
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["EC2"], "cpu": "1024", "memory": "2048",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["EC2"],
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 1024, "memory": 2048 }] }
    /// ```
    ///
    /// ## Fix
    /// Set `cpu` and `memory` on each Windows container.
    pub WindowsTaskLevelResourcesIgnored {
        id: "windows-task-level-resources-ignored",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11728, 11728), quote: "Task-level CPU and memory parameters are ignored for Windows containers. We recommend specifying container-level resources for Windows containers." },
        ],
    }
}

impl WindowsTaskLevelResourcesIgnored {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.windows || doc.facts.fargate || !(doc.facts.ec2 || doc.facts.external) {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (field, value, container_fields) in [
            ("cpu", task.cpu(), &["cpu"][..]),
            (
                "memory",
                task.memory(),
                &["memory", "memoryReservation"][..],
            ),
        ] {
            let Some(value) = value else {
                continue;
            };
            let bare: Vec<&str> = containers
                .values()
                .filter(|c| container_fields.iter().all(|f| c.member(f).is_none()))
                .map(|c| c.name().map_or("?", |n| n.value()))
                .collect();
            if bare.is_empty() {
                continue;
            }
            let names: Vec<String> = bare.iter().map(|n| format!("`{n}`")).collect();
            out.report(&Self::META, value.range(), format!("Windows containers ignore the task-level `{field}`, and container {} sets no `{field}` of its own", names.join(", ")))
                .help(format!("set \"{field}\" on each Windows container"));
        }
    }
}
