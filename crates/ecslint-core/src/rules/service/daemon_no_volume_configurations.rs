use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `volumeConfigurations` (service-managed EBS volumes) on a DAEMON service.
    ///
    /// ## Why is this bad?
    /// Volumes configured at launch are only supported for REPLICA services.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON",
    ///   "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20 } }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON" }
    /// ```
    ///
    /// ## Fix
    /// Remove `volumeConfigurations`, or make the service a REPLICA service.
    pub DaemonNoVolumeConfigurations {
        id: "daemon-no-volume-configurations",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1505, 1505), quote: "`volumeConfigurations` is only supported for `REPLICA` service and not `DAEMON` service." },
        ],
    }
}

impl DaemonNoVolumeConfigurations {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.daemon {
            return;
        }
        let Some(m) = service
            .member("volumeConfigurations")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        out.report(
            &Self::META,
            m.key.range,
            "`volumeConfigurations` is only supported for REPLICA services, not DAEMON services",
        )
        .help("remove `volumeConfigurations`, or use \"schedulingStrategy\": \"REPLICA\"");
    }
}
