use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a volume that no container mounts (no `mountPoints[].sourceVolume` names it).
    ///
    /// ## Why is this bad?
    /// Containers use a task volume only through a mount point. An unmounted volume is
    /// usually a leftover, or a mount point names it with a typo (see
    /// `mount-point-source-volume-exists`).
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1",
    ///     "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Mount the volume in the container that needs it, or remove it.
    pub VolumeUnused {
        id: "volume-unused",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24915, 24915), quote: "For all other types of volumes, this name is referenced in the sourceVolume parameter of the mountPoints object in the container definition." },
        ],
    }
}

impl VolumeUnused {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(task), Some(containers)) = (doc.task_definition, doc.container_definitions)
        else {
            return;
        };
        let Some(volumes) = task.volumes() else {
            return;
        };
        let mut used: Vec<&str> = Vec::new();
        for c in containers.nodes() {
            // A container or mount known only when deployed may mount any volume.
            if c.is_unknown() {
                return;
            }
            let Some(mounts) = c.get("mountPoints") else {
                continue;
            };
            let Some(mounts) = mounts.as_array() else {
                return;
            };
            for m in mounts {
                if m.is_unknown() {
                    return;
                }
                match m.get("sourceVolume").map(|s| s.as_str()) {
                    Some(Some(s)) if is_placeholder(s) => return,
                    Some(Some(s)) => used.push(s),
                    Some(None) => return,
                    None => {}
                }
            }
        }
        for v in volumes.values() {
            let Some(name) = v.name() else { continue };
            if is_placeholder(name.value()) || used.contains(&name.value()) {
                continue;
            }
            out.report(&Self::META, name.range(), format!("volume `{}` is not mounted by any container", name.value()))
                .help(format!("mount it with \"mountPoints\": [{{ \"sourceVolume\": \"{}\", \"containerPath\": … }}], or remove it", name.value()));
        }
    }
}
