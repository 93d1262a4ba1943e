use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an `advancedConfiguration.alternateTargetGroupArn` that is not a target group ARN, or
    /// that is the entry's own `targetGroupArn`.
    ///
    /// ## Why is this bad?
    /// Blue/green, linear and canary deployments need two target groups, one per revision; with one
    /// there is nothing to shift traffic between. Values that are not ARNs are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1a2b3c4d",
    ///   "advancedConfiguration": { "alternateTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1a2b3c4d" } }
    /// ```
    /// Use instead: the ARN of a second target group (`…:targetgroup/green/5e6f7a8b`).
    ///
    /// ## Fix
    /// Create a second target group like the first and give its ARN.
    pub AlternateTargetGroupArn {
        id: "alternate-target-group-arn",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html", note: "two target groups: a primary one for the blue service revision and an alternate one for the green service revision" },
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
