use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `memory` or `memoryReservation` below 6 MiB (0 means unset and is
    /// not reported).
    ///
    /// ## Why is this bad?
    /// Docker 20.10 and later reserve 6 MiB for every container and refuse to create one
    /// with less ("Minimum memory limit allowed is 6MB"), so the task is registered but its
    /// container never starts. Such values are usually a unit mistake: the field is in MiB,
    /// not GB.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 2048 }
    /// ```
    ///
    /// ## Fix
    /// Give the value in MiB: at least 6, and in practice what the container needs.
    pub ContainerMemoryMinimum {
        id: "container-memory-minimum",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19224, 19226), quote: "So, don't specify less than 6 MiB of memory for your containers." },
        ],
    }
}

impl ContainerMemoryMinimum {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            for (field, value) in [
                ("memory", c.memory()),
                ("memoryReservation", c.memory_reservation()),
            ] {
                let Some(v) = value.filter(|v| (1..6).contains(&v.value())) else {
                    continue;
                };
                out.report(&Self::META, v.range(), format!("{} sets `{field}` to {} MiB, below the 6 MiB Docker reserves for a container", container_label(i, c), v.value()))
                    .help(format!("\"{field}\" is in MiB: give at least 6 (for {} GB, write {})", v.value(), v.value() * 1024));
            }
        }
    }
}
