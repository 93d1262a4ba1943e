use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `healthCheckGracePeriodSeconds` on a service with no load balancer, no VPC
    /// Lattice configuration and, in the paired task definition, no container health check.
    ///
    /// ## Why is this bad?
    /// The grace period only delays acting on failed health checks. The 2024 API reference
    /// ties it to load balancers; the current API also applies it to VPC Lattice and
    /// container health checks. With none of them it does nothing.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "worker", "taskDefinition": "worker", "desiredCount": 1, "healthCheckGracePeriodSeconds": 60 }
    /// // taskdef: no container has a "healthCheck"
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "worker", "taskDefinition": "worker", "desiredCount": 1 }
    /// ```
    ///
    /// ## Fix
    /// Remove it, or add the health check it was meant for.
    pub HealthCheckGraceOnlyWithLoadBalancer {
        id: "health-check-grace-only-with-load-balancer",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1727, 1727), quote: "This is only used when your service is configured to use a load balancer." },
            Source::Botocore { shape: "CreateServiceRequest.healthCheckGracePeriodSeconds" },
        ],
    }
}

fn non_empty(service: CreateServiceRequest<'_>, key: &str) -> bool {
    service
        .get(key)
        .is_some_and(|n| n.as_array().is_none_or(|a| !a.is_empty()))
}

impl HealthCheckGraceOnlyWithLoadBalancer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let Some(grace) = service
            .health_check_grace_period_seconds()
            .filter(|g| g.value() > 0)
        else {
            return;
        };
        if non_empty(service, "loadBalancers") || non_empty(service, "vpcLatticeConfigurations") {
            return;
        }
        if paired.containers_unknown()
            || paired
                .containers()
                .any(|(_, c)| c.get("healthCheck").is_some())
        {
            return;
        }
        let d = out
            .report(
                &Self::META,
                grace.range(),
                "the grace period has nothing to apply to: the service has no load balancer and no container has a health check",
            )
            .help("remove `healthCheckGracePeriodSeconds`, or add the load balancer or container health check it was meant for");
        related_td_key(
            d,
            paired,
            "containerDefinitions",
            "no container here has a `healthCheck`",
        );
    }
}
