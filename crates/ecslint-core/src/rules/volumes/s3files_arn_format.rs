use crate::rules::container::helpers::parse_arn;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks a `s3filesVolumeConfiguration`'s `fileSystemArn`
    /// (`arn:partition:s3files:region:account:file-system/fs-…`) and `accessPointArn` (an
    /// S3 Files ARN).
    ///
    /// ## Why is this bad?
    /// ECS identifies the file system by its full ARN only: a bucket name, an `s3://` URL, an
    /// EFS file system ID or a bucket ARN is not an S3 Files file system. Template
    /// placeholders are skipped.
    ///
    /// ## Example
    /// ```json
    /// { "name": "data", "s3filesVolumeConfiguration": { "fileSystemArn": "arn:aws:s3:::my-bucket" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "data", "s3filesVolumeConfiguration": { "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0" } }
    /// ```
    ///
    /// ## Fix
    /// Use the file system's ARN from the S3 Files console or API.
    pub S3filesArnFormat {
        id: "s3files-arn-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/s3files-volumes.html", note: "S3 file system requires a full ARN: arn:{partition}:s3files:{region}:{account-id}:file-system/fs-xxxxx" },
            Source::BotocoreDoc { member: "S3FilesVolumeConfiguration.fileSystemArn", quote: "The full ARN of the S3 Files file system to mount." },
        ],
    }
}

/// What is wrong with `s` as the ARN of an S3 Files resource (`file_system`: of a file
/// system), if anything.
fn problem(s: &str, file_system: bool) -> Option<String> {
    let Some(arn) = parse_arn(s) else {
        return Some("is not an ARN".to_owned());
    };
    if arn.service != "s3files" {
        return Some(format!("is an ARN of `{}`, not of S3 Files", arn.service));
    }
    if file_system && !arn.resource.starts_with("file-system/fs-") {
        return Some("does not name a file system (file-system/fs-…)".to_owned());
    }
    None
}

impl S3filesArnFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(s3) = v.s3files_volume_configuration() else {
                continue;
            };
            for (key, value, file_system, help) in [
                ("fileSystemArn", s3.file_system_arn(), true, "use the file system's full ARN: arn:aws:s3files:region:account:file-system/fs-…"),
                ("accessPointArn", s3.access_point_arn(), false, "use the access point's full ARN (arn:aws:s3files:…), as S3 Files shows it"),
            ] {
                let Some(value) =
                    value.filter(|s| !s.value().is_empty() && !is_placeholder(s.value()))
                else {
                    continue;
                };
                if let Some(p) = problem(value.value(), file_system) {
                    out.report(&Self::META, value.range(), format!("`{key}` `{}` {p}", value.value()))
                        .help(help);
                }
            }
        }
    }
}
