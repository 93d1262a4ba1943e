use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a bind mount volume with `host.sourcePath` in a task definition that requires
    /// Fargate.
    ///
    /// ## Why is this bad?
    /// Fargate tasks have no access to a host file system: bind mounts there are task-scoped
    /// scratch space. RegisterTaskDefinition rejects a host path with "ClientException:
    /// Fargate compatible task definitions do not support sourcePath".
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512",
    ///   "volumes": [{ "name": "logs", "host": { "sourcePath": "/var/log/app" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `{ "name": "logs" }` (scratch space shared by the task's containers) or an
    /// EFS volume for data that must outlive the task.
    ///
    /// ## Fix
    /// Remove `host` (offered as an unsafe fix: the data no longer lands on a host), or use
    /// `efsVolumeConfiguration`.
    pub HostSourcePathNotFargate {
        id: "host-source-path-not-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (21006, 21006), quote: "If you're using the Fargate launch type, the sourcePath parameter is not supported." },
            Source::ErrorMessage { text: "ClientException: Fargate compatible task definitions do not support sourcePath", seen_in: "cloudposse/terraform-aws-ecs-alb-service-task#174" },
        ],
    }
}

impl HostSourcePathNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(host) = v.host() else { continue };
            let Some(path) = host.member("sourcePath").filter(|m| !m.value.is_null()) else {
                continue;
            };
            let name = v.name().map_or_else(
                || "a volume".to_owned(),
                |n| format!("volume `{}`", n.value()),
            );
            let d = out
                .report(&Self::META, path.key.range, format!("{name} mounts a host path, which Fargate does not support"))
                .help("remove \"host\" to get task-scoped scratch space, or use efsVolumeConfiguration for persistent data");
            if let Some(m) = v.member("host") {
                if let Some(members) = v.node().as_object() {
                    d.fix(Fix::unsafe_(
                        "remove `host` (task-scoped scratch space)",
                        vec![remove_member(members, m)],
                    ));
                }
            }
        }
    }
}
