use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a non-empty `placementStrategy` on a service that runs on Fargate. An empty array is
    /// fine.
    ///
    /// ## Why is this bad?
    /// Placement strategies (spread, binpack, random) choose among your container instances; on
    /// Fargate there are none, and ECS spreads the tasks across Availability Zones itself. The
    /// reference does not say whether CreateService refuses a strategy on Fargate (it says so for
    /// constraints), so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "placementStrategy": [{ "type": "binpack", "field": "memory" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Remove `placementStrategy`.
    pub PlacementStrategyNotOnFargate {
        id: "placement-strategy-not-on-fargate",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html", note: "task placement strategies choose container instances; Fargate tasks are spread across Availability Zones by ECS" },
        ],
    }
}

impl PlacementStrategyNotOnFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.fargate {
            return;
        }
        let Some(m) = service
            .member("placementStrategy")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        out.report(
            &Self::META,
            m.key.range,
            format!(
                "placement strategies do not apply on Fargate: {}",
                fargate_reason(doc)
            ),
        )
        .help("remove `placementStrategy`: Fargate spreads tasks across Availability Zones itself");
    }
}
