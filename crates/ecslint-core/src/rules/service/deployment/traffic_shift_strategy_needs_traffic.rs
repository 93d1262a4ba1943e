use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;
use crate::rules::service::helpers::service_connect_services;

declare_rule! {
    /// ## What it does
    /// Reports a `LINEAR` or `CANARY` deployment on a service with no load balancer, no Service
    /// Connect service and no VPC Lattice target group.
    ///
    /// ## Why is this bad?
    /// These deployments move production traffic in steps, through a listener, Service Connect or
    /// VPC Lattice. Without one there is no traffic to shift, and the steps do nothing. (A headless
    /// `BLUE_GREEN` deployment is documented and not reported.)
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "CANARY", "canaryConfiguration": { "canaryPercent": 10.0 } } }
    /// ```
    /// Use instead: `"strategy": "ROLLING"` (or put the service behind a load balancer).
    ///
    /// ## Fix
    /// Add a load balancer with `advancedConfiguration` or a Service Connect service, or deploy with
    /// `ROLLING` or `BLUE_GREEN`.
    pub TrafficShiftStrategyNeedsTraffic {
        id: "traffic-shift-strategy-needs-traffic",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/linear-deployment-implementation.html", note: "To use a linear deployment with managed traffic shifting, your service must use one of the following features: Elastic Load Balancing, Service Connect" },
        ],
    }
}

impl TrafficShiftStrategyNeedsTraffic {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = native_shift(doc).filter(|s| *s != "BLUE_GREEN") else {
            return;
        };
        let Some(service) = doc.service else { return };
        let has = |key: &str| {
            service
                .member(key)
                .is_some_and(|m| m.value.as_array().is_none_or(|a| !a.is_empty()))
        };
        let connect = service
            .service_connect_configuration()
            .and_then(|c| c.enabled())
            .is_none_or(|e| e.value())
            && !service_connect_services(doc).is_empty();
        // Something to shift known only when deployed.
        let unknown = [
            "loadBalancers",
            "vpcLatticeConfigurations",
            "serviceConnectConfiguration",
        ]
        .iter()
        .any(|k| service.get(k).is_some_and(|n| n.contains_unknown()));
        if has("loadBalancers") || has("vpcLatticeConfigurations") || connect || unknown {
            return;
        }
        let Some(s) = strategy_value(doc) else { return };
        out.report(&Self::META, s.range(), format!("a {strategy} deployment shifts traffic in steps, but the service has no load balancer, Service Connect service or VPC Lattice target group to shift"))
            .help("add a load balancer with `advancedConfiguration` or a Service Connect service, or use the ROLLING or BLUE_GREEN strategy");
    }
}
