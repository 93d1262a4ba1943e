use crate::rules::logging::helpers::{anchor, awslogs, option_pointer};
use crate::rules::networking::helpers::{container_label, containers, fargate_origin};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `awslogs` log configuration without the `awslogs-stream-prefix` option in a
    /// Fargate task definition.
    ///
    /// ## Why is this bad?
    /// On Fargate the stream prefix is required: RegisterTaskDefinition fails with "Fargate
    /// requires log configuration options to include awslogs-stream-prefix to support log
    /// driver awslogs." (On EC2 it is optional, but without it log streams are named after
    /// Docker's container id, which is hard to trace back to a task.)
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "web", "image": "nginx",
    ///     "logConfiguration": { "logDriver": "awslogs", "options": {
    ///       "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" } } }] }
    /// ```
    /// Use instead: add `"awslogs-stream-prefix": "web"` to the options; streams are then named
    /// `web/<container name>/<task id>`.
    ///
    /// ## Fix
    /// Add `"awslogs-stream-prefix"`. The unsafe fix adds it with the container's name as the
    /// prefix; choose another if something reads the stream names.
    pub AwslogsStreamPrefixFargate {
        id: "awslogs-stream-prefix-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html", note: "awslogs-stream-prefix: Required: Yes, when using Fargate. Optional when using EC2." },
            Source::ErrorMessage { text: "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs. (Service: AmazonECS; Status Code: 400; Error Code: ClientException", seen_in: "aws/aws-cdk#1422" },
        ],
    }
}

impl AwslogsStreamPrefixFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some((config, options)) = awslogs(container) else {
                continue;
            };
            if options.is_none() && config.member("options").is_some() {
                continue;
            }
            if options.is_some_and(|o| o.node().member("awslogs-stream-prefix").is_some()) {
                continue;
            }
            let d = out
                .report(
                    &Self::META,
                    anchor(config),
                    format!("Fargate requires the `awslogs-stream-prefix` option for the awslogs log driver, and it is missing ({})", container_label(i, container)),
                )
                .help("add \"awslogs-stream-prefix\" to logConfiguration.options, e.g. the container name; log streams are then named <prefix>/<container>/<task id>")
                .pointer(option_pointer(doc, i, options, "awslogs-stream-prefix"));
            let prefix = container
                .name()
                .map(|n| n.value())
                .filter(|n| !n.is_empty() && !is_placeholder(n));
            let first = options.and_then(|o| o.members().first());
            if let (Some(prefix), Some(first)) = (prefix, first) {
                let value = serde_json::to_string(prefix).expect("a string serializes");
                d.fix(Fix::unsafe_(
                    format!("add \"awslogs-stream-prefix\": {value}"),
                    vec![insert_member_before(
                        doc.text,
                        first,
                        &format!("\"awslogs-stream-prefix\": {value}"),
                    )],
                ));
            }
            if let Some(range) = fargate_origin(doc) {
                d.related(range, "the task targets Fargate here");
            }
        }
    }
}
