use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a non-empty `placementConstraints` on a service that runs on Fargate (`launchType`
    /// FARGATE, or the FARGATE / FARGATE_SPOT capacity providers). An empty array, as ecspresso
    /// writes it, is fine.
    ///
    /// ## Why is this bad?
    /// Placement constraints choose among your container instances; Fargate tasks do not run on
    /// instances of yours, and constraints are not supported there. They are usually copied from an
    /// EC2 service.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Remove `placementConstraints`.
    pub PlacementConstraintsNotOnFargate {
        id: "placement-constraints-not-on-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21821, 21821), quote: "If you're using the Fargate launch type, task placement constraints aren't supported." },
        ],
    }
}

impl PlacementConstraintsNotOnFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.fargate {
            return;
        }
        let Some(m) = service
            .member("placementConstraints")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        out.report(
            &Self::META,
            m.key.range,
            format!(
                "placement constraints are not supported on Fargate: {}",
                fargate_reason(doc)
            ),
        )
        .help("remove `placementConstraints`");
    }
}
