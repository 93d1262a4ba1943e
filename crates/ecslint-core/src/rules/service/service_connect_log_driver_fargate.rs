use crate::rules::logging::helpers::EC2_ONLY_LOG_DRIVERS;
use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceConnectConfiguration.logConfiguration.logDriver` other than
    /// `awslogs`, `splunk` or `awsfirelens` on a Fargate service.
    ///
    /// ## Why is this bad?
    /// The Service Connect proxy runs in the task, and Fargate tasks support only these
    /// three log drivers.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "serviceConnectConfiguration": { "enabled": true, "logConfiguration": { "logDriver": "json-file" } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "launchType": "FARGATE", "serviceConnectConfiguration": { "enabled": true, "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "sc" } } } }
    /// ```
    ///
    /// ## Fix
    /// Use `awslogs`, `splunk` or `awsfirelens`.
    pub ServiceConnectLogDriverFargate {
        id: "service-connect-log-driver-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22745, 22745), quote: "For tasks on AWS Fargate, the supported log drivers are awslogs, splunk, and awsfirelens." },
            Source::ErrorMessage { text: "ClientException: awsvpc is not a valid log driver. Must be one of [awslogs,splunk,awsfirelens]", seen_in: "kayac/ecspresso#364" },
        ],
    }
}

impl ServiceConnectLogDriverFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.service_facts.fargate {
            return;
        }
        let Some(driver) = doc
            .service
            .and_then(|s| s.service_connect_configuration())
            .and_then(|c| c.log_configuration())
            .and_then(|l| l.log_driver())
            .filter(|d| known(d.value()))
        else {
            return;
        };
        // Other values are not log drivers at all: `invalid-enum-value` reports them.
        if !EC2_ONLY_LOG_DRIVERS.contains(&driver.value()) {
            return;
        }
        out.report(
            &Self::META,
            driver.range(),
            format!("{}, which supports only the awslogs, splunk and awsfirelens log drivers, not \"{}\"", fargate_reason(doc), driver.value()),
        )
        .help("use \"awslogs\", \"splunk\" or \"awsfirelens\"");
    }
}
