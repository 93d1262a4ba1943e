use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `startTimeout` outside 2-120 seconds.
    ///
    /// ## Why is this bad?
    /// `startTimeout` is how long the containers that depend on this one wait for it to reach
    /// the `dependsOn` condition before giving up (the task then stops). The API reference
    /// gives 2-120 seconds as the valid values, but the API accepts larger values (a
    /// `startTimeout` of 15000 registered and ran, aws/containers-roadmap#1532), so this is
    /// only a note that the value is outside the documented range and its behaviour is not
    /// documented (the agent also cleans up after about three hours).
    ///
    /// ## Example
    /// ```json
    /// { "name": "db-migrate", "image": "example/migrate", "essential": false, "startTimeout": 600 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "db-migrate", "image": "example/migrate", "essential": false, "startTimeout": 120 }
    /// ```
    ///
    /// ## Fix
    /// Use 2-120 seconds, or keep a larger value knowingly. The unsafe fix moves the value to
    /// the nearest bound. Note that
    /// `startTimeout` belongs on the container being waited for, not on the one that waits.
    pub StartTimeoutRange {
        id: "start-timeout-range",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19359, 19359), quote: "The valid values are 2-120 seconds." },
        ],
    }
}

impl StartTimeoutRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "startTimeout",
            min: 2,
            max: 120,
            default: "no default: without it the agent's ECS_CONTAINER_START_TIMEOUT applies",
            unit: "seconds",
            enforced: false,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.start_timeout() else {
                continue;
            };
            check_range(out, &Self::META, i, container, value, &BOUNDS, "");
        }
    }
}
