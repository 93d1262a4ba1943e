use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `CODE_DEPLOY` service without a load balancer, or with a Classic Load Balancer
    /// (`loadBalancerName`).
    ///
    /// ## Why is this bad?
    /// Blue/green deployments shift traffic between two target groups of an Application or
    /// Network Load Balancer: the service must name one target group (the second is configured in
    /// the CodeDeploy deployment group).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Add a `loadBalancers` entry with the `targetGroupArn` of the blue target group.
    pub CodedeployRequiresAlbOrNlb {
        id: "codedeploy-requires-alb-or-nlb",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1765, 1765), quote: "the service is required to use either an Application Load Balancer or Network Load Balancer." },
        ],
    }
}

impl CodedeployRequiresAlbOrNlb {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_facts.controller != "CODE_DEPLOY" {
            return;
        }
        if service
            .get("loadBalancers")
            .is_some_and(|l| l.contains_unknown())
        {
            return;
        }
        let lbs: Vec<LoadBalancer<'a>> = service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
            .collect();
        if lbs.is_empty() {
            let range = service
                .deployment_controller()
                .and_then(|c| c.r#type())
                .map_or_else(
                    || key_or_root(service, "deploymentController"),
                    |t| t.range(),
                );
            out.report(&Self::META, range, "a CODE_DEPLOY service needs an Application or Network Load Balancer, and `loadBalancers` is empty or missing")
                .help("add \"loadBalancers\": [{\"targetGroupArn\": …, \"containerName\": …, \"containerPort\": …}]");
            return;
        }
        for lb in lbs {
            if let (None, Some(name)) = (lb.member("targetGroupArn"), lb.member("loadBalancerName"))
            {
                out.report(&Self::META, name.key.range, "a CODE_DEPLOY service needs an Application or Network Load Balancer, not a Classic Load Balancer")
                    .help("use a target group of an Application or Network Load Balancer (`targetGroupArn`)");
            }
        }
    }
}
