use crate::rules::fargate::helpers::{fargate_sizes, FargateSizes};
use crate::rules::prelude::*;
use crate::rules::task::helpers::{
    cpu_as_written, cpu_label, memory_as_written, memory_label, or_list, parse_cpu, parse_memory,
    size_value,
};

declare_rule! {
    /// ## What it does
    /// Checks the task-level `cpu` and `memory` of a Fargate task definition against the
    /// Fargate task size table: `cpu` must be one of Fargate's sizes, and `memory` one of the
    /// values that size allows. Every spelling the API accepts is read: `"1024"`, `"1 vCPU"`,
    /// `"1vcpu"`, `"0.25 vCPU"` for cpu, `"2048"`, `"2GB"`, `"2 GB"` for memory (1 GB =
    /// 1024 MiB).
    ///
    /// ## Why is this bad?
    /// Fargate runs a fixed set of task sizes. Any other pair fails RegisterTaskDefinition
    /// with "ClientException: No Fargate configuration exists for given values: 512 CPU, 512
    /// memory" (the console and CLI also say "Invalid 'cpu' setting for task"). The table:
    ///
    /// | cpu | memory (MiB) |
    /// |---|---|
    /// | 256 (0.25 vCPU) | 512, 1024, 2048 |
    /// | 512 (0.5 vCPU) | 1024 to 4096 in steps of 1024 |
    /// | 1024 (1 vCPU) | 2048 to 8192 in steps of 1024 |
    /// | 2048 (2 vCPU) | 4096 to 16384 in steps of 1024 |
    /// | 4096 (4 vCPU) | 8192 to 30720 in steps of 1024 |
    /// | 8192 (8 vCPU) | 16384 to 61440 in steps of 4096 |
    /// | 16384 (16 vCPU) | 32768 to 122880 in steps of 8192 |
    /// | 32768 (32 vCPU) | 61440, 122880, 249856 (Linux only) |
    ///
    /// The 32 vCPU size came in 2026, after the 2024 API reference: cfn-lint 1.58's table
    /// (`fargate_cpu_memory.json`) and AWS's task size page list it; the newer source decides.
    /// The table lives in `data/fargate-task-sizes.json`. A cpu value Fargate does not have is
    /// reported at `cpu` (naming the sizes, and those that take the given memory); a valid cpu
    /// with a memory it does not take is reported at `memory` (naming the memory values for
    /// that cpu, and the cpu values that take the given memory). A missing `cpu` or `memory`
    /// is `fargate-task-cpu-required` / `fargate-task-memory-required`, and the Windows limits
    /// are `fargate-windows-min-1-vcpu` and `fargate-8-16-vcpu-linux-pv-1-4`.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "4096", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "512", "memory": "4096", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Pick a pair from the table: keep the memory and raise the cpu, or keep the cpu and
    /// change the memory. There is no automatic fix: which of the two to change is a
    /// question of cost and need.
    pub FargateCpuMemoryCombination {
        id: "fargate-cpu-memory-combination",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11732, 11748), quote: "If you're using the Fargate launch type, this field is required and you must use one of the following values, which determines your range of supported values for the memory parameter:" },
            Source::ApiReference { lines: (11824, 11839), quote: "If using the Fargate launch type, this field is required and you must use one of the following values. This determines your range of supported values for the cpu parameter." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html", note: "the current table (same seven sizes as the 2024 reference), the OS each size supports, and the error 'Invalid 'cpu' setting for task'" },
            Source::ErrorMessage { text: "ClientException: No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid values.", seen_in: "towardsthecloud/aws-cdk-examples#1" },
            Source::ErrorMessage { text: "ClientException: No Fargate configuration exists for given values.", seen_in: "aws/amazon-ecs-cli#463" },
            Source::Peer { tool: "cfn-lint", rule: "E3047 (1.58.0's fargate_cpu_memory.json has the 32 vCPU tier)" },
        ],
    }
}

impl FargateCpuMemoryCombination {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate {
            return;
        }
        let table = fargate_sizes();
        let windows = doc.facts.windows;
        let cpu = size_value(task.cpu());
        let memory = size_value(task.memory());
        let memory_mib = memory.and_then(|m| parse_memory(m.value()).ok());

