use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS volume `throughput` outside 125–2,000 MiB/s.
    ///
    /// ## Why is this bad?
    /// gp3 throughput starts at 125 MiB/s and EC2 now takes up to 2,000 MiB/s (the 2024 API
    /// reference says 1,000); other values are refused.
    ///
    /// Covers: ebs-throughput-max-1000
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "throughput": 4000, "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "throughput": 1000, "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Use 125–2,000 MiB/s, or omit `throughput` for gp3's 125 MiB/s.
    pub EbsThroughputRange {
        id: "ebs-throughput-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23105, 23105), quote: "The throughput to provision for a volume, in MiB/s, with a maximum of 1,000 MiB/s." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-modify-volume-request/throughput.html", note: "Throughput: valid only for gp3; minimum 125, maximum 2,000 MiB/s" },
        ],
    }
}

impl EbsThroughputRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(t) = v.throughput() else { continue };
            let n = t.value();
            if (125..=2_000).contains(&n) {
                continue;
            }
            out.report(
                &Self::META,
                t.range(),
                format!(
                    "{} MiB/s is outside the gp3 throughput range of 125–2,000 MiB/s",
                    thousands(n)
                ),
            )
            .help("use 125–2,000 MiB/s, or omit `throughput` for 125 MiB/s");
        }
    }
}
