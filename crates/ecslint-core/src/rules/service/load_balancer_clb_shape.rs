use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Classic Load Balancer entry (`loadBalancerName`) without `containerName` or
    /// `containerPort`.
    ///
    /// ## Why is this bad?
    /// A Classic Load Balancer entry names the load balancer and the container and port that
    /// receive traffic.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "loadBalancerName": "web-elb", "containerName": "web" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "loadBalancerName": "web-elb", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Add the missing `containerName` or `containerPort`.
    pub LoadBalancerClbShape {
        id: "load-balancer-clb-shape",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1771, 1771), quote: "The target group ARN parameter must be omitted." },
        ],
    }
}

impl LoadBalancerClbShape {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        for lb in service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let (None, Some(name)) = (lb.member("targetGroupArn"), lb.member("loadBalancerName"))
            else {
                continue;
            };
            let missing: Vec<&str> = ["containerName", "containerPort"]
                .into_iter()
                .filter(|k| lb.member(k).is_none())
                .collect();
            if !missing.is_empty() {
                out.report(
                    &Self::META,
                    name.key.range,
                    format!(
                        "a Classic Load Balancer entry needs {}",
                        missing
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                )
                .help("name the container and the container port that receive the traffic");
            }
        }
    }
}
