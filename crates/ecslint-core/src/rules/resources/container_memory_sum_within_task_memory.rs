use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;
use crate::rules::task::helpers::{memory_label, parse_memory, size_value};

declare_rule! {
    /// ## What it does
    /// Compares the containers' memory with the task-level `memory` (read in MiB or GB, as
    /// the API reads it):
    /// - a container whose `memory` (hard limit) is above the task's memory;
    /// - `memoryReservation` values that add up to more than the task's memory;
    /// - as a warning, the memory reserved by all containers (`memoryReservation`, else
    ///   `memory`) adding up to more than the task's memory.
    ///
    /// ## Why is this bad?
    /// The containers share the task's memory. RegisterTaskDefinition fails with
    /// "ClientException: The 'memory' setting for container 'app' is greater than for the
    /// task." and "ClientException: The sum of all container 'memoryReservation' values cannot
    /// be greater than the value of the task 'memory'." Equal values are accepted. The
    /// reference also says the total reserved (a container's `memory` counts when it has no
    /// reservation) "must be lower than the task memory value"; that case has not been seen
    /// rejected, so it is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "cpu": "512", "memory": "1024", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1", "memoryReservation": 768 },
    ///   { "name": "proxy", "image": "envoy:1", "memoryReservation": 512 } ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "cpu": "512", "memory": "2048", "containerDefinitions": [
    ///   { "name": "app", "image": "app:1", "memoryReservation": 768 },
    ///   { "name": "proxy", "image": "envoy:1", "memoryReservation": 512 } ] }
    /// ```
    ///
    /// ## Fix
    /// Raise the task's memory (on Fargate, to a size its cpu takes), or lower the
    /// containers' values.
    pub ContainerMemorySumWithinTaskMemory {
        id: "container-memory-sum-within-task-memory",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19218, 19218), quote: "The total amount of memory reserved for all containers within a task must be lower than the task memory value, if one is specified." },
            Source::ErrorMessage { text: "ClientException: The 'memory' setting for container 'blah' is greater than for the task.", seen_in: "pulumi/pulumi-awsx#188" },
            Source::ErrorMessage { text: "ClientException: The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.", seen_in: "cloudnativedaysjp/dreamkast-infra#4766" },
        ],
    }
}

impl ContainerMemorySumWithinTaskMemory {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(task_memory) = size_value(task.memory()) else {
            return;
        };
        let Ok(limit) = parse_memory(task_memory.value()) else {
            return;
        };
        let Some(containers) = doc.container_definitions else {
            return;
        };
        // A container's memory known only when deployed: the sums are not known.
        let unknown = containers.nodes().iter().any(|c| {
            c.is_unknown()
                || ["memory", "memoryReservation"]
                    .iter()
                    .any(|k| c.get(k).is_some_and(|v| v.is_unknown()))
        });
        // Formatted only for a message.
        let limit_label = || memory_label(limit);
        let mut over = false;
        let mut reservations = Vec::new();
        let mut reserved = Vec::new();
        for (i, c) in containers.iter() {
            let memory = c.memory().filter(|m| m.value() > 0);
            let reservation = c.memory_reservation().filter(|r| r.value() > 0);
            if let Some(m) = memory {
                if u64::try_from(m.value()).unwrap_or(0) > limit {
                    over = true;
                    out.report(&Self::META, m.range(), format!("{} has a hard memory limit of {} MiB, more than the task's {}", container_label(i, c), m.value(), limit_label()))
                        .help(format!("lower the container's \"memory\" to at most {limit}, or raise the task's \"memory\""))
                        .related(task_memory.range(), "the task memory is set here");
                }
            }
            if let Some(r) = reservation {
                reservations.push(r);
                reserved.push(r);
            } else if let Some(m) = memory {
                reserved.push(m);
            }
        }
        let sum = |values: &[Int<'a>]| {
            values
                .iter()
                .map(|v| u64::try_from(v.value()).unwrap_or(0))
                .sum::<u64>()
        };
        let reservation_sum = sum(&reservations);
        if unknown {
            return;
        }
        if reservation_sum > limit && !(over && reservations.len() == 1) {
            let d = out
                .report(&Self::META, task_memory.range(), format!("the containers' `memoryReservation` values add up to {reservation_sum} MiB, more than the task's {}", limit_label()))
                .help(format!("raise the task's \"memory\" to at least {reservation_sum} MiB, or lower the reservations"));
            for r in &reservations {
                d.related(r.range(), format!("{} MiB reserved here", r.value()));
            }
            return;
        }
        let reserved_sum = sum(&reserved);
        if !over && reserved.len() > 1 && reserved_sum > limit {
            let d = out
                .report(&Self::META, task_memory.range(), format!("the containers reserve {reserved_sum} MiB in total (`memoryReservation`, else `memory`), more than the task's {}", limit_label()))
                .help(format!("raise the task's \"memory\" to at least {reserved_sum} MiB, or give the containers smaller reservations (a container's `memory` counts in full when it has no `memoryReservation`)"))
                .severity(Severity::Warning);
            for r in &reserved {
                d.related(r.range(), format!("{} MiB here", r.value()));
            }
        }
    }
}
