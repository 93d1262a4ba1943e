use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a volume with an `efsVolumeConfiguration` but no `name`.
    ///
    /// ## Why is this bad?
    /// An EFS volume is only usable through a mount point, which names it; the API requires
    /// the name.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared", "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Add a `name` and mount the volume with `mountPoints[].sourceVolume`.
    pub VolumeNameRequiredEfs {
        id: "volume-name-required-efs",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24917, 24917), quote: "When a volume is using the efsVolumeConfiguration, the name is required." },
        ],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a volume with `"configuredAtLaunch": true` but no `name`.
    ///
    /// ## Why is this bad?
    /// A volume configured at launch (Amazon EBS) is matched by name with the
    /// `volumeConfigurations` of CreateService, UpdateService, RunTask or StartTask; the API
    /// requires the name.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "configuredAtLaunch": true }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "ebs", "configuredAtLaunch": true }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Add a `name` and use the same name in the service's or task's `volumeConfigurations`.
    pub VolumeNameRequiredConfiguredAtLaunch {
        id: "volume-name-required-configured-at-launch",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24913, 24913), quote: "When using a volume configured at launch, the name is required" },
        ],
    }
}

fn check_named<'a>(
    doc: &Document<'a>,
    out: &mut Reporter<'a>,
    meta: &'static crate::rule::RuleMeta,
    applies: impl Fn(Volume<'a>) -> Option<&'a Member<'a>>,
    what: &str,
) {
    let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
        return;
    };
    for (i, v) in volumes.iter() {
        if v.member("name").is_some() {
            continue;
        }
        let Some(m) = applies(v) else { continue };
        out.report(meta, m.key.range, format!("{what} volume has no `name`"))
            .help("add \"name\" and refer to it from mountPoints[].sourceVolume")
            .pointer(format!("{}/volumes/{i}/name", doc.task_pointer()));
    }
}

impl VolumeNameRequiredEfs {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        check_named(
            doc,
            out,
            &Self::META,
            |v| {
                v.member("efsVolumeConfiguration")
                    .filter(|m| !m.value.is_null())
            },
            "an EFS",
        );
    }
}

impl VolumeNameRequiredConfiguredAtLaunch {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        check_named(
            doc,
            out,
            &Self::META,
            |v| {
                v.member("configuredAtLaunch")
                    .filter(|m| m.value.as_bool() == Some(true))
            },
            "a configured-at-launch",
        );
    }
}
