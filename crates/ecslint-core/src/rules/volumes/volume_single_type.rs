use crate::rules::prelude::*;

/// The members that choose a volume's type.
const KINDS: &[&str] = &[
    "configuredAtLaunch",
    "dockerVolumeConfiguration",
    "efsVolumeConfiguration",
    "fsxWindowsFileServerVolumeConfiguration",
    "s3filesVolumeConfiguration",
    "host",
];

declare_rule! {
    /// ## What it does
    /// Reports a volume that sets more than one of `configuredAtLaunch` (true),
    /// `dockerVolumeConfiguration`, `efsVolumeConfiguration`,
    /// `fsxWindowsFileServerVolumeConfiguration`, `s3filesVolumeConfiguration` and `host`.
    ///
    /// ## Why is this bad?
    /// A volume is of one kind; the API reference allows a name and one of these. Which one
    /// ECS would use is undefined. No rejection message has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data", "host": { "sourcePath": "/srv" },
    ///     "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data",
    ///     "efsVolumeConfiguration": { "fileSystemId": "fs-12345678" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Keep the one configuration the volume should have; declare another volume for the
    /// other.
    pub VolumeSingleType {
        id: "volume-single-type",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24855, 24855), quote: "may only specify a name and one of either configuredAtLaunch, dockerVolumeConfiguration, efsVolumeConfiguration, fsxWindowsFileServerVolumeConfiguration, or host." },
        ],
    }
}

impl VolumeSingleType {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let set: Vec<&Member<'a>> = KINDS
                .iter()
                .filter_map(|k| v.member(k))
                .filter(|m| match &m.value.value {
                    // Known only when deployed: it may be unset.
                    Value::Null | Value::Bool(false) | Value::Unknown => false,
                    // An empty `host: {}` beside another configuration adds nothing.
                    Value::Object(members) if m.key.name == "host" => !members.is_empty(),
                    _ => true,
                })
                .collect();
            if set.len() < 2 {
                continue;
            }
            let names: Vec<String> = set.iter().map(|m| format!("`{}`", m.key.name)).collect();
            let d = out
                .report(
                    &Self::META,
                    set[1].key.range,
                    format!(
                        "volume sets both {}; a volume has one type",
                        names.join(" and ")
                    ),
                )
                .help("keep one configuration per volume and declare another volume for the other");
            d.related(set[0].key.range, "first configuration");
        }
    }
}
