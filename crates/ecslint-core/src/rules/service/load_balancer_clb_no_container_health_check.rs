use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service behind a Classic Load Balancer (`loadBalancerName`) whose paired
    /// task definition has container health checks.
    ///
    /// ## Why is this bad?
    /// Container health checks are not supported for tasks of a service that uses a Classic
    /// Load Balancer: they cannot be relied on to replace unhealthy tasks.
    ///
    /// ## Example
    /// ```json
    /// { "loadBalancers": [{ "loadBalancerName": "web-clb", "containerName": "web", "containerPort": 80 }] }
    /// // taskdef: "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80 }] }
    /// ```
    ///
    /// ## Fix
    /// Move to an Application or Network Load Balancer, or rely on the load balancer's
    /// health check.
    pub LoadBalancerClbNoContainerHealthCheck {
        id: "load-balancer-clb-no-container-health-check",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20893, 20893), quote: "Container health checks aren't supported for tasks that are part of a service that's configured to use a Classic Load Balancer." },
        ],
    }
}

impl LoadBalancerClbNoContainerHealthCheck {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let Some(clb) = service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
            .find_map(|lb| lb.member("loadBalancerName"))
        else {
            return;
        };
        let Some((c, hc)) = paired
            .containers()
            .find_map(|(_, c)| c.member("healthCheck").map(|m| (c, m)))
        else {
            return;
        };
        let name = c.name().map_or_else(
            || "a container".to_owned(),
            |n| format!("the container `{}`", n.value()),
        );
        let d = out
            .report(
                &Self::META,
                clb.key.range,
                format!("the service uses a Classic Load Balancer, which does not support container health checks, and {name} has one"),
            )
            .help("use an Application or Network Load Balancer (`targetGroupArn`), or rely on the load balancer's health check");
        related_td(d, paired, hc.key.range, "the container health check");
    }
}
