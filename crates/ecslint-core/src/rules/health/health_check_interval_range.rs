use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container health check whose `interval` is outside 5-300 seconds.
    ///
    /// ## Why is this bad?
    /// The API reference gives 5-300 as the valid range (the default is 30), and RegisterTaskDefinition
    /// rejects other values. Too short an interval makes the check itself a load on the container; too long a one leaves failures undetected for minutes.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 1 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 10 } }
    /// ```
    ///
    /// ## Fix
    /// Choose a value in range. The unsafe fix moves the value to the nearest bound, or, for a
    /// value that looks like milliseconds (a multiple of 1000 that is in range once divided),
    /// to that number of seconds.
    pub HealthCheckIntervalRange {
        id: "health-check-interval-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::AwsDocs { url: "https://github.com/aws/amazon-ecs-agent/issues/1344", note: "ECS agent team: a functional-test task definition with interval 1 must be raised to 5 to satisfy task validation" },
            Source::ApiReference { lines: (20921, 20921), quote: "The time period in seconds between each health check execution. You may specify between 5 and 300 seconds. The default value is 30 seconds." },
        ],
    }
}

impl HealthCheckIntervalRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "interval",
            min: 5,
            max: 300,
            default: "the default is 30",
            unit: "seconds",
            enforced: true,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.health_check().and_then(|h| h.interval()) else {
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
