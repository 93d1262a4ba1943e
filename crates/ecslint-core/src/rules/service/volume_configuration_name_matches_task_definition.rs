use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `volumeConfigurations[].name` that is not the name of a volume of the paired task
    /// definition with `"configuredAtLaunch": true`.
    ///
    /// ## Why is this bad?
    /// A service-managed EBS volume fills a task-definition volume that is marked as configured at
    /// launch; the name must match such a volume exactly.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "volumeConfigurations": [{ "name": "data", "managedEBSVolume": { "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20 } }] }
    /// // taskdef: "volumes": [{ "name": "scratch", "configuredAtLaunch": true }]
    /// ```
    /// Use instead:
    /// ```json
    /// // taskdef: "volumes": [{ "name": "data", "configuredAtLaunch": true }]
    /// ```
    ///
    /// ## Fix
    /// Use the name of the task definition's volume, and mark it `"configuredAtLaunch": true`.
    pub VolumeConfigurationNameMatchesTaskDefinition {
        id: "volume-configuration-name-matches-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23204, 23204), quote: "This value must match the volume name from the `Volume` object in the task definition." },
        ],
    }
}

impl VolumeConfigurationNameMatchesTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        // A volume known only when deployed may be the one named.
        if paired
            .task_definition
            .get("volumes")
            .is_some_and(|v| v.contains_unknown())
        {
            return;
        }
        let volumes: Vec<Volume<'a>> = paired
            .task_definition
            .volumes()
            .into_iter()
            .flat_map(|l| l.values())
            .collect();
        for name in service
            .volume_configurations()
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|v| v.name())
        {
            let v = name.value();
            if !known(v) {
                continue;
            }
            match volumes
                .iter()
                .find(|vol| vol.name().is_some_and(|n| n.value() == v))
            {
                Some(vol) if vol.configured_at_launch().is_some_and(|c| c.value()) => {}
                Some(vol) => {
                    let d = out
                        .report(
                            &Self::META,
                            name.range(),
                            format!(
                                "the task definition's volume `{v}` is not configured at launch"
                            ),
                        )
                        .help(
                            "set \"configuredAtLaunch\": true on the volume in the task definition",
                        );
                    related_td(d, paired, vol.range(), "the volume is declared here");
                }
                None => {
                    let d = out
                        .report(&Self::META, name.range(), format!("the task definition has no volume named `{v}`"))
                        .help("use the name of a task-definition volume with \"configuredAtLaunch\": true");
                    related_td_key(d, paired, "volumes", "the volumes are declared here");
                }
            }
        }
    }
}
