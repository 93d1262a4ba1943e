use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `throughput` on a managed EBS volume whose `volumeType` is not `gp3`.
    ///
    /// ## Why is this bad?
    /// Only gp3 volumes take a provisioned throughput; EC2 refuses it for other types.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp2", "throughput": 250, "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "throughput": 250, "sizeInGiB": 100, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Use gp3, or remove `throughput`.
    pub EbsThroughputGp3Only {
        id: "ebs-throughput-gp3-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23109, 23109), quote: "This parameter is only supported for the gp3 volume type." },
            Source::ErrorMessage { text: "InvalidParameterCombination: throughput can only be specified for volumeType gp3.", seen_in: "runs-on/runs-on#426" },
        ],
    }
}

impl EbsThroughputGp3Only {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(kind) = ebs_volume_type(v) else {
                continue;
            };
            if kind.value() == "gp3" || !EBS_VOLUME_TYPES.contains(&kind.value()) {
                continue;
            }
            let Some(m) = v.member("throughput") else {
                continue;
            };
            out.report(
                &Self::META,
                m.key.range,
                format!(
                    "`throughput` is only for gp3 volumes, and this one is {}",
                    kind.value()
                ),
            )
            .help("use `\"volumeType\": \"gp3\"`, or remove `throughput`");
        }
    }
}
