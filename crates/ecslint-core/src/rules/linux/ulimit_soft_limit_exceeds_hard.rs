use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a ulimit whose `softLimit` is greater than its `hardLimit`.
    ///
    /// ## Why is this bad?
    /// A soft limit can only be raised up to the hard limit, so Docker refuses to create the
    /// container ("ulimit soft limit must be less than or equal to hard limit"). The task
    /// definition registers, and every task fails to start.
    ///
    /// ## Example
    /// ```json
    /// { "ulimits": [{ "name": "nofile", "softLimit": 65536, "hardLimit": 4096 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "ulimits": [{ "name": "nofile", "softLimit": 65536, "hardLimit": 65536 }] }
    /// ```
    ///
    /// ## Fix
    /// Raise `hardLimit` to at least `softLimit`, or lower `softLimit`. The unsafe fix sets the
    /// hard limit to the soft limit (the likely intent when the two were swapped or copied).
    pub UlimitSoftLimitExceedsHard {
        id: "ulimit-soft-limit-exceeds-hard",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::AwsDocs { url: "https://docs.docker.com/reference/cli/docker/container/run/#ulimit", note: "a soft limit cannot exceed the hard limit; Docker rejects such a ulimit when it creates the container" },
        ],
    }
}

impl UlimitSoftLimitExceedsHard {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(ulimits) = container.ulimits() else {
                continue;
            };
            for (_, ulimit) in ulimits.iter() {
                let (Some(soft), Some(hard)) = (ulimit.soft_limit(), ulimit.hard_limit()) else {
                    continue;
                };
                if soft.value() <= hard.value() {
                    continue;
                }
                let name = ulimit.name().map_or("ulimit", |n| n.value());
                out.report(&Self::META, soft.range(), format!("the `{name}` soft limit {} is greater than its hard limit {} ({})", soft.value(), hard.value(), container_label(i, container)))
                    .help(format!("raise hardLimit to at least {} or lower softLimit; the container cannot start otherwise", soft.value()))
                    .related(hard.range(), "the hard limit is set here")
                    .fix(Fix::unsafe_(format!("set hardLimit to {}", soft.value()), vec![Edit::replace(hard.range(), soft.value().to_string())]));
            }
        }
    }
}
