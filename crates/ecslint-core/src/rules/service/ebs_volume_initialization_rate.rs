use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks a managed EBS volume's `volumeInitializationRate`: only with a `snapshotId`, and
    /// 100–300 MiB/s.
    ///
    /// ## Why is this bad?
    /// The rate is how fast the snapshot is downloaded to the new volume: an empty volume has
    /// nothing to initialize, and EC2 takes 100 to 300 MiB/s. Other values are refused.
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "sizeInGiB": 100, "volumeInitializationRate": 200 } }
    /// ```
    /// Use instead: `{ "snapshotId": "snap-0123456789abcdef0", "volumeInitializationRate": 200 }`.
    ///
    /// ## Fix
    /// Remove the rate from volumes not created from a snapshot; use 100–300 MiB/s.
    pub EbsVolumeInitializationRate {
        id: "ebs-volume-initialization-rate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "ServiceManagedEBSVolumeConfiguration.volumeInitializationRate", quote: "This property can be specified only if you specify a snapshotId." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-create-volume-request/volume-initialization-rate.html", note: "CreateVolume VolumeInitializationRate: supported only for volumes created from snapshots; valid range 100 - 300 MiB/s" },
        ],
    }
}

impl EbsVolumeInitializationRate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(rate) = v.volume_initialization_rate() else {
                continue;
            };
            if v.member("snapshotId").is_none() {
                out.report(&Self::META, rate.range(), "`volumeInitializationRate` needs a `snapshotId`: only volumes created from a snapshot are initialized")
                    .help("remove `volumeInitializationRate`, or create the volume from a snapshot (`snapshotId`)");
            } else if !(100..=300).contains(&rate.value()) {
                out.report(
                    &Self::META,
                    rate.range(),
                    format!(
                        "{} MiB/s is outside the volume initialization rate range of 100–300 MiB/s",
                        rate.value()
                    ),
                )
                .help("use 100–300 MiB/s, or omit the rate to initialize at the default rate");
            }
        }
    }
}
