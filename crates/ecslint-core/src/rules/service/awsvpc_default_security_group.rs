use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an `awsvpcConfiguration` without `securityGroups`.
    ///
    /// ## Why is this bad?
    /// Without security groups the tasks get the VPC's default security group, which is shared
    /// with everything else that falls back to it and rarely what was meant.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// List the security groups of the tasks.
    pub AwsvpcDefaultSecurityGroup {
        id: "awsvpc-default-security-group",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18265, 18265), quote: "If you don't specify a security group, the default security group for the VPC is used." },
        ],
    }
}

impl AwsvpcDefaultSecurityGroup {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(config) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
        else {
            return;
        };
        if config.member("securityGroups").is_some() {
            return;
        }
        let range = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.member("awsvpcConfiguration"))
            .map_or_else(|| opening(config.range()), |m| m.key.range);
        out.report(
            &Self::META,
            range,
            "no `securityGroups`: the tasks get the VPC's default security group",
        )
        .help("list the security groups the tasks need (\"securityGroups\": [\"sg-…\"])");
    }
}
