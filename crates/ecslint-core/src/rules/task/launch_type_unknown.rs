use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Says once per task definition when the launch type is neither declared
    /// (`requiresCompatibilities`) nor assumed (`[assume] launch-type` in `ecslint.toml`), so
    /// that the checks that depend on it were skipped.
    ///
    /// ## Why is this bad?
    /// Much of what RegisterTaskDefinition validates depends on where the task runs: the
    /// Fargate task sizes, `awsvpc`, the parameters Fargate does not support, the EC2 task cpu
    /// range. ecslint does not guess: without a launch type those checks stay quiet, and a
    /// task definition that fails on Fargate may look clean. Declaring
    /// `requiresCompatibilities` also makes the API validate the task definition for that
    /// launch type at registration, instead of when a task or service first uses it.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["EC2"],
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }] }
    /// ```
    ///
    /// ## Fix
    /// Add `"requiresCompatibilities": ["FARGATE"]` (or `EC2`, `EXTERNAL`,
    /// `MANAGED_INSTANCES`), or, for files that are rendered or registered by another tool,
    /// set `launch-type = "FARGATE"` under `[assume]` in `ecslint.toml`.
    pub LaunchTypeUnknown {
        id: "launch-type-unknown",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11915, 11915), quote: "The task launch type that Amazon ECS validates the task definition against. A client exception is returned if the task definition doesn't validate against the compatibilities specified." },
        ],
    }
}

impl LaunchTypeUnknown {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.kind.is_task_definition() || doc.task_definition.is_none() {
            return;
        }
        if doc.facts.launch_type_known() || doc.facts.launch_type_declared {
            return;
        }
        if doc.container_definitions.is_none_or(|c| c.is_empty()) {
            return;
        }
        out.report(&Self::META, opening(doc.root.range), "the launch type is not known, so the Fargate and EC2 checks were skipped (Fargate task sizes, awsvpc and the parameters Fargate does not support, the EC2 task cpu range)")
            .help("declare it with \"requiresCompatibilities\": [\"FARGATE\"] (or \"EC2\", \"EXTERNAL\"), or set launch-type = \"FARGATE\" under [assume] in ecslint.toml")
            .pointer(format!("{}/requiresCompatibilities", doc.task_pointer()));
    }
}
