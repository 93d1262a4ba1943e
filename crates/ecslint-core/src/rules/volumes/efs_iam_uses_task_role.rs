use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an EFS volume with `authorizationConfig.iam` `ENABLED` in a task definition
    /// without `taskRoleArn`.
    ///
    /// ## Why is this bad?
    /// With IAM authorization ECS mounts the file system as the task role. Without a task
    /// role the mount is made with no IAM identity, and a file system policy that requires
    /// IAM refuses it, so the task fails to start.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "shared", "efsVolumeConfiguration": {
    ///     "fileSystemId": "fs-12345678", "transitEncryption": "ENABLED",
    ///     "authorizationConfig": { "iam": "ENABLED" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: the same with `"taskRoleArn": "arn:aws:iam::123456789012:role/web-task"`.
    ///
    /// ## Fix
    /// Set `taskRoleArn` to a role the file system policy allows
    /// (`elasticfilesystem:ClientMount`, and `ClientWrite` for writes).
    pub EfsIamUsesTaskRole {
        id: "efs-iam-uses-task-role",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20425, 20425), quote: "Determines whether to use the Amazon ECS task role defined in a task definition when mounting the Amazon EFS file system." },
        ],
    }
}

impl EfsIamUsesTaskRole {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if task
            .get("taskRoleArn")
            .is_some_and(|n| !n.is_null() && n.as_str() != Some(""))
        {
            return;
        }
        let Some(volumes) = task.volumes() else {
            return;
        };
        for v in volumes.values() {
            let Some(iam) = v
                .efs_volume_configuration()
                .and_then(|e| e.authorization_config())
                .and_then(|a| a.iam())
            else {
                continue;
            };
            if iam.value() == "ENABLED" {
                out.report(&Self::META, iam.range(), "EFS IAM authorization mounts with the task role, and `taskRoleArn` is not set")
                    .help("set \"taskRoleArn\" to a role allowed by the file system policy (elasticfilesystem:ClientMount)")
                    .pointer(format!("{}/taskRoleArn", doc.task_pointer()));
            }
        }
    }
}
