use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports more than one `loadBalancers` entry on a `CODE_DEPLOY` service.
    ///
    /// ## Why is this bad?
    /// Blue/green deployments do not support multiple target groups on the service; the pair of
    /// target groups lives in the CodeDeploy deployment group.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }, { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Keep the blue target group only; put the green one in the deployment group's target group pair.
    pub CodedeploySingleTargetGroup {
        id: "codedeploy-single-target-group",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (16537, 16537), quote: "Note that multiple target groups are not supported for blue/green deployments." },
        ],
    }
}

impl CodedeploySingleTargetGroup {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_facts.controller != "CODE_DEPLOY" {
            return;
        }
        let Some(lbs) = service.load_balancers() else {
            return;
        };
        let nodes = lbs.nodes();
        if nodes.len() > 1 {
            out.report(&Self::META, opening(nodes[1].range), format!("a CODE_DEPLOY service takes one load balancer entry; this one has {}", nodes.len()))
                .help("keep the blue target group here and configure the green one in the CodeDeploy deployment group");
        }
    }
}
