use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports more than 16 `subnets` in `awsvpcConfiguration`.
    ///
    /// ## Why is this bad?
    /// An awsvpc configuration takes at most 16 subnets.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "subnets": [ "… 17 ids …" ] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "subnets": [ "… at most 16 …" ] } } }
    /// ```
    ///
    /// ## Fix
    /// Keep at most 16.
    pub AwsvpcSubnetsMax16 {
        id: "awsvpc-subnets-max-16",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18243, 18243), quote: "There's a limit of 16 subnets that can be specified per AwsVpcConfiguration." },
        ],
    }
}

impl AwsvpcSubnetsMax16 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
            .and_then(|a| a.get("subnets"))
            .and_then(|n| n.as_array())
        else {
            return;
        };
        if list.len() > 16 {
            out.report(
                &Self::META,
                opening(list[16].range),
                format!(
                    "there are {} entries in `subnets`; at most 16 are allowed",
                    list.len()
                ),
            )
            .help("remove entries: an awsvpc configuration takes at most 16");
        }
    }
}