        let tier = match cpu {
            None => None,
            Some(cpu) => match parse_cpu(cpu.value()) {
                Err(bad) => {
                    out.report(
                        &Self::META,
                        cpu.range(),
                        format!(
                            "the task `cpu` is not a size Fargate can read: {}",
                            bad.reason
                        ),
                    )
                    .help(format!(
                        "{}; Fargate takes cpu {}{}",
                        bad.help,
                        table.cpu_choices(windows),
                        memory_hint(table, memory_mib, windows)
                    ));
                    None
                }
                Ok(units) => match table.tier(units) {
                    Some(tier) => Some((cpu, tier)),
                    None => {
                        out.report(
                            &Self::META,
                            cpu.range(),
                            format!(
                                "`cpu` {} is not a Fargate task size",
                                cpu_as_written(cpu.value(), units)
                            ),
                        )
                        .help(format!(
                            "use cpu {}{}",
                            table.cpu_choices(windows),
                            memory_hint(table, memory_mib, windows)
                        ));
                        None
                    }
                },
            },
        };

        let Some(memory) = memory else {
            return;
        };
        let mib = match parse_memory(memory.value()) {
            Ok(mib) => mib,
            Err(bad) => {
                let with = match tier {
                    Some((_, t)) => format!(
                        "with cpu {}, Fargate takes memory {}",
                        cpu_label(t.cpu),
                        t.memory_choices()
                    ),
                    None => format!("Fargate sizes: {}", table.summary(windows)),
                };
                out.report(
                    &Self::META,
                    memory.range(),
                    format!(
                        "the task `memory` is not a size Fargate can read: {}",
                        bad.reason
                    ),
                )
                .help(format!("{}; {with}", bad.help));
                return;
            }
        };
        match tier {
            Some((_, t)) if t.allows(mib) => {}
            Some((cpu, t)) => {
                let mut help = format!("with cpu {}, use memory {}", t.cpu, t.memory_choices());
                if let Some((below, above)) = t.neighbours(mib) {
                    help.push_str(&format!("; the nearest are {below} and {above}"));
                }
                let cpus = table.cpus_for_memory(mib, windows);
                if cpus.is_empty() {
                    help.push_str(&format!("; no Fargate cpu takes {}", memory_label(mib)));
                } else {
                    let labels: Vec<String> = cpus.iter().map(|c| cpu_label(*c)).collect();
                    help.push_str(&format!(
                        "; or keep {} and use cpu {}",
                        memory_label(mib),
                        or_list(&labels)
                    ));
                }
                let cpu_units = t.cpu;
                out.report(
                    &Self::META,
                    memory.range(),
                    format!(
                        "Fargate has no task size with `memory` {} and `cpu` {}",
                        memory_as_written(memory.value(), mib),
                        cpu_as_written(cpu.value(), cpu_units)
                    ),
                )
                .help(help)
                .related(cpu.range(), "the task cpu is set here");
            }
            None => {
                if table.cpus_for_memory(mib, false).is_empty() {
                    out.report(
                        &Self::META,
                        memory.range(),
                        format!(
                            "`memory` {} is not a Fargate task size with any cpu",
                            memory_as_written(memory.value(), mib)
                        ),
                    )
                    .help(format!("Fargate sizes: {}", table.summary(windows)));
                }
            }
        }
    }
}

/// "; with memory 4096 MiB (4 GB), use cpu 512, 1024 or 2048", when some cpu takes it.
fn memory_hint(table: &FargateSizes, memory: Option<u64>, windows: bool) -> String {
    let Some(mib) = memory else {
        return String::new();
    };
    let cpus = table.cpus_for_memory(mib, windows);
    if cpus.is_empty() {
        return String::new();
    }
    let labels: Vec<String> = cpus.iter().map(|c| cpu_label(*c)).collect();
    format!(
        "; with memory {}, use cpu {}",
        memory_label(mib),
        or_list(&labels)
    )
}
