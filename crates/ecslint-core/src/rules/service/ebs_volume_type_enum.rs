use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS `volumeType` that is not `gp2`, `gp3`, `io1`, `io2`, `st1`,
    /// `sc1` or `standard`.
    ///
    /// ## Why is this bad?
    /// The model types `volumeType` as a plain string, but EC2 knows only these (in lower
    /// case); any other value fails when the volume is created. `gp3a` and `io2a`, which EC2's
    /// model has (2026) but ECS's documentation does not list, get a warning.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "GP3", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "volumeType": "gp3", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Use one of the listed types.
    pub EbsVolumeTypeEnum {
        id: "ebs-volume-type-enum",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (23119, 23125), quote: "The following are the supported volume types." },
            Source::Botocore { shape: "ServiceManagedEBSVolumeConfiguration.volumeType (maps 1:1 with EC2 CreateVolume's VolumeType)" },
        ],
    }
}

impl EbsVolumeTypeEnum {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(kind) = ebs_volume_type(v) else {
                continue;
            };
            let t = kind.value();
            if EBS_VOLUME_TYPES.contains(&t) {
                continue;
            }
            if EC2_ONLY_EBS_VOLUME_TYPES.contains(&t) {
                out.report(&Self::META, kind.range(), format!("\"{t}\" is an EC2 volume type that ECS's documentation does not list for managed EBS volumes"))
                    .help("ECS passes volumeType to EC2's CreateVolume, so it may work; the documented types are gp2, gp3, io1, io2, st1, sc1 and standard")
                    .severity(Severity::Warning);
                continue;
            }
            let lower = t.trim().to_ascii_lowercase();
            let d = out
                .report(
                    &Self::META,
                    kind.range(),
                    format!("\"{t}\" is not an EBS volume type"),
                )
                .help("use gp2, gp3, io1, io2, st1, sc1 or standard");
            if EBS_VOLUME_TYPES.contains(&lower.as_str()) {
                d.help(format!("write it in lower case: \"{lower}\""))
                    .fix(Fix::safe(
                        format!("use \"{lower}\""),
                        vec![Edit::replace(kind.range(), format!("\"{lower}\""))],
                    ));
            }
        }
    }
}
