use crate::rules::prelude::*;
use crate::rules::volumes::helpers::{report_transit_disabled, transit_enabled};

declare_rule! {
    /// ## What it does
    /// Reports an EFS volume with `authorizationConfig.accessPointId` whose
    /// `transitEncryption` is not `ENABLED` (it defaults to `DISABLED`).
    ///
    /// ## Why is this bad?
    /// EFS access points are mounted through the TLS-enabled mount helper, so the API
    /// requires transit encryption with them.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared", "efsVolumeConfiguration": {
    ///     "fileSystemId": "fs-12345678", "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: the same with `"transitEncryption": "ENABLED"`.
    ///
    /// ## Fix
    /// Set `"transitEncryption": "ENABLED"` (a safe fix: it is what the API demands).
    pub EfsAccessPointRequiresTransitEncryption {
        id: "efs-access-point-requires-transit-encryption",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (20417, 20417), quote: "If an access point is used, transit encryption must be on in the EFSVolumeConfiguration." },
        ],
    }
}

impl EfsAccessPointRequiresTransitEncryption {
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
            if ap.value().is_empty() || transit_enabled(efs) {
                continue;
            }
            // Reported once: the IAM rule covers a volume that also enables IAM.
            if efs
                .authorization_config()
                .and_then(|a| a.iam())
                .is_some_and(|i| i.value() == "ENABLED")
            {
                continue;
            }
            report_transit_disabled(
                doc,
                out,
                &Self::META,
                efs,
                ap.range(),
                "an EFS access point requires transit encryption",
            );
        }
    }
}
