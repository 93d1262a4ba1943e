use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container health check whose `startPeriod` is outside 0-300 seconds.
    ///
    /// ## Why is this bad?
    /// The API reference gives 0-300 as the valid range (by default it is off), and RegisterTaskDefinition
    /// rejects other values. A slow-starting application that needs more than 300 seconds should rely on dependsOn or a longer load balancer grace period instead.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "startPeriod": 600 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "startPeriod": 120 } }
    /// ```
    ///
    /// ## Fix
    /// Choose a value in range. The unsafe fix moves the value to the nearest bound, or, for a
    /// value that looks like milliseconds (a multiple of 1000 that is in range once divided),
    /// to that number of seconds.
    pub HealthCheckStartPeriodRange {
        id: "health-check-start-period-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (20937, 20937), quote: "The optional grace period to provide containers time to bootstrap before failed health checks count towards the maximum number of retries. You can specify between 0 and 300 seconds. By default, the startPeriod is off." },
        ],
    }
}

impl HealthCheckStartPeriodRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "startPeriod",
            min: 0,
            max: 300,
            default: "by default it is off",
            unit: "seconds",
            enforced: true,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.health_check().and_then(|h| h.start_period()) else {
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
