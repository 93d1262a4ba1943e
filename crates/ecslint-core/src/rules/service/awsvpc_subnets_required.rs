use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an empty `subnets` array in `awsvpcConfiguration` (a missing one is reported by
    /// `missing-required-field`).
    ///
    /// ## Why is this bad?
    /// Each awsvpc task gets a network interface in one of the subnets; with none, there is nowhere
    /// to put it.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": [] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// List the subnets of the tasks.
    pub AwsvpcSubnetsRequired {
        id: "awsvpc-subnets-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18251, 18251), quote: "Required: Yes" },
        ],
    }
}

impl AwsvpcSubnetsRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(subnets) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
            .and_then(|a| a.subnets())
        else {
            return;
        };
        if subnets.is_empty() {
            out.report(
                &Self::META,
                subnets.range(),
                "`subnets` is empty: awsvpc tasks need at least one subnet",
            )
            .help("list the subnet ids the tasks run in");
        }
    }
}
