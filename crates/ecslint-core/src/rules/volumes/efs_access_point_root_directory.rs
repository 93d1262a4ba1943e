use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an EFS volume that uses an access point and sets `rootDirectory` to anything
    /// but `/`.
    ///
    /// ## Why is this bad?
    /// The access point already fixes the directory that is mounted. RegisterTaskDefinition
    /// rejects another root directory with "When using an EFS access point, the root
    /// directory must either be set to \"/\" or be omitted".
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared", "efsVolumeConfiguration": {
    ///     "fileSystemId": "fs-12345678", "rootDirectory": "/data", "transitEncryption": "ENABLED",
    ///     "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: remove `rootDirectory` and set the directory on the access point.
    ///
    /// ## Fix
    /// Remove `rootDirectory` (an unsafe fix: the mounted directory becomes the access
    /// point's root, which may differ from the path you wrote).
    pub EfsAccessPointRootDirectory {
        id: "efs-access-point-root-directory",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (20417, 20417), quote: "the root directory value specified in the EFSVolumeConfiguration must either be omitted or set to /" },
            Source::ErrorMessage { text: "Invalid request provided: Create TaskDefinition: When using an EFS access point, the root directory must either be set to \"/\" or be omitted", seen_in: "aws/aws-cdk#10683" },
        ],
    }
}

impl EfsAccessPointRootDirectory {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(efs) = v.efs_volume_configuration() else {
                continue;
            };
            let Some(ap) = efs.authorization_config().and_then(|a| a.access_point_id()) else {
                continue;
            };
            let Some(root) = efs.root_directory() else {
                continue;
            };
            if ap.value().is_empty() || root.value() == "/" || is_placeholder(root.value()) {
                continue;
            }
            let d = out
                .report(&Self::META, root.range(), format!("`rootDirectory` `{}` cannot be combined with an EFS access point", root.value()))
                .help("omit rootDirectory (or set it to \"/\") and set the directory on the access point instead")
                .related(ap.range(), "the access point is set here");
            if let (Some(members), Some(m)) = (efs.node().as_object(), efs.member("rootDirectory"))
            {
                d.fix(Fix::unsafe_(
                    "remove rootDirectory",
                    vec![remove_member(members, m)],
                ));
            }
        }
    }
}
