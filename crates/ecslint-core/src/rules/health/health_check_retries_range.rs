use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container health check whose `retries` is outside 1-10 retries.
    ///
    /// ## Why is this bad?
    /// The API reference gives 1-10 as the valid range (the default is 3), and RegisterTaskDefinition
    /// rejects other values. Retries is how many consecutive failures mark the container unhealthy.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "retries": 0 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "retries": 3 } }
    /// ```
    ///
    /// ## Fix
    /// Choose a value in range. The unsafe fix moves the value to the nearest bound, or, for a
    /// value that looks like milliseconds (a multiple of 1000 that is in range once divided),
    /// to that number of seconds.
    pub HealthCheckRetriesRange {
        id: "health-check-retries-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ErrorMessage { text: "Health check retries must be less than or equal to the maximum allowed value 10 for container 'posthog-production-plugins'", seen_in: "PostHog/posthog#8647" },
            Source::ApiReference { lines: (20929, 20929), quote: "The number of times to retry a failed health check before the container is considered unhealthy. You may specify between 1 and 10 retries. The default value is 3." },
        ],
    }
}

impl HealthCheckRetriesRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "retries",
            min: 1,
            max: 10,
            default: "the default is 3",
            unit: "",
            enforced: true,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.health_check().and_then(|h| h.retries()) else {
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
