use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;
use crate::rules::resources::helpers::gives_value;

declare_rule! {
    /// ## What it does
    /// Reports a container that sets neither `memory` nor `memoryReservation` in a task
    /// definition that has no task-level `memory`.
    ///
    /// ## Why is this bad?
    /// Without a task-level memory, ECS sizes and places the task from its containers' memory
    /// values, so each container must set at least one of them. RegisterTaskDefinition fails
    /// with "ClientException: Invalid setting for container 'app'. At least one of 'memory'
    /// or 'memoryReservation' must be specified." This is typical of EC2 task definitions
    /// converted from Docker Compose files. On Fargate the missing task-level `memory` is
    /// reported by `fargate-task-memory-required` instead. Bare container arrays (Terraform's
    /// `container_definitions`) are skipped: their task memory is set elsewhere.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["EC2"],
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["EC2"],
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memoryReservation": 256 }] }
    /// ```
    ///
    /// ## Fix
    /// Give the container a `memoryReservation` (soft limit, what placement reserves) or a
    /// `memory` (hard limit, the container is killed above it), or give the task a `memory`.
    pub ContainerMemoryRequiredWithoutTaskMemory {
        id: "container-memory-required-without-task-memory",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19236, 19236), quote: "you must specify a non-zero integer for one or both of memory or memoryReservation in a container definition." },
            Source::ErrorMessage { text: "ClientException: Invalid setting for container 'my-container'. At least one of 'memory' or 'memoryReservation' must be specified.", seen_in: "sil-org/ecs-deploy#59" },
            Source::ErrorMessage { text: "ClientException: Invalid setting for container 'xxxx'. At least one of 'memory' or 'memoryReservation' must be specified.", seen_in: "aws/aws-cli#4453" },
        ],
    }
}

impl ContainerMemoryRequiredWithoutTaskMemory {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if doc.facts.fargate || gives_value(task.member("memory")) {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            if gives_value(c.member("memory")) || gives_value(c.member("memoryReservation")) {
                continue;
            }
            let anchor = c.member("name").map_or(opening(c.range()), |m| m.key.range);
            out.report(&Self::META, anchor, format!("{} sets neither `memory` nor `memoryReservation`, and the task has no `memory`", container_label(i, c)))
                .help("add \"memoryReservation\" (a soft limit in MiB, what placement reserves) or \"memory\" (a hard limit) to the container, or a task-level \"memory\"")
                .pointer(format!("{}/containerDefinitions/{i}/memoryReservation", doc.task_pointer()));
        }
    }
}
