use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `linuxParameters.swappiness` outside 0-100 and `linuxParameters.maxSwap` below
    /// 0.
    ///
    /// Covers: swappiness-range, max-swap-non-negative
    ///
    /// ## Why is this bad?
    /// The API reference accepts whole numbers from 0 to 100 for `swappiness`, and 0 or a
    /// positive number of MiB for `maxSwap` (Docker's `-1` for unlimited swap is not one of
    /// them: leave `maxSwap` out to use the instance's swap configuration). This is a warning
    /// because the exact rejection has not been confirmed.
    ///
    /// ## Example
    /// ```json
    /// { "linuxParameters": { "maxSwap": -1, "swappiness": 150 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "linuxParameters": { "maxSwap": 1024, "swappiness": 60 } }
    /// ```
    ///
    /// ## Fix
    /// Use 0-100 for `swappiness` (default 60) and 0 or more for `maxSwap` (0 turns swap off).
    /// No automatic fix.
    pub SwappinessRange {
        id: "swappiness-range",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21281, 21281), quote: "Accepted values are whole numbers between 0 and 100." },
            Source::ApiReference { lines: (21255, 21255), quote: "Accepted values are 0 or any positive integer." },
        ],
    }
}

impl SwappinessRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(lp) = container.linux_parameters() else {
                continue;
            };
            if let Some(s) = lp.swappiness() {
                if !(0..=100).contains(&s.value()) {
                    out.report(&Self::META, s.range(), format!("`swappiness` {} is out of range: it must be between 0 and 100 ({})", s.value(), container_label(i, container)))
                        .help("use 0 (swap only when necessary) to 100 (swap aggressively); the default is 60");
                }
            }
            if let Some(m) = lp.max_swap() {
                if m.value() < 0 {
                    out.report(&Self::META, m.range(), format!("`maxSwap` {} is negative: it must be 0 or a positive number of MiB ({})", m.value(), container_label(i, container)))
                        .help("use 0 to turn swap off or a number of MiB; leave maxSwap out to use the container instance's swap configuration");
                }
            }
        }
    }
}
