use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container health check whose `timeout` is outside 2-60 seconds.
    ///
    /// ## Why is this bad?
    /// The API reference gives 2-60 as the valid range (the default is 5), and RegisterTaskDefinition
    /// rejects other values. A timeout is how long one check may take before it counts as failed.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "timeout": 120 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "timeout": 10 } }
    /// ```
    ///
    /// ## Fix
    /// Choose a value in range. The unsafe fix moves the value to the nearest bound, or, for a
    /// value that looks like milliseconds (a multiple of 1000 that is in range once divided),
    /// to that number of seconds.
    pub HealthCheckTimeoutRange {
        id: "health-check-timeout-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (20949, 20949), quote: "The time period in seconds to wait for a health check to succeed before it is considered a failure. You may specify between 2 and 60 seconds. The default value is 5." },
        ],
    }
}

impl HealthCheckTimeoutRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "timeout",
            min: 2,
            max: 60,
            default: "the default is 5",
            unit: "seconds",
            enforced: true,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.health_check().and_then(|h| h.timeout()) else {
                continue;
            };
            check_range(
                out,
                &Self::META,
                i,
                container,
                value,
                &BOUNDS,
                "health check ",
            );
        }
    }
}
