use crate::rules::networking::helpers::{container_label, containers, fargate_origin};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a FireLens configuration with `"config-file-type": "s3"` in a Fargate task
    /// definition.
    ///
    /// ## Why is this bad?
    /// Fargate can only read a custom Fluent Bit or Fluentd configuration from a file inside
    /// the log router's image. RegisterTaskDefinition rejects `s3`, with the misleading
    /// message "ClientException: Invalid arn syntax." even when the ARN is correct.
    ///
    /// ## Example
    /// ```json
    /// { "firelensConfiguration": { "type": "fluentbit", "options": {
    ///   "config-file-type": "s3", "config-file-value": "arn:aws:s3:::my-bucket/fluent-bit.conf" } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "firelensConfiguration": { "type": "fluentbit", "options": {
    ///   "config-file-type": "file", "config-file-value": "/fluent-bit/etc/extra.conf" } } }
    /// ```
    ///
    /// ## Fix
    /// Copy the configuration into the log router image and use `"config-file-type": "file"`
    /// with its absolute path, or use the `aws-for-fluent-bit` init image, which downloads
    /// configuration from S3 itself (`aws_fluent_bit_init_s3_*` environment variables).
    pub FirelensFargateFileConfigOnly {
        id: "firelens-fargate-file-config-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20751, 20751), quote: "Tasks hosted on AWS Fargate only support the file configuration file type." },
            Source::ErrorMessage { text: "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid arn syntax. (config-file-type s3 on Fargate)", seen_in: "aws/aws-sdk#311" },
        ],
    }
}

impl FirelensFargateFileConfigOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(kind) = container
                .firelens_configuration()
                .and_then(|f| f.options())
                .and_then(|o| o.get("config-file-type"))
            else {
                continue;
            };
            if kind.value() != "s3" {
                continue;
            }
            let d = out.report(
                &Self::META,
                kind.range(),
                format!(
                    "Fargate does not support a FireLens configuration file from S3 ({})",
                    container_label(i, container)
                ),
            );
            d.help("put the configuration file in the log router image and use \"config-file-type\": \"file\" with its absolute path, or use the aws-for-fluent-bit init image to fetch it from S3");
            if let Some(range) = fargate_origin(doc) {
                d.related(range, "the task targets Fargate here");
            }
        }
    }
}
