use crate::rules::prelude::*;
use crate::rules::volumes::helpers::transit_enabled;

declare_rule! {
    /// ## What it does
    /// Reports an EFS volume whose `transitEncryption` is not `ENABLED` (it defaults to
    /// `DISABLED`). Volumes that use IAM authorization or an access point are left to
    /// `efs-iam-requires-transit-encryption` and
    /// `efs-access-point-requires-transit-encryption`, which the API enforces.
    ///
    /// ## Why is this bad?
    /// Without transit encryption NFS traffic between the task and the file system travels
    /// unencrypted inside the VPC.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared",
    ///     "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared",
    ///     "efsVolumeConfiguration": { "fileSystemId": "fs-12345678", "transitEncryption": "ENABLED" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Set `"transitEncryption": "ENABLED"` (and allow port 2999 if a security group is
    /// strict, or set `transitEncryptionPort`).
    pub EfsTransitEncryptionDisabled {
        id: "efs-transit-encryption-disabled",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20479, 20479), quote: "If this parameter is omitted, the default value of DISABLED is used." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html", note: "EFS encrypts data in transit with TLS when the mount helper uses the tls option" },
        ],
    }
}

impl EfsTransitEncryptionDisabled {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(m) = v.member("efsVolumeConfiguration") else {
                continue;
            };
            let Some(efs) = v.efs_volume_configuration() else {
                continue;
            };
            if transit_enabled(efs) {
                continue;
            }
            if let Some(auth) = efs.authorization_config() {
                if auth.iam().is_some_and(|i| i.value() == "ENABLED")
                    || auth.access_point_id().is_some()
                {
                    continue;
                }
            }
            let at = efs
                .member("transitEncryption")
                .map_or(m.key.range, |t| t.value.range);
            let name = v.name().map_or_else(
                || "an EFS volume".to_owned(),
                |n| format!("EFS volume `{}`", n.value()),
            );
            out.report(
                &Self::META,
                at,
                format!("{name} is mounted without transit encryption"),
            )
            .help(
                "set \"transitEncryption\": \"ENABLED\" so that NFS traffic is encrypted with TLS",
            );
        }
    }
}
