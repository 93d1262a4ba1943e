use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an S3 Files volume with an `accessPointArn` and a `rootDirectory` other than
    /// `/`.
    ///
    /// ## Why is this bad?
    /// The access point fixes the directory that is mounted; the API requires the root
    /// directory to be omitted or `/` when one is given.
    ///
    /// ## Example
    /// ```json
    /// { "name": "data", "s3filesVolumeConfiguration": {
    ///   "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
    ///   "accessPointArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0",
    ///   "rootDirectory": "/reports" } }
    /// ```
    /// Use instead: remove `rootDirectory` and set the path on the access point.
    ///
    /// ## Fix
    /// Remove `rootDirectory` (an unsafe fix: the mounted directory becomes the access
    /// point's, which may differ from the path you wrote).
    pub S3filesAccessPointRootDirectory {
        id: "s3files-access-point-root-directory",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::BotocoreDoc { member: "S3FilesVolumeConfiguration.rootDirectory", quote: "If a S3 Files access point is specified in the accessPointArn, the root directory parameter must either be omitted or set to / which will enforce the path set on the S3 Files access point." },
        ],
    }
}

impl S3filesAccessPointRootDirectory {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(s3) = v.s3files_volume_configuration() else {
                continue;
            };
            let Some(ap) = s3.access_point_arn().filter(|a| !a.value().is_empty()) else {
                continue;
            };
            let Some(root) = s3.root_directory() else {
                continue;
            };
            if root.value() == "/" || root.value().is_empty() || is_placeholder(root.value()) {
                continue;
            }
            let d = out
                .report(&Self::META, root.range(), format!("`rootDirectory` `{}` cannot be combined with an S3 Files access point", root.value()))
                .help("omit rootDirectory (or set it to \"/\") and set the path on the access point instead")
                .related(ap.range(), "the access point is set here");
            if let (Some(members), Some(m)) = (s3.node().as_object(), s3.member("rootDirectory")) {
                d.fix(Fix::unsafe_(
                    "remove rootDirectory",
                    vec![remove_member(members, m)],
                ));
            }
        }
    }
}
