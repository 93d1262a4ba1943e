use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container that sets `linuxParameters.maxSwap` without a `memory` hard limit.
    ///
    /// ## Why is this bad?
    /// Docker's swap limit is expressed on top of the memory limit (`--memory-swap` needs
    /// `--memory`); without a container `memory` the swap setting has nothing to apply to
    /// and the container may fail to start or ignore it. A warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "example/app:1", "memoryReservation": 256,
    ///    "linuxParameters": { "maxSwap": 512, "swappiness": 60 } }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "example/app:1", "memory": 512, "memoryReservation": 256,
    ///    "linuxParameters": { "maxSwap": 512, "swappiness": 60 } }]
    /// ```
    ///
    /// ## Fix
    /// Give the container a `memory` hard limit.
    pub MaxSwapRequiresMemory {
        id: "max-swap-requires-memory",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html", note: "swap space is managed per container with maxSwap and swappiness; Docker's --memory-swap requires --memory" }],
    }
}

impl MaxSwapRequiresMemory {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(max_swap) = c.linux_parameters().and_then(|l| l.max_swap()) else {
                continue;
            };
            if c.member("memory").is_some() {
                continue;
            }
            out.report(
                &Self::META,
                max_swap.range(),
                format!(
                    "{} sets maxSwap but no `memory` hard limit",
                    container_label(i, c)
                ),
            )
            .help("add \"memory\" (MiB) to the container: the swap limit applies on top of it");
        }
    }
}
