use crate::rules::health::helpers::{check_range, Bounds};
use crate::rules::networking::helpers::{containers, fargate_origin};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `stopTimeout` outside 2-120 seconds.
    ///
    /// ## Why is this bad?
    /// `stopTimeout` is how long ECS waits after SIGTERM before it kills the container. On
    /// Fargate the maximum is 120 seconds (current API reference), and the 2014-11-13 API
    /// reference gives 2-120 as the valid values for every launch type. People who need a long
    /// graceful shutdown often write 300 or 600 and expect it to work. This is a warning, not
    /// an error: no rejection at registration has been reported, and the same "2-120" wording
    /// for `startTimeout` is not enforced (aws/containers-roadmap#1532). Today's documentation
    /// states the maximum only for Fargate; on EC2 the agent's `ECS_CONTAINER_STOP_TIMEOUT`
    /// setting is the documented way to wait longer.
    ///
    /// ## Example
    /// ```json
    /// { "name": "worker", "image": "example/worker", "stopTimeout": 300 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "worker", "image": "example/worker", "stopTimeout": 120 }
    /// ```
    ///
    /// ## Fix
    /// Use 2-120 seconds (default 30). To drain longer work, make the application stop taking
    /// new work on SIGTERM, or on EC2 raise `ECS_CONTAINER_STOP_TIMEOUT` in the agent
    /// configuration. The unsafe fix moves the value to the nearest bound.
    pub StopTimeoutRange {
        id: "stop-timeout-range",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19374, 19378), quote: "The max stop timeout value is 120 seconds and if the parameter is not specified, the default value of 30 seconds is used." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html", note: "current text: for tasks that use the Fargate launch type, the max stop timeout value is 120 seconds; no maximum stated for EC2" },
        ],
    }
}

impl StopTimeoutRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        const BOUNDS: Bounds = Bounds {
            field: "stopTimeout",
            min: 2,
            max: 120,
            default: "the default is 30",
            unit: "seconds",
            enforced: true,
        };
        for (i, container) in containers(doc) {
            let Some(value) = container.stop_timeout() else {
                continue;
            };
            let Some(d) = check_range(out, &Self::META, i, container, value, &BOUNDS, "") else {
                continue;
            };
            if doc.facts.fargate {
                if let Some(range) = fargate_origin(doc) {
                    d.related(range, "the task targets Fargate here");
                }
            }
            if value.value() > 120 {
                d.help(if doc.facts.fargate {
                    "Fargate waits at most 120 seconds after SIGTERM: set stopTimeout to 120 or less and make the application drain faster"
                } else {
                    "set stopTimeout to 120 or less; on EC2, to wait longer, raise ECS_CONTAINER_STOP_TIMEOUT in the container agent's configuration"
                });
            }
        }
    }
}
