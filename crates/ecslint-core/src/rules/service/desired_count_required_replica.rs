use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a REPLICA service (the default) with the ECS or CODE_DEPLOY controller and no
    /// `desiredCount`, unless it is an ecspresso service definition (ecspresso keeps the
    /// service's current count on deploy, and sends 0 on create when `schedulingStrategy` is
    /// `REPLICA`).
    ///
    /// ## Why is this bad?
    /// The reference says `desiredCount` is required for REPLICA services but also marks it
    /// "Required: No", and the EXTERNAL controller needs only `serviceName`; whether a request
    /// without it is refused is not proven, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Add `desiredCount`.
    pub DesiredCountRequiredReplica {
        id: "desired-count-required-replica",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1701, 1701), quote: "This is required if `schedulingStrategy` is `REPLICA` or isn't specified." },
        ],
    }
}

impl DesiredCountRequiredReplica {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.ecspresso
            || doc.service_facts.daemon
            || doc.service_facts.controller == "EXTERNAL"
            || !doc.service_facts.controller_known()
            || doc.service_facts.daemon_unknown
            || service.member("desiredCount").is_some()
        {
            return;
        }
        out.report(
            &Self::META,
            opening(service.range()),
            "a REPLICA service needs `desiredCount`",
        )
        .help("add \"desiredCount\": the number of tasks to keep running")
        .pointer("/desiredCount");
    }
}
