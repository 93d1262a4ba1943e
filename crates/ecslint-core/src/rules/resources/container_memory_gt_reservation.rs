use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container whose `memoryReservation` (soft limit) is greater than its `memory`
    /// (hard limit), and, as advice, one where the two are equal.
    ///
    /// ## Why is this bad?
    /// `memory` is the most the container may use; `memoryReservation` is what ECS sets aside
    /// for it and what it may use under contention. A reservation above the limit cannot be
    /// honoured: the reference says "If you specify both, memory must be greater than
    /// memoryReservation". The API accepts equal values (the developer guide was corrected to
    /// "greater than or equal to" in a proposed correction), but then the soft limit adds nothing, so equality is only
    /// reported as `info`.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 512, "memoryReservation": 1024 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memory": 1024, "memoryReservation": 512 }
    /// ```
    ///
    /// ## Fix
    /// Lower `memoryReservation` to what the container normally uses, and keep `memory` as
    /// the ceiling it must never pass (or drop `memory` to let it use spare memory).
    pub ContainerMemoryGtReservation {
        id: "container-memory-gt-reservation",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19222, 19222), quote: "If you specify both a container-level memory and memoryReservation value, memory must be greater than memoryReservation." },
            Source::AwsDocs { url: "https://github.com/awsdocs/amazon-ecs-developer-guide/pull/242", note: "a correction proposed to the developer guide (closed when the repository was archived): memory must be greater than or equal to memoryReservation, i.e. equal values are accepted" },
        ],
    }
}

impl ContainerMemoryGtReservation {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            let (Some(memory), Some(reservation)) = (c.memory(), c.memory_reservation()) else {
                continue;
            };
            let (m, r) = (memory.value(), reservation.value());
            if r > m {
                out.report(&Self::META, reservation.range(), format!("{} reserves {r} MiB (`memoryReservation`), more than its hard limit of {m} MiB (`memory`)", container_label(i, c)))
                    .help(format!("lower \"memoryReservation\" to at most {m}, or raise \"memory\" to at least {r}"))
                    .related(memory.range(), "the hard limit is set here");
            } else if r == m && m > 0 {
                out.report(&Self::META, reservation.range(), format!("{} has `memoryReservation` equal to `memory` ({m} MiB): the soft limit adds nothing", container_label(i, c)))
                    .help("remove \"memoryReservation\", or lower it to what the container normally uses so it can burst up to \"memory\"")
                    .related(memory.range(), "the hard limit is set here")
                    .severity(Severity::Info);
            }
        }
    }
}
