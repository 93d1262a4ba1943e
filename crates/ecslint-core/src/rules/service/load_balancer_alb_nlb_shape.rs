use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `loadBalancers[]` entry that gives both `targetGroupArn` and `loadBalancerName`,
    /// neither, or a `targetGroupArn` without `containerName` or `containerPort`.
    ///
    /// ## Why is this bad?
    /// An Application or Network Load Balancer entry names its target group and the container and
    /// port that receive traffic, and no `loadBalancerName` (that is for Classic Load Balancers).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Give `targetGroupArn`, `containerName` and `containerPort`, and no `loadBalancerName`.
    pub LoadBalancerAlbNlbShape {
        id: "load-balancer-alb-nlb-shape",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1769, 1769), quote: "The load balancer name parameter must be omitted." },
        ],
    }
}

impl LoadBalancerAlbNlbShape {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        for lb in service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let tg = lb.member("targetGroupArn");
            let name = lb.member("loadBalancerName");
            match (tg, name) {
                // A value known only when deployed may be unset (`null`).
                (Some(tg), Some(name))
                    if !matches!(tg.value.value, Value::Unknown)
                        && !matches!(name.value.value, Value::Unknown) =>
                {
                    out.report(&Self::META, name.key.range, "give either `targetGroupArn` (Application or Network Load Balancer) or `loadBalancerName` (Classic), not both")
                        .help("remove `loadBalancerName`: with a target group the load balancer is known");
                }
                (None, None) => {
                    out.report(&Self::META, opening(lb.range()), "the load balancer entry has neither `targetGroupArn` nor `loadBalancerName`")
                        .help("add \"targetGroupArn\" (Application or Network Load Balancer) or \"loadBalancerName\" (Classic)");
                }
                (Some(tg), None) => {
                    let missing: Vec<&str> = ["containerName", "containerPort"]
                        .into_iter()
                        .filter(|k| lb.member(k).is_none())
                        .collect();
                    if !missing.is_empty() {
                        out.report(
                            &Self::META,
                            tg.key.range,
                            format!(
                                "a target group entry needs {}",
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
                (None, Some(_)) | (Some(_), Some(_)) => {}
            }
        }
    }
}
