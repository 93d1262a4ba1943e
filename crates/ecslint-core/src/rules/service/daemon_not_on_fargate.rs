use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `"schedulingStrategy": "DAEMON"` on a service that runs on Fargate (`launchType`
    /// FARGATE, or the FARGATE / FARGATE_SPOT capacity providers).
    ///
    /// ## Why is this bad?
    /// A daemon service runs one task on every container instance; Fargate has no instances of
    /// yours, and the DAEMON strategy is not supported there.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "launchType": "EC2" }
    /// ```
    ///
    /// ## Fix
    /// Use `REPLICA` (with a `desiredCount`) on Fargate, or run the daemon on EC2.
    pub DaemonNotOnFargate {
        id: "daemon-not-on-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1850, 1850), quote: "Tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller types don't support the DAEMON scheduling strategy." },
        ],
    }
}

impl DaemonNotOnFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.daemon || !doc.service_facts.fargate {
            return;
        }
        let Some(s) = service.scheduling_strategy() else {
            return;
        };
        out.report(&Self::META, s.range(), format!("the DAEMON scheduling strategy is not supported on Fargate: {}", fargate_reason(doc)))
            .help("use \"schedulingStrategy\": \"REPLICA\" with a desiredCount, or run the daemon on EC2 instances");
    }
}
