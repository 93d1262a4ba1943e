use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// For a `BLUE_GREEN`, `LINEAR` or `CANARY` deployment, reports a load balancer entry
    /// (`targetGroupArn`) without `advancedConfiguration`, or one lacking `alternateTargetGroupArn`,
    /// `productionListenerRule` or `roleArn` (errors), and a Classic Load Balancer (a warning).
    ///
    /// ## Why is this bad?
    /// ECS shifts traffic by moving the production listener rule (an NLB's listener) from the
    /// service's target group to the alternate one, with a role it assumes to call Elastic Load
    /// Balancing. The model calls the three required; `testListenerRule` is optional. A Classic
    /// Load Balancer has no target groups to shift between.
    ///
    /// ## Example
    /// ```json
    /// { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1a2b3c4d", "containerName": "web", "containerPort": 8080 }
    /// ```
    /// Use instead: add `"advancedConfiguration": { "alternateTargetGroupArn": …,
    /// "productionListenerRule": …, "roleArn": … }`.
    ///
    /// ## Fix
    /// Create the alternate target group and the listener rule, and name them with the
    /// infrastructure role in `advancedConfiguration`.
    pub LoadBalancerAdvancedConfigurationRequired {
        id: "load-balancer-advanced-configuration-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "AdvancedConfiguration", quote: "Specify the alternate target group, listener rules, and IAM role required for traffic shifting during blue/green deployments." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-advancedconfiguration.html", note: "AlternateTargetGroupArn is required" },
        ],
    }
}

impl LoadBalancerAdvancedConfigurationRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = native_shift(doc) else {
            return;
        };
        for (_, lb) in load_balancers(doc) {
            let Some(tg) = lb.member("targetGroupArn") else {
                if let Some(name) = lb.member("loadBalancerName") {
                    out.report(&Self::META, name.key.range, format!("a {strategy} deployment shifts traffic between target groups of an Application or Network Load Balancer, not a Classic Load Balancer"))
                        .help("use an ALB or NLB target group (`targetGroupArn`) with `advancedConfiguration`, or Service Connect")
                        .severity(Severity::Warning);
                }
                continue;
            };
            let Some(advanced) = lb.member("advancedConfiguration") else {
                out.report(&Self::META, tg.key.range, format!("a {strategy} deployment needs `advancedConfiguration` on each load balancer: the alternate target group, the production listener rule and the role"))
                    .help("add \"advancedConfiguration\": {\"alternateTargetGroupArn\": …, \"productionListenerRule\": …, \"roleArn\": …}");
                continue;
            };
            if advanced.value.as_object().is_none() {
                continue;
            }
            let missing: Vec<String> = [
                "alternateTargetGroupArn",
                "productionListenerRule",
                "roleArn",
            ]
            .into_iter()
            .filter(|k| advanced.value.get(k).is_none())
            .map(|k| format!("`{k}`"))
            .collect();
            if missing.is_empty() {
                continue;
            }
            out.report(&Self::META, advanced.key.range, format!("`advancedConfiguration` lacks {} for the {strategy} deployment", and_list(&missing)))
                .help("give the alternate target group, the production listener rule (ALB) or listener (NLB), and the role ECS assumes to move them");
        }
    }
}

fn and_list(items: &[String]) -> String {
    crate::rules::service::helpers::and_list(items)
}
