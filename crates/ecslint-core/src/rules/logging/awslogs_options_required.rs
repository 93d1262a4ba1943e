use crate::rules::logging::helpers::{anchor, awslogs, option_pointer};
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `awslogs` log configuration without the `awslogs-group` option, or, in a
    /// Fargate task definition, without the `awslogs-region` option.
    ///
    /// ## Why is this bad?
    /// The API reference marks both options "Required: Yes". Without a log group Docker's
    /// awslogs driver refuses to start the container. Without a region the driver falls back
    /// to the EC2 instance's region (several AWS samples for EC2 rely on this), but Fargate
    /// documents no such fallback, so the region is only required there. The task definition
    /// registers either way and its containers fail to start, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx", "memory": 256,
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-stream-prefix": "web" } } }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx", "memory": 256,
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web",
    ///     "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" } } }] }
    /// ```
    ///
    /// ## Fix
    /// Add `"awslogs-group"` (an existing log group, or add `"awslogs-create-group": "true"`
    /// and allow `logs:CreateLogGroup`) and `"awslogs-region"` (the region of that log group).
    pub AwslogsOptionsRequired {
        id: "awslogs-options-required",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::Botocore { shape: "LogConfiguration.options" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html", note: "awslogs-region: Required: Yes; awslogs-group: Required: Yes" },
            Source::AwsDocs { url: "https://docs.docker.com/engine/logging/drivers/awslogs/", note: "the awslogs driver needs a log group, and a region from awslogs-region, AWS_REGION or the EC2 instance metadata" },
        ],
    }
}

impl AwslogsOptionsRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some((config, options)) = awslogs(container) else {
                continue;
            };
            // Options that are not an object (a placeholder string, say) say nothing.
            if options.is_none() && config.member("options").is_some() {
                continue;
            }
            for (key, what) in [
                ("awslogs-group", "the CloudWatch Logs group to write to"),
                ("awslogs-region", "the region of that log group"),
            ] {
                if options.is_some_and(|o| o.node().member(key).is_some()) {
                    continue;
                }
                if key == "awslogs-region" && !doc.facts.fargate {
                    continue;
                }
                out.report(
                    &Self::META,
                    anchor(config),
                    format!("the awslogs log driver needs the `{key}` option, which is missing ({})", container_label(i, container)),
                )
                .help(format!("add \"{key}\" to logConfiguration.options: {what}; without it the container fails to start"))
                .pointer(option_pointer(doc, i, options, key));
            }
        }
    }
}
