use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks the values of `firelensConfiguration.options`: `enable-ecs-log-metadata` must be
    /// `"true"` or `"false"`, `config-file-type` must be `"s3"` or `"file"` and needs a
    /// `config-file-value`, which is an S3 object ARN for `s3` and an absolute path for `file`.
    ///
    /// ## Why is this bad?
    /// These are the only forms the API reference gives; anything else either fails to
    /// register or leaves the log router without its configuration. A common slip is an
    /// `s3://bucket/key` URL where an ARN (`arn:aws:s3:::bucket/key`) belongs. This is a
    /// warning because the exact validation is not documented.
    ///
    /// ## Example
    /// ```json
    /// { "type": "fluentbit", "options": { "config-file-type": "s3",
    ///   "config-file-value": "s3://my-bucket/fluent-bit.conf" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "type": "fluentbit", "options": { "config-file-type": "s3",
    ///   "config-file-value": "arn:aws:s3:::my-bucket/fluent-bit.conf" } }
    /// ```
    ///
    /// ## Fix
    /// Use the documented values. An `s3://bucket/key` URL is rewritten to the ARN
    /// `arn:aws:s3:::bucket/key` (safe: the same object; ARNs of other partitions must be
    /// written by hand).
    pub FirelensOptionsSyntax {
        id: "firelens-options-syntax",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (20747, 20747), quote: "If specified, the syntax to use is \"options\":{\"enable-ecs-log-metadata\":\"true|false\",\"config-file-type:\"s3|file\",\"config-file-value\":\"arn:aws:s3:::mybucket/fluent.conf|filepath\"}." },
        ],
    }
}

impl FirelensOptionsSyntax {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(options) = container.firelens_configuration().and_then(|f| f.options()) else {
                continue;
            };
            let who = container_label(i, container);
            if let Some(v) = options.get("enable-ecs-log-metadata") {
                let s = v.value();
                if s != "true" && s != "false" && !is_placeholder(s) {
                    out.report(&Self::META, v.range(), format!("FireLens option `enable-ecs-log-metadata` must be \"true\" or \"false\", not \"{s}\" ({who})"))
                        .help("write \"true\" (the default: add task, cluster and container metadata to each record) or \"false\"");
                }
            }
            let kind = options.get("config-file-type");
            let value = options.get("config-file-value");
            // One of the two known only when deployed: nothing to say about the pair.
            if ["config-file-type", "config-file-value"]
                .iter()
                .any(|k| options.node().get(k).is_some_and(|n| n.is_unknown()))
            {
                continue;
            }
            if let Some(kind) = kind {
                let k = kind.value();
                if is_placeholder(k) {
                    continue;
                }
                if k != "s3" && k != "file" {
                    out.report(&Self::META, kind.range(), format!("FireLens option `config-file-type` must be \"s3\" or \"file\", not \"{k}\" ({who})"))
                        .help("use \"file\" for a configuration file inside the log router image, or \"s3\" (EC2 only) with the S3 object's ARN");
                    continue;
                }
                let Some(value) = value else {
                    let member = options.node().member("config-file-type").expect("present");
                    out.report(&Self::META, member.key.range, format!("FireLens option `config-file-type` is \"{k}\" but `config-file-value` is missing ({who})"))
                        .help(if k == "s3" { "add \"config-file-value\" with the ARN of the S3 object, e.g. arn:aws:s3:::my-bucket/fluent-bit.conf" } else { "add \"config-file-value\" with the absolute path of the file in the image, e.g. /fluent-bit/etc/extra.conf" });
                    continue;
                };
                let v = value.value();
                if is_placeholder(v) {
                    continue;
                }
                if k == "s3" && !v.starts_with("arn:") {
                    let d = out.report(&Self::META, value.range(), format!("FireLens `config-file-value` must be an S3 object ARN when `config-file-type` is \"s3\", not \"{v}\" ({who})"));
                    d.help("write the object's ARN: arn:aws:s3:::<bucket>/<key>");
                    if let Some(rest) = v.strip_prefix("s3://").filter(|r| r.contains('/')) {
                        let arn = format!("arn:aws:s3:::{rest}");
                        d.fix(Fix::safe(
                            format!("replace with {arn}"),
                            vec![Edit::replace(
                                value.range(),
                                serde_json::to_string(&arn).expect("a string serializes"),
                            )],
                        ));
                    }
                } else if k == "file" && !v.starts_with('/') {
                    out.report(&Self::META, value.range(), format!("FireLens `config-file-value` must be an absolute path when `config-file-type` is \"file\", not \"{v}\" ({who})"))
                        .help("give the file's absolute path inside the log router image, e.g. /fluent-bit/etc/extra.conf");
                }
            } else if value.is_some() {
                let member = options.node().member("config-file-value").expect("present");
                out.report(&Self::META, member.key.range, format!("FireLens option `config-file-value` is set without `config-file-type` ({who})"))
                    .help("add \"config-file-type\": \"file\" (a path in the image) or \"s3\" (an S3 object ARN, EC2 only)");
            }
        }
    }
}
