use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `linuxParameters.swappiness` without `linuxParameters.maxSwap`.
    ///
    /// ## Why is this bad?
    /// ECS ignores `swappiness` unless `maxSwap` is set, so the setting silently has no
    /// effect.
    ///
    /// ## Example
    /// ```json
    /// { "linuxParameters": { "swappiness": 10 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "linuxParameters": { "maxSwap": 512, "swappiness": 10 } }
    /// ```
    ///
    /// ## Fix
    /// Add `maxSwap` (MiB of swap the container may use), or remove `swappiness`. No automatic
    /// fix.
    pub SwappinessRequiresMaxSwap {
        id: "swappiness-requires-max-swap",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21281, 21281), quote: "If a value is not specified for maxSwap then this parameter is ignored." },
        ],
    }
}

impl SwappinessRequiresMaxSwap {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        // On Fargate both are reported as unsupported.
        if doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(lp) = container.linux_parameters() else {
                continue;
            };
            let Some(member) = lp.member("swappiness").filter(|m| !m.value.is_null()) else {
                continue;
            };
            if lp.get("maxSwap").is_some_and(|n| !n.is_null()) {
                continue;
            }
            out.report(
                &Self::META,
                member.key.range,
                format!(
                    "`swappiness` has no effect without `maxSwap` ({})",
                    container_label(i, container)
                ),
            )
            .help(
                "add \"maxSwap\" (the MiB of swap the container may use) or remove \"swappiness\"",
            );
        }
    }
}
