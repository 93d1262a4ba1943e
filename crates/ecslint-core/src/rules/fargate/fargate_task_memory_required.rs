use crate::rules::fargate::helpers::fargate_sizes;
use crate::rules::prelude::*;
use crate::rules::task::helpers::{cpu_label, task_cpu};

declare_rule! {
    /// ## What it does
    /// Reports a Fargate task definition without a task-level `memory`.
    ///
    /// ## Why is this bad?
    /// Fargate sizes each task from its task-level `cpu` and `memory`; container-level
    /// `memory` or `memoryReservation` do not replace them. RegisterTaskDefinition fails with
    /// "ClientException: Fargate requires that 'memory' be defined at the task level."
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Add `memory` with a value the task's cpu takes (the help lists them). No automatic
    /// fix: every cpu takes several memory sizes.
    pub FargateTaskMemoryRequired {
        id: "fargate-task-memory-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11824, 11824), quote: "If using the Fargate launch type, this field is required and you must use one of the following values. This determines your range of supported values for the cpu parameter." },
            Source::ErrorMessage { text: "ClientException: Fargate requires that 'memory' be defined at the task level.", seen_in: "aws/amazon-ecs-cli#982" },
        ],
    }
}

impl FargateTaskMemoryRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate || task.member("memory").is_some() {
            return;
        }
        let table = fargate_sizes();
        let help = match task_cpu(task).and_then(|c| table.tier(c)) {
            Some(tier) => format!(
                "add \"memory\"; with cpu {}, Fargate takes memory {}",
                cpu_label(tier.cpu),
                tier.memory_choices()
            ),
            None => format!(
                "add \"memory\" with a Fargate size: {}",
                table.summary(doc.facts.windows)
            ),
        };
        let anchor = task
            .member("requiresCompatibilities")
            .map_or(opening(task.range()), |m| m.key.range);
        out.report(
            &Self::META,
            anchor,
            "Fargate requires a task-level `memory`, and `memory` is not set",
        )
        .help(help)
        .pointer(format!("{}/memory", doc.task_pointer()));
    }
}
