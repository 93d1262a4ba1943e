use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS volume `iops` outside the range of its `volumeType`: gp3
    /// 3,000–80,000; io1 100–64,000; io2 100–256,000.
    ///
    /// ## Why is this bad?
    /// EC2's CreateVolume refuses other values. The 2024 API reference caps gp3 at 16,000;
    /// EC2 has raised it to 80,000 since, so this rule uses the new maximum.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "iops": 1000, "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "iops": 3000, "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Choose IOPS in the type's range (or omit `iops` for gp3's 3,000).
    pub EbsIopsRangeByType {
        id: "ebs-iops-range-by-type",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23046, 23050), quote: "The following are the supported values for each volume type." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html", note: "gp3 volumes take up to 80,000 IOPS since September 2025" },
        ],
    }
}

impl EbsIopsRangeByType {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let (Some(iops), Some(kind)) = (v.iops(), ebs_volume_type(v)) else {
                continue;
            };
            let Some((lo, hi)) = ebs_iops_range(kind.value()) else {
                continue;
            };
            let n = iops.value();
            if (lo..=hi).contains(&n) {
                continue;
            }
            let range = format!("{}–{}", thousands(lo), thousands(hi));
            out.report(
                &Self::META,
                iops.range(),
                format!(
                    "{} IOPS is not valid for volume type {}: {range}",
                    thousands(n),
                    kind.value()
                ),
            )
            .help(format!("use {range} IOPS"));
        }
    }
}
