use crate::rules::prelude::*;
use crate::rules::references::helpers::{report_unresolved, Target};

declare_rule! {
    /// ## What it does
    /// Reports a `mountPoints[].sourceVolume` that names no volume in the task definition's
    /// `volumes`, and a mount point without a `sourceVolume`.
    ///
    /// ## Why is this bad?
    /// A mount point mounts a task-level volume by name. RegisterTaskDefinition rejects a name
    /// it cannot find with "ClientException: Unknown volume 'data'.". The usual causes are a
    /// typo, a volume renamed in one place only, or a tool that copies `containerDefinitions`
    /// without `volumes`.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27",
    ///     "mountPoints": [{ "sourceVolume": "dta", "containerPath": "/data" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27",
    ///     "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use the name of a declared volume (the help lists them and suggests the closest), or
    /// declare the volume in `volumes`. The offered fix replaces a near-miss with the closest
    /// name; it is unsafe because the intended volume may be another one. Bare container
    /// arrays (Terraform's `container_definitions`) are not checked: their volumes live
    /// elsewhere.
    pub MountPointSourceVolumeExists {
        id: "mount-point-source-volume-exists",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (21646, 21646), quote: "Must be a volume name referenced in the name parameter of task definition volume." },
            Source::ErrorMessage { text: "ClientException: Unknown volume 'root-RO'.", seen_in: "ansible/ansible#35751" },
            Source::ErrorMessage { text: "ClientException: Unknown volume 'ephemera'.", seen_in: "wellcomecollection/platform#677" },
        ],
    }
}

impl MountPointSourceVolumeExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(task), Some(containers)) = (doc.task_definition, doc.container_definitions)
        else {
            return;
        };
        let mut volumes: Vec<(&str, TextRange)> = Vec::new();
        match task.get("volumes") {
            None => {}
            Some(node) if node.is_null() => {}
            Some(_) => {
                let Some(list) = task.volumes() else { return };
                for node in list.nodes() {
                    // A volume that is not an object, or whose name is not a plain string, makes
                    // the set of names unknown.
                    let Some(v) = Volume::cast(node) else { return };
                    match v.name() {
                        Some(n) if !is_placeholder(n.value()) => {
                            volumes.push((n.value(), n.range()))
                        }
                        Some(_) => return,
                        None if v.get("name").is_some_and(|n| !n.is_null()) => return,
                        None => {}
                    }
                }
            }
        }
        for (i, c) in containers.iter() {
            let Some(mounts) = c.mount_points() else {
                continue;
            };
            for (j, m) in mounts.iter() {
                match m.source_volume() {
                    Some(s) if is_placeholder(s.value()) => {}
                    Some(s) if volumes.iter().any(|(n, _)| *n == s.value()) => {}
                    Some(s) => report_unresolved(
                        out,
                        &Self::META,
                        s.range(),
                        format!(
                            "mount point source volume `{}` is not declared in `volumes`",
                            s.value()
                        ),
                        s.value(),
                        &Target {
                            kind: "volume",
                            candidates: &volumes,
                            exclude: None,
                        },
                        str::to_owned,
                    ),
                    None if m.get("sourceVolume").is_some_and(|n| !n.is_null()) => {}
                    None => {
                        out.report(
                            &Self::META,
                            opening(m.range()),
                            "mount point has no `sourceVolume`",
                        )
                        .help("set \"sourceVolume\" to the name of a volume declared in `volumes`")
                        .pointer(format!(
                            "{}/containerDefinitions/{i}/mountPoints/{j}/sourceVolume",
                            doc.task_pointer()
                        ));
                    }
                }
            }
        }
    }
}
