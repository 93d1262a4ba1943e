use crate::rules::prelude::*;
use crate::rules::task::helpers::{parse_cpu, size_value};

declare_rule! {
    /// ## What it does
    /// Reports a task-level `cpu` that is neither a whole number of CPU units (`"1024"`) nor
    /// a vCPU count (`"1 vCPU"`, `"1vcpu"`, `"0.25 vCPU"`).
    ///
    /// ## Why is this bad?
    /// The API converts the vCPU form to CPU units at registration (1 vCPU = 1024 units) and
    /// reads nothing else; `"2 vCPUs"` or `"1 core"` is not a size. The reference states the
    /// accepted forms but not the error, so this is a warning. On Fargate the same value is
    /// reported by `fargate-cpu-memory-combination`, which also names the valid sizes.
    ///
    /// ## Example
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "cpu": "2 cores", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "cpu": "2 vCPU", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Write CPU units as a number, or vCPUs with the unit `vCPU`.
    pub TaskCpuFormat {
        id: "task-cpu-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11724, 11724), quote: "It can be expressed as an integer using CPU units (for example, 1024) or as a string using vCPUs (for example, 1 vCPU or 1 vcpu) in a task definition." },
        ],
    }
}

impl TaskCpuFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if doc.facts.fargate {
            return;
        }
        let Some(cpu) = size_value(task.cpu()) else {
            return;
        };
        if let Err(bad) = parse_cpu(cpu.value()) {
            out.report(
                &Self::META,
                cpu.range(),
                format!("the task `cpu` is not a size the API reads: {}", bad.reason),
            )
            .help(bad.help);
        }
    }
}
