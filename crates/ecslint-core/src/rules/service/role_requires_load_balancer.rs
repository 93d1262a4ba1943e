use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `role` on a service without `loadBalancers`.
    ///
    /// ## Why is this bad?
    /// The role lets ECS register tasks with a load balancer; without one the parameter is
    /// refused.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "role": "ecsServiceRole" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Remove `role` (safe).
    pub RoleRequiresLoadBalancer {
        id: "role-requires-load-balancer",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1827, 1827), quote: "If you specify the `role` parameter, you must also specify a load balancer object with the `loadBalancers` parameter." },
        ],
    }
}

impl RoleRequiresLoadBalancer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let Some(member) = service.known("role") else {
            return;
        };
        if service.load_balancers().is_some_and(|l| !l.is_empty())
            || service
                .member("loadBalancers")
                .is_some_and(|m| m.value.as_array().is_none())
        {
            return;
        }
        let fix = service
            .node()
            .as_object()
            .map(|members| Fix::safe("remove `role`", vec![remove_member(members, member)]));
        let d = out
            .report(
                &Self::META,
                member.key.range,
                "`role` is only for services with a load balancer, and this one has none",
            )
            .help("remove `role`");
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }
}
