use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `managedEBSVolume` with neither `sizeInGiB` nor `snapshotId`.
    ///
    /// ## Why is this bad?
    /// ECS cannot size a new volume without one of them.
    ///
    /// ## Example
    /// ```json
    /// { "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3" } }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 20 } }] }
    /// ```
    ///
    /// ## Fix
    /// Add `sizeInGiB`, or a `snapshotId` to create the volume from.
    pub EbsSizeOrSnapshot {
        id: "ebs-size-or-snapshot",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23074, 23074), quote: "You must specify either a volume size or a snapshot ID." },
        ],
    }
}

impl EbsSizeOrSnapshot {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            if v.member("sizeInGiB").is_some() || v.member("snapshotId").is_some() {
                continue;
            }
            out.report(&Self::META, opening(v.range()), "the managed EBS volume has neither `sizeInGiB` nor `snapshotId`")
                .help("add `\"sizeInGiB\"` (for example 20), or the `snapshotId` to create the volume from");
        }
    }
}
