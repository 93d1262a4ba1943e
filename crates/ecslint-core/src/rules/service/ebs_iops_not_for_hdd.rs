use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `iops` on a managed EBS volume of type `st1`, `sc1` or `standard`, whose
    /// performance is not provisioned in IOPS, or `gp2`, whose IOPS follow its size.
    ///
    /// ## Why is this bad?
    /// EC2's CreateVolume refuses `iops` for these types.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "st1", "iops": 500, "sizeInGiB": 500, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "st1", "sizeInGiB": 500, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Remove `iops`, or use gp3, io1 or io2 to provision IOPS.
    pub EbsIopsNotForHdd {
        id: "ebs-iops-not-for-hdd",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (23052, 23052), quote: "This parameter is not supported for st1, sc1, or standard volume types." },
            Source::ErrorMessage { text: "InvalidParameterCombination: The parameter iops is not supported for gp2 volumes.", seen_in: "kubernetes-retired/kube-aws#1208" },
        ],
    }
}

impl EbsIopsNotForHdd {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(kind) = ebs_volume_type(v) else {
                continue;
            };
            if !matches!(kind.value(), "st1" | "sc1" | "standard" | "gp2") {
                continue;
            }
            let Some(m) = v.member("iops") else { continue };
            let fix = v
                .node()
                .as_object()
                .map(|members| Fix::unsafe_("remove `iops`", vec![remove_member(members, m)]));
            let d = out
                .report(
                    &Self::META,
                    m.key.range,
                    format!("volume type {} takes no `iops`", kind.value()),
                )
                .help("remove `iops`, or use gp3, io1 or io2 to provision IOPS");
            if let Some(fix) = fix {
                d.fix(fix);
            }
        }
    }
}
