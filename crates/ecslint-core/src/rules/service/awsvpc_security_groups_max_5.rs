use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports more than 5 `securityGroups` in `awsvpcConfiguration`.
    ///
    /// ## Why is this bad?
    /// An awsvpc configuration takes at most 5 security groups.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": [ "… 6 ids …" ] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": [ "… at most 5 …" ] } } }
    /// ```
    ///
    /// ## Fix
    /// Keep at most 5.
    pub AwsvpcSecurityGroupsMax5 {
        id: "awsvpc-security-groups-max-5",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18265, 18265), quote: "There's a limit of 5 security groups that can be specified per AwsVpcConfiguration." },
        ],
    }
}

impl AwsvpcSecurityGroupsMax5 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
            .and_then(|a| a.get("securityGroups"))
            .and_then(|n| n.as_array())
        else {
            return;
        };
        if list.len() > 5 {
            out.report(
                &Self::META,
                opening(list[5].range),
                format!(
                    "there are {} entries in `securityGroups`; at most 5 are allowed",
                    list.len()
                ),
            )
            .help("remove entries: an awsvpc configuration takes at most 5");
        }
    }
}
