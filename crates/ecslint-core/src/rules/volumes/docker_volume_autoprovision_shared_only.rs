use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `"autoprovision": true` on a Docker volume whose `scope` is not `shared`.
    ///
    /// ## Why is this bad?
    /// `autoprovision` creates a shared volume that does not exist yet; with `scope` `task`
    /// (the default) the volume is created per task anyway and the flag is ignored.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "data",
    ///     "dockerVolumeConfiguration": { "scope": "task", "autoprovision": true, "driver": "rexray/ebs" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `"scope": "shared"` when the volume should outlive the task, or drop
    /// `autoprovision`.
    ///
    /// ## Fix
    /// Set `"scope": "shared"` or remove `autoprovision`.
    pub DockerVolumeAutoprovisionSharedOnly {
        id: "docker-volume-autoprovision-shared-only",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20315, 20315), quote: "This field is only used if the scope is shared." },
        ],
    }
}

impl DockerVolumeAutoprovisionSharedOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(d) = v.docker_volume_configuration() else {
                continue;
            };
            let Some(flag) = d.autoprovision() else {
                continue;
            };
            if !flag.value() {
                continue;
            }
            if d.get("scope").is_some_and(|s| s.is_unknown()) {
                continue;
            }
            let scope = d.scope();
            if scope.is_some_and(|s| s.value() == "shared" || is_placeholder(s.value())) {
                continue;
            }
            let shown = scope.map_or("task (the default)".to_owned(), |s| {
                format!("`{}`", s.value())
            });
            out.report(&Self::META, flag.range(), format!("`autoprovision` is ignored because the volume's scope is {shown}"))
                .help("set \"scope\": \"shared\" for a volume that outlives the task, or remove autoprovision");
        }
    }
}
