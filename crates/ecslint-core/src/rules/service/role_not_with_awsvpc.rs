use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `role` on a service whose tasks use the `awsvpc` network mode (every Fargate
    /// service, or a paired `awsvpc` task definition).
    ///
    /// ## Why is this bad?
    /// The `role` parameter only served services that registered tasks with a load balancer in
    /// `bridge` or `host` mode. `awsvpc` services use the ECS service-linked role, and CreateService
    /// refuses a `role` for them. Legacy templates that add `ecsServiceRole` hit this when they move to
    /// Fargate.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "role": "ecsServiceRole",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Remove `role` (safe: ECS uses its service-linked role).
    pub RoleNotWithAwsvpc {
        id: "role-not-with-awsvpc",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1827, 1827), quote: "only permitted if you are using a load balancer with your service and your task definition doesn't use the awsvpc network mode." },
        ],
    }
}

impl RoleNotWithAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let Some(member) = service.known("role") else {
            return;
        };
        if doc.service_awsvpc() != Some(true) {
            return;
        }
        let why = if doc.service_facts.fargate {
            fargate_reason(doc)
        } else {
            "the task definition uses the `awsvpc` network mode".to_owned()
        };
        let fix = service
            .node()
            .as_object()
            .map(|members| Fix::safe("remove `role`", vec![remove_member(members, member)]));
        let d = out
            .report(&Self::META, member.key.range, format!("`role` is not allowed: {why}, and awsvpc services use the ECS service-linked role"))
            .help("remove `role`");
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }
}
