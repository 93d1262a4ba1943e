use crate::rules::prelude::*;
use crate::rules::volumes::helpers::{report_transit_disabled, transit_enabled};

declare_rule! {
    /// ## What it does
    /// Reports an EFS volume with `authorizationConfig.iam` `ENABLED` whose
    /// `transitEncryption` is not `ENABLED` (it defaults to `DISABLED`).
    ///
    /// ## Why is this bad?
    /// IAM authorization for EFS travels over the TLS connection, so the API requires transit
    /// encryption with it.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared", "efsVolumeConfiguration": {
    ///     "fileSystemId": "fs-12345678", "authorizationConfig": { "iam": "ENABLED" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: the same with `"transitEncryption": "ENABLED"`.
    ///
    /// ## Fix
    /// Set `"transitEncryption": "ENABLED"` (a safe fix: it is what the API demands).
    pub EfsIamRequiresTransitEncryption {
        id: "efs-iam-requires-transit-encryption",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (20425, 20425), quote: "If it is turned on, transit encryption must be turned on in the EFSVolumeConfiguration." },
        ],
    }
}

impl EfsIamRequiresTransitEncryption {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(efs) = v.efs_volume_configuration() else {
                continue;
            };
            let Some(iam) = efs.authorization_config().and_then(|a| a.iam()) else {
                continue;
            };
            if iam.value() != "ENABLED" || transit_enabled(efs) {
                continue;
            }
            report_transit_disabled(
                doc,
                out,
                &Self::META,
                efs,
                iam.range(),
                "EFS IAM authorization requires transit encryption",
            );
        }
    }
}
