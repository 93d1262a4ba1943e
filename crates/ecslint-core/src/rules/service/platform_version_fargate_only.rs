use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `platformVersion` on a service that runs on EC2 or EXTERNAL instances (`launchType`
    /// EC2 or EXTERNAL, or Auto Scaling group capacity providers).
    ///
    /// ## Why is this bad?
    /// Platform versions are versions of the Fargate runtime; only Fargate services take one.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2", "platformVersion": "LATEST" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2" }
    /// ```
    ///
    /// ## Fix
    /// Remove `platformVersion`.
    pub PlatformVersionFargateOnly {
        id: "platform-version-fargate-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1807, 1807), quote: "A platform version is specified only for tasks using the Fargate launch type." },
        ],
    }
}

impl PlatformVersionFargateOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let facts = &doc.service_facts;
        if facts.fargate || !(facts.ec2 || facts.external) {
            return;
        }
        let Some(m) = service.member("platformVersion") else {
            return;
        };
        let on = if facts.external {
            "EXTERNAL instances"
        } else {
            "EC2 instances"
        };
        let fix = service
            .node()
            .as_object()
            .map(|members| Fix::safe("remove `platformVersion`", vec![remove_member(members, m)]));
        let d = out
            .report(
                &Self::META,
                m.key.range,
                format!("`platformVersion` is only for Fargate, and the service runs on {on}"),
            )
            .help("remove `platformVersion`");
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }
}
