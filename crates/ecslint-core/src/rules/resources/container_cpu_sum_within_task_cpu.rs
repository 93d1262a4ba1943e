use crate::rules::prelude::*;
use crate::rules::task::helpers::{cpu_label, parse_cpu, size_value};

declare_rule! {
    /// ## What it does
    /// Reports containers whose `cpu` values add up to more than the task-level `cpu` (read in
    /// CPU units or vCPUs, as the API reads it).
    ///
    /// ## Why is this bad?
    /// Container `cpu` values are shares of the task's CPU. RegisterTaskDefinition fails with
    /// "ClientException: The sum of all container 'cpu' values cannot be greater than the
    /// value of the task 'cpu'." Equal values are accepted. This often happens when a sidecar
    /// (log router, agent, proxy) is added next to a container that already claims the whole
    /// task cpu.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "cpu": "256", "memory": "512", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1", "cpu": 256 },
    ///   { "name": "log-router", "image": "fluent-bit:3", "cpu": 64 } ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "cpu": "256", "memory": "512", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1", "cpu": 192 },
    ///   { "name": "log-router", "image": "fluent-bit:3", "cpu": 64 } ] }
    /// ```
    ///
    /// ## Fix
    /// Lower the containers' `cpu` (or leave it out on the main container: it then uses what
    /// the others leave), or raise the task's `cpu`.
    pub ContainerCpuSumWithinTaskCpu {
        id: "container-cpu-sum-within-task-cpu",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18927, 18927), quote: "the total amount of CPU reserved for all containers within a task be lower than the task-level cpu value." },
            Source::ErrorMessage { text: "ClientException: The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.", seen_in: "aws/aws-cdk#24629" },
        ],
    }
}

impl ContainerCpuSumWithinTaskCpu {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(task_cpu) = size_value(task.cpu()) else {
            return;
        };
        let Ok(limit) = parse_cpu(task_cpu.value()) else {
            return;
        };
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let cpus: Vec<Int<'a>> = containers
            .values()
            .filter_map(|c| c.cpu())
            .filter(|c| c.value() > 0)
            .collect();
        let sum: u64 = cpus
            .iter()
            .map(|c| u64::try_from(c.value()).unwrap_or(0))
            .sum();
        if sum <= limit {
            return;
        }
        let what = if cpus.len() == 1 {
            format!("the container `cpu` is {sum} units")
        } else {
            format!("the containers' `cpu` values add up to {sum} units")
        };
        let d = out
            .report(&Self::META, task_cpu.range(), format!("{what}, more than the task's cpu of {}", cpu_label(limit)))
            .help(format!("lower the containers' \"cpu\" to {limit} units in total (a container without \"cpu\" uses what the others leave), or raise the task's \"cpu\""));
        for c in &cpus {
            d.related(c.range(), format!("{} units here", c.value()));
        }
    }
}
