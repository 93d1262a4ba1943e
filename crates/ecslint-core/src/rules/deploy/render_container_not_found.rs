use crate::rules::deploy::helpers::{containers_help, place, related_evidence};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container that a GitHub workflow's render step
    /// (`aws-actions/amazon-ecs-render-task-definition`, `container-name`) fills in this task
    /// definition, but which the task definition does not have.
    ///
    /// ## Why is this bad?
    /// The render step looks the container up by its exact name and fails the workflow ("Invalid
    /// task definition: Could not find container definition with matching name"), so nothing
    /// deploys. It happens when a container is renamed in the task definition and the workflow
    /// is left behind. The step is found in the repository's workflows (see `ecslint check
    /// --verbose` and the report's `deployer`).
    ///
    /// ## Example
    /// A workflow step `container-name: web` and a task definition whose only container is
    /// `"name": "app"`.
    ///
    /// ## Fix
    /// Rename the container back, or change `container-name` in the workflow.
    pub RenderContainerNotFound {
        id: "render-container-not-found",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Tool {
            tool: "aws-actions/amazon-ecs-render-task-definition",
            version: "v1.9.0 (138c24f3)",
            url: "https://github.com/aws-actions/amazon-ecs-render-task-definition/blob/138c24f321fdbdf7edee4a685519d253cae2cdea/index.js",
            note: "containerDef = taskDefContents.containerDefinitions.find(element => element.name == contName); if not found: \"Invalid task definition: Could not find container definition with matching name\" (lines 115-119)",
        }],
    }
}

impl RenderContainerNotFound {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let names: Vec<&str> = doc
            .container_definitions
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|c| c.name().map(|n| n.value()))
            .collect();
        if names.iter().any(|n| is_placeholder(n)) {
            return;
        }
        let anchor = task
            .member("containerDefinitions")
            .map_or(opening(task.range()), |m| m.key.range);
        for deployment in &doc.deployments.list {
            for step in &deployment.rendered {
                for wanted in &step.containers {
                    if names.contains(&wanted.as_str()) {
                        continue;
                    }
                    let help = containers_help(wanted, &names);
                    let d = out
                        .report(&Self::META, anchor, format!("the render step at {} fills container `{wanted}`, which this task definition does not have: the workflow fails with \"Could not find container definition with matching name\"", place(&step.evidence)))
                        .help(format!("{help}; rename the container, or change `container-name` in the workflow"));
                    related_evidence(d, &step.evidence, format!("`container-name: {wanted}`"));
                }
            }
        }
    }
}
