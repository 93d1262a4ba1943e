use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS volume of type `standard` (magnetic) on a Fargate service.
    ///
    /// ## Why is this bad?
    /// Fargate tasks cannot attach magnetic volumes.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "volumeType": "standard", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "launchType": "FARGATE", "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "volumeType": "gp3", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }] }
    /// ```
    ///
    /// ## Fix
    /// Use gp3 (or another SSD or HDD type).
    pub EbsStandardNotOnFargate {
        id: "ebs-standard-not-on-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23129, 23129), quote: "The magnetic volume type is not supported on Fargate." },
        ],
    }
}

impl EbsStandardNotOnFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.service_facts.fargate {
            return;
        }
        for v in managed_ebs_volumes(doc) {
            let Some(kind) = ebs_volume_type(v).filter(|k| k.value() == "standard") else {
                continue;
            };
            out.report(
                &Self::META,
                kind.range(),
                format!(
                    "{}, which does not support magnetic (`standard`) volumes",
                    fargate_reason(doc)
                ),
            )
            .help("use \"gp3\"");
        }
    }
}
