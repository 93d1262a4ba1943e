use crate::rules::container::helpers::parse_arn;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `environmentFiles[].value` that is not the ARN of an S3 object
    /// (`arn:aws:s3:::bucket/key.env`), such as an `s3://` URL, an HTTPS URL or a bucket ARN
    /// without a key.
    ///
    /// ## Why is this bad?
    /// ECS downloads the file from S3 by its object ARN when the task starts; anything else
    /// cannot be fetched and the task fails to start. No rejection at registration has been
    /// seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "environmentFiles": [{ "type": "s3", "value": "s3://config-bucket/app.env" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::config-bucket/app.env" }] }]
    /// ```
    ///
    /// ## Fix
    /// Write the object ARN: `arn:aws:s3:::BUCKET/KEY` (no Region or account). An `s3://`
    /// URL is rewritten by an unsafe fix (it assumes the `aws` partition).
    pub EnvironmentFileValueS3Arn {
        id: "environment-file-value-s3-arn",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (20537, 20537), quote: "The Amazon Resource Name (ARN) of the Amazon S3 object containing the environment variable file." },
        ],
    }
}

/// The bucket and key of an S3 object ARN.
pub(crate) fn s3_object(s: &str) -> Option<(&str, &str)> {
    let arn = parse_arn(s)?;
    if arn.service != "s3" || !arn.region.is_empty() || !arn.account.is_empty() {
        return None;
    }
    let (bucket, key) = arn.resource.split_once('/')?;
    (!bucket.is_empty() && !key.is_empty()).then_some((bucket, key))
}

impl EnvironmentFileValueS3Arn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(files) = c.environment_files() else {
                continue;
            };
            for f in files.values() {
                let Some(v) = f.value() else { continue };
                let s = v.value();
                if is_placeholder(s) || s_is_object_arn(s) {
                    continue;
                }
                let d = out
                    .report(&Self::META, v.range(), format!("environment file `{s}` is not an S3 object ARN"))
                    .help("write the object ARN: arn:aws:s3:::BUCKET/KEY.env (no Region or account id)");
                if let Some(rest) = s.strip_prefix("s3://") {
                    if rest
                        .split_once('/')
                        .is_some_and(|(b, k)| !b.is_empty() && !k.is_empty())
                    {
                        d.fix(Fix::unsafe_(
                            "write the S3 object ARN",
                            vec![Edit::replace(v.range(), format!("\"arn:aws:s3:::{rest}\""))],
                        ));
                    }
                }
            }
        }
    }
}

fn s_is_object_arn(s: &str) -> bool {
    s3_object(s).is_some()
}
