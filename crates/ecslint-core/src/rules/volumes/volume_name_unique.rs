use crate::rules::first_seen::FirstSeen;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a volume whose `name` is already used by another volume of the task
    /// definition.
    ///
    /// ## Why is this bad?
    /// Mount points find volumes by name, so a second volume with the same name can never be
    /// mounted on its own and one of the two definitions is silently unused. No rejection
    /// message has been seen for it, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }, { "name": "data", "host": { "sourcePath": "/srv" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }, { "name": "srv", "host": { "sourcePath": "/srv" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Rename one of the volumes and the mount points that use it.
    pub VolumeNameUnique {
        id: "volume-name-unique",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21646, 21646), quote: "Must be a volume name referenced in the name parameter of task definition volume." },
        ],
    }
}

impl VolumeNameUnique {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        let mut seen: FirstSeen<&'a str, Str<'a>> = FirstSeen::new();
        for v in volumes.values() {
            let Some(name) = v.name() else { continue };
            if is_placeholder(name.value()) {
                continue;
            }
            if let Some(first) = seen.first_or_insert(name.value(), name) {
                out.report(
                    &Self::META,
                    name.range(),
                    format!("volume name `{}` is used twice", name.value()),
                )
                .help("give each volume a unique name; mount points refer to volumes by name")
                .related(first.range(), "first used here");
            }
        }
    }
}
