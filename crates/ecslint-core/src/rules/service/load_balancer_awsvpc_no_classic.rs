use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Classic Load Balancer (`loadBalancers[].loadBalancerName`) on a service whose
    /// tasks use the `awsvpc` network mode (every Fargate service, or a paired `awsvpc` task
    /// definition).
    ///
    /// ## Why is this bad?
    /// Classic Load Balancers register instances, not the tasks' own network interfaces:
    /// services with `awsvpc` tasks only support Application and Network Load Balancers (with
    /// target groups of target type `ip`).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "loadBalancers": [{ "loadBalancerName": "web-elb", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Move to an Application or Network Load Balancer and give its target group's `targetGroupArn`.
    pub LoadBalancerAwsvpcNoClassic {
        id: "load-balancer-awsvpc-no-classic",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1773, 1773), quote: "Classic Load Balancers aren't supported." },
        ],
    }
}

impl LoadBalancerAwsvpcNoClassic {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_awsvpc() != Some(true) {
            return;
        }
        for lb in service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let Some(m) = lb.member("loadBalancerName") else {
                continue;
            };
            out.report(&Self::META, m.key.range, "Classic Load Balancers are not supported for `awsvpc` tasks")
                .help("use an Application or Network Load Balancer: give \"targetGroupArn\" (a target group of target type `ip`) instead of \"loadBalancerName\"");
        }
    }
}
