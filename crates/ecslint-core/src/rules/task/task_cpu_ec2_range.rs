use crate::rules::prelude::*;
use crate::rules::task::helpers::{cpu_as_written, parse_cpu, size_value};

/// The smallest and largest task cpu on EC2 and EXTERNAL, in CPU units (current AWS docs;
/// the 2024 reference said 10240).
const MIN: u64 = 128;
const MAX: u64 = 196_608;

declare_rule! {
    /// ## What it does
    /// Reports a task-level `cpu` outside 128 to 196608 CPU units (0.125 to 192 vCPU) in a
    /// task definition for EC2 or EXTERNAL (and not Fargate, whose sizes
    /// `fargate-cpu-memory-combination` checks).
    ///
    /// ## Why is this bad?
    /// On EC2 the task cpu is optional, but when given it must lie in the supported range.
    /// The March 2024 reference gave 128 to 10240 units (10 vCPU); the current API
    /// documentation gives 128 to 196608 (192 vCPU), which this rule follows. The reference's
    /// `TaskDefinition` type also says "any value can be used" for EC2, so this is a
    /// warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "cpu": "64", "memory": "512", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "cpu": "128", "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Use 128 to 196608 CPU units, or leave the task `cpu` out and give the containers
    /// their own `cpu`.
    pub TaskCpuEc2Range {
        id: "task-cpu-ec2-range",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11730, 11730), quote: "If you're using the EC2 launch type, this field is optional. Supported values are between 128 CPU units (0.125 vCPUs) and 10240 CPU units (10 vCPUs)." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html", note: "current figure: between 128 CPU units (0.125 vCPUs) and 196608 CPU units (192 vCPUs) for the EC2 and external launch types" },
            Source::ApiReference { lines: (23823, 23823), quote: "If you use the EC2 launch type, this field is optional. Any value can be used." },
        ],
    }
}

impl TaskCpuEc2Range {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if doc.facts.fargate || !(doc.facts.ec2 || doc.facts.external) {
            return;
        }
        let Some(cpu) = size_value(task.cpu()) else {
            return;
        };
        let Ok(units) = parse_cpu(cpu.value()) else {
            return;
        };
        let written = cpu_as_written(cpu.value(), units);
        let message = if units < MIN {
            format!(
                "the task `cpu` {written} is below the EC2 minimum of 128 CPU units (0.125 vCPU)"
            )
        } else if units > MAX {
            format!(
                "the task `cpu` {written} is above the EC2 maximum of 196608 CPU units (192 vCPU)"
            )
        } else {
            return;
        };
        out.report(&Self::META, cpu.range(), message).help(
            "use 128 to 196608 CPU units (1024 = 1 vCPU), or leave the task \"cpu\" out on EC2",
        );
    }
}
