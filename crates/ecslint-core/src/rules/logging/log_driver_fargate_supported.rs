use crate::rules::logging::helpers::EC2_ONLY_LOG_DRIVERS;
use crate::rules::networking::helpers::{container_label, containers, fargate_origin};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container of a Fargate task definition whose `logConfiguration.logDriver` is
    /// one of the EC2-only drivers: `json-file`, `syslog`, `journald`, `gelf` or `fluentd`.
    ///
    /// ## Why is this bad?
    /// Fargate supports only `awslogs`, `splunk` and `awsfirelens`; there is no Docker daemon
    /// on the host to write `json-file` logs to, nor a place to run a syslog or Fluentd agent.
    /// RegisterTaskDefinition fails with a message such as "ClientException: json-file is not
    /// a valid log driver. Must be one of [awslogs,splunk,awsfirelens]".
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "web", "image": "nginx",
    ///     "logConfiguration": { "logDriver": "json-file" } }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "web", "image": "nginx",
    ///     "logConfiguration": { "logDriver": "awslogs", "options": {
    ///       "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1",
    ///       "awslogs-stream-prefix": "web" } } }] }
    /// ```
    ///
    /// ## Fix
    /// Use `awslogs` to send logs to CloudWatch Logs, `splunk`, or `awsfirelens` to route them
    /// through a Fluent Bit or Fluentd sidecar, which can forward to Fluentd, GELF, syslog and
    /// many other destinations. No automatic fix: each driver needs its own options.
    pub LogDriverFargateSupported {
        id: "log-driver-fargate-supported",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21392, 21392), quote: "For tasks on AWS Fargate, the supported log drivers are awslogs, splunk, and awsfirelens." },
            Source::ErrorMessage { text: "ClientException: awsvpc is not a valid log driver. Must be one of [awslogs,splunk,awsfirelens]", seen_in: "kayac/ecspresso#364" },
        ],
    }
}

impl LogDriverFargateSupported {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(driver) = container.log_configuration().and_then(|l| l.log_driver()) else {
                continue;
            };
            let name = driver.value();
            // Placeholders and values outside the API's enum are not this rule's business.
            if !EC2_ONLY_LOG_DRIVERS.contains(&name) {
                continue;
            }
            let instead = match name {
                "json-file" | "journald" => "use \"awslogs\" (CloudWatch Logs) or \"splunk\"",
                _ => "use \"awsfirelens\" with a Fluent Bit or Fluentd sidecar, which can forward to this destination, or \"awslogs\" (CloudWatch Logs)",
            };
            let d = out.report(
                &Self::META,
                driver.range(),
                format!(
                    "the `{name}` log driver is not supported on Fargate ({})",
                    container_label(i, container)
                ),
            );
            d.help(format!(
                "Fargate supports only awslogs, splunk and awsfirelens: {instead}"
            ));
            if let Some(range) = fargate_origin(doc) {
                d.related(range, "the task targets Fargate here");
            }
        }
    }
}
