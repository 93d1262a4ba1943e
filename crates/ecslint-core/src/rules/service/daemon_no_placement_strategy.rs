use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a non-empty `placementStrategy` on a DAEMON service.
    ///
    /// ## Why is this bad?
    /// A daemon service places exactly one task on every instance that meets its constraints, so a
    /// strategy (spread, binpack, random) has nothing to choose. The reference only says it is not
    /// needed; other sources say CreateService refuses it, which is not proven here, so this is a
    /// warning.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON",
    ///   "placementStrategy": [{ "type": "spread", "field": "instanceId" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON" }
    /// ```
    ///
    /// ## Fix
    /// Remove `placementStrategy`; use `placementConstraints` to choose the instances.
    pub DaemonNoPlacementStrategy {
        id: "daemon-no-placement-strategy",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1513, 1513), quote: "you don't need to specify a desired number of tasks, a task placement strategy, or use Service Auto Scaling policies" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html", note: "the daemon scheduler places one task on each instance that meets the placement constraints; strategies do not apply" },
        ],
    }
}

impl DaemonNoPlacementStrategy {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.daemon {
            return;
        }
        let Some(m) = service
            .member("placementStrategy")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        out.report(&Self::META, m.key.range, "a DAEMON service places one task per instance: `placementStrategy` has nothing to choose")
            .help("remove `placementStrategy`; use placementConstraints to choose the instances");
    }
}
