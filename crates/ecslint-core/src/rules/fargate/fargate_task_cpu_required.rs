use crate::rules::fargate::helpers::fargate_sizes;
use crate::rules::prelude::*;
use crate::rules::task::helpers::{cpu_label, memory_label, or_list, task_memory};

declare_rule! {
    /// ## What it does
    /// Reports a Fargate task definition without a task-level `cpu`.
    ///
    /// ## Why is this bad?
    /// Fargate sizes each task from its task-level `cpu` and `memory`; container-level
    /// values do not replace them. RegisterTaskDefinition fails with "ClientException:
    /// Fargate requires that 'cpu' be defined at the task level."
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "memory": "512", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Add `cpu` with a Fargate size that takes the task's memory. When exactly one size does
    /// (memory 512 MiB only fits cpu 256), an unsafe fix adds it: the size sets the bill.
    pub FargateTaskCpuRequired {
        id: "fargate-task-cpu-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11732, 11732), quote: "If you're using the Fargate launch type, this field is required and you must use one of the following values, which determines your range of supported values for the memory parameter:" },
            Source::ErrorMessage { text: "ClientException: Fargate requires that 'cpu' be defined at the task level.", seen_in: "mongodb/terraform-aws-ecs-task-definition#38" },
        ],
    }
}

impl FargateTaskCpuRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate || task.member("cpu").is_some() {
            return;
        }
        let table = fargate_sizes();
        let windows = doc.facts.windows;
        let cpus = task_memory(task)
            .map(|mib| (mib, table.cpus_for_memory(mib, windows)))
            .filter(|(_, cpus)| !cpus.is_empty());
        let help = match &cpus {
            Some((mib, cpus)) => {
                let labels: Vec<String> = cpus.iter().map(|c| cpu_label(*c)).collect();
                format!(
                    "add \"cpu\"; with memory {}, Fargate takes cpu {}",
                    memory_label(*mib),
                    or_list(&labels)
                )
            }
            None => format!(
                "add \"cpu\" with one of the Fargate sizes: {}",
                table.cpu_choices(windows)
            ),
        };
        let anchor = task
            .member("requiresCompatibilities")
            .map_or(opening(task.range()), |m| m.key.range);
        let d = out
            .report(
                &Self::META,
                anchor,
                "Fargate requires a task-level `cpu`, and `cpu` is not set",
            )
            .help(help)
            .pointer(format!("{}/cpu", doc.task_pointer()));
        if let (Some((_, cpus)), Some(memory)) = (&cpus, task.member("memory")) {
            if let [only] = cpus.as_slice() {
                d.fix(Fix::unsafe_(
                    format!("add \"cpu\": \"{only}\""),
                    vec![insert_member_before(
                        doc.text,
                        memory,
                        &format!("\"cpu\": \"{only}\""),
                    )],
                ));
            }
        }
    }
}
