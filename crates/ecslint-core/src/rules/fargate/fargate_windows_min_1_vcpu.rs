use crate::rules::fargate::helpers::fargate_sizes;
use crate::rules::prelude::*;
use crate::rules::task::helpers::{
    cpu_as_written, cpu_label, memory_label, or_list, parse_cpu, size_value, task_memory,
};

declare_rule! {
    /// ## What it does
    /// Reports a Fargate task definition for Windows containers
    /// (`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*` value) whose task
    /// `cpu` is below 1 vCPU (1024 CPU units).
    ///
    /// ## Why is this bad?
    /// Fargate runs Windows containers only at 1, 2 and 4 vCPU: the 0.25 and 0.5 vCPU sizes
    /// are Linux-only. The reference states the limit but not the error, so this is a warning
    /// rather than an error; the task cannot run as written either way.
    ///
    /// ## Example
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "cpu": "512", "memory": "4096", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "cpu": "1024", "memory": "4096", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Raise `cpu` to 1024, 2048 or 4096 and pick a memory value that size takes.
    pub FargateWindowsMin1Vcpu {
        id: "fargate-windows-min-1-vcpu",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11734, 11734), quote: "The CPU units cannot be less than 1 vCPU when you use Windows containers on Fargate." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html", note: "the table lists Windows only for 1, 2 and 4 vCPU" },
        ],
    }
}

impl FargateWindowsMin1Vcpu {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate || !doc.facts.windows {
            return;
        }
        let Some(cpu) = size_value(task.cpu()) else {
            return;
        };
        let Ok(units) = parse_cpu(cpu.value()) else {
            return;
        };
        let table = fargate_sizes();
        if units >= table.windows_min_cpu {
            return;
        }
        let mut help = format!("use cpu {}", table.cpu_choices(true));
        if let Some(mib) = task_memory(task) {
            let cpus = table.cpus_for_memory(mib, true);
            if !cpus.is_empty() {
                let labels: Vec<String> = cpus.iter().map(|c| cpu_label(*c)).collect();
                help.push_str(&format!(
                    "; with memory {}, use cpu {}",
                    memory_label(mib),
                    or_list(&labels)
                ));
            }
        }
        let d = out
            .report(
                &Self::META,
                cpu.range(),
                format!(
                    "Windows containers on Fargate need at least 1 vCPU, and the task `cpu` is {}",
                    cpu_as_written(cpu.value(), units)
                ),
            )
            .help(help);
        if let Some(os) = task
            .runtime_platform()
            .and_then(|p| p.operating_system_family())
        {
            d.related(os.range(), "the task runs Windows containers");
        }
    }
}
