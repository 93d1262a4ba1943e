use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an `advancedConfiguration.alternateTargetGroupArn` that is not the ARN of a
    /// target group, or that is the load balancer entry's own `targetGroupArn`.
    ///
    /// ## Why is this bad?
    /// Blue/green, linear and canary deployments need two target groups: the primary one for
    /// the running revision and an alternate one for the new revision. With one target group
    /// there is nothing to shift traffic between. Values that are not ARNs (template tokens)
    /// are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef", "containerName": "web", "containerPort": 8080,
    ///   "advancedConfiguration": { "alternateTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef", "containerName": "web", "containerPort": 8080,
    ///   "advancedConfiguration": { "alternateTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/fedcba9876543210" } }
    /// ```
    ///
    /// ## Fix
    /// Create a second target group like the first and give its ARN.
    pub AlternateTargetGroupArn {
        id: "alternate-target-group-arn",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "AdvancedConfiguration.alternateTargetGroupArn", quote: "The Amazon Resource Name (ARN) of the alternate target group for Amazon ECS blue/green deployments." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html", note: "you need to create two target groups: a primary target group for the blue service revision and an alternate target group for the green service revision" },
        ],
    }
}

impl AlternateTargetGroupArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (_, lb) in load_balancers(doc) {
            let Some(advanced) = lb.advanced_configuration() else {
                continue;
            };
            let Some((alt, arn)) = arn_value(advanced.alternate_target_group_arn()) else {
                continue;
            };
            match elb_resource(&arn) {
                Some(ElbResource::TargetGroup) => {}
                _ => {
                    out.report(&Self::META, alt.range(), format!("`alternateTargetGroupArn` `{}` is not the ARN of a target group", alt.value()))
                        .help("use the ARN of the second target group (arn:aws:elasticloadbalancing:…:targetgroup/name/id)");
                    continue;
                }
            }
            if let Some(tg) = lb.target_group_arn().filter(|t| t.value() == alt.value()) {
                out.report(&Self::META, alt.range(), "`alternateTargetGroupArn` is the load balancer's own `targetGroupArn`: the deployment needs a second target group")
                    .help("create a second target group like the first and give its ARN")
                    .related(tg.range(), "the primary target group");
            }
        }
    }
}
