use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a volume with `dockerVolumeConfiguration` in a task definition that requires
    /// Fargate.
    ///
    /// ## Why is this bad?
    /// Docker volumes (volume drivers, `scope`, `autoprovision`) exist only on EC2 container
    /// instances. On Fargate the task cannot be placed. No rejection message has been seen,
    /// so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512",
    ///   "volumes": [{ "name": "data", "dockerVolumeConfiguration": { "scope": "task", "driver": "local" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `{ "name": "data" }` (task-scoped scratch space) or an EFS volume.
    ///
    /// ## Fix
    /// Use a bind mount (a volume with only a name) or `efsVolumeConfiguration`.
    pub DockerVolumeNotFargate {
        id: "docker-volume-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20305, 20305), quote: "Docker volumes are only supported when you're using the EC2 launch type." },
        ],
    }
}

impl DockerVolumeNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(m) = v
                .member("dockerVolumeConfiguration")
                .filter(|m| !m.value.is_null())
            else {
                continue;
            };
            out.report(&Self::META, m.key.range, "Docker volumes are supported only on EC2, and this task definition requires Fargate")
                .help("use a bind mount (a volume with only a name) for scratch space, or efsVolumeConfiguration for shared data");
        }
    }
}
