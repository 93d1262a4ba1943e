use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an `io1` or `io2` managed EBS volume without `iops`.
    ///
    /// ## Why is this bad?
    /// Provisioned IOPS volumes have no default IOPS; EC2 refuses to create one without.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "io2", "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "io2", "iops": 5000, "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Add `iops`, or use gp3 (3,000 IOPS by default).
    pub EbsIopsRequiredForIo {
        id: "ebs-iops-required-for-io",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23052, 23052), quote: "This parameter is required for io1 and io2 volume types." },
            Source::ErrorMessage { text: "InvalidParameterCombination: The parameter iops must be specified for io1 volumes.", seen_in: "kubermatic/machine-controller#538" },
        ],
    }
}

impl EbsIopsRequiredForIo {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(kind) = ebs_volume_type(v) else {
                continue;
            };
            if !matches!(kind.value(), "io1" | "io2") || v.member("iops").is_some() {
                continue;
            }
            out.report(
                &Self::META,
                kind.range(),
                format!("volume type {} needs `iops`", kind.value()),
            )
            .help(format!(
                "add `\"iops\"` ({}–{})",
                thousands(100),
                thousands(if kind.value() == "io1" {
                    64_000
                } else {
                    256_000
                })
            ));
        }
    }
}
