use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS volume `sizeInGiB` outside the sizes of its `volumeType`: gp2
    /// 1–16,384; gp3 1–65,536; io1 4–16,384; io2 4–65,536; st1 and sc1 125–16,384;
    /// standard 1–1,024.
    ///
    /// ## Why is this bad?
    /// ECS creates the volume with EC2's CreateVolume, which refuses other sizes. The 2024
    /// API reference caps gp3 and io2 at 16,384 GiB; EC2 has taken 64 TiB since 2025, so
    /// this rule uses today's limits.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "st1", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "st1", "sizeInGiB": 125, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Choose a size in the type's range, or another type (gp3 for small volumes).
    pub EbsSizeRangeByType {
        id: "ebs-size-range-by-type",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23076, 23081), quote: "The following are the supported volume size values for each volume type." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-modify-volume-request/size.html", note: "current EC2 sizes: gp2 1-16,384 GiB, gp3 1-65,536, io1 4-16,384, io2 4-65,536, st1/sc1 125-16,384, standard 1-1024" },
        ],
    }
}

impl EbsSizeRangeByType {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(size) = v.size_in_gib() else {
                continue;
            };
            let kind = ebs_volume_type(v);
            let (lo, hi, of) =
                match kind.and_then(|k| ebs_size_range(k.value()).map(|r| (r, k.value()))) {
                    Some(((lo, hi), k)) => (lo, hi, format!("volume type {k}")),
                    // Whatever the type, a volume has at least 1 GiB.
                    None => (1, i32::MAX, "an EBS volume".to_owned()),
                };
            let s = size.value();
            if (lo..=hi).contains(&s) {
                continue;
            }
            let range = if hi == i32::MAX {
                "at least 1".to_owned()
            } else {
                format!("{}–{}", thousands(lo), thousands(hi))
            };
            out.report(
                &Self::META,
                size.range(),
                format!(
                    "{} GiB is not a valid size for {of}: {range} GiB",
                    thousands(s)
                ),
            )
            .help(format!("use a size of {range} GiB"));
        }
    }
}
