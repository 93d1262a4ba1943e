use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition with an S3 Files volume and no `taskRoleArn`.
    ///
    /// ## Why is this bad?
    /// ECS mounts the S3 file system with the task role; AWS makes the role mandatory for
    /// these volumes.
    ///
    /// ## Example
    /// ```json
    /// { "family": "reports", "volumes": [{ "name": "data", "s3filesVolumeConfiguration": {
    ///     "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "reports", "taskRoleArn": "arn:aws:iam::123456789012:role/reportsTaskRole",
    ///   "volumes": [{ "name": "data", "s3filesVolumeConfiguration": {
    ///     "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Set `taskRoleArn` to a role with the S3 Files permissions for attaching the file
    /// system.
    pub S3filesRequiresTaskRole {
        id: "s3files-requires-task-role",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "S3FilesVolumeConfiguration", quote: "Your task definition must include a Task IAM Role." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/s3files-volumes.html", note: "Task IAM Role is mandatory for S3 file system volumes and is automatically enforced." },
        ],
    }
}

impl S3filesRequiresTaskRole {
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
        if let Some(m) = volumes
            .values()
            .find_map(|v| v.member("s3filesVolumeConfiguration"))
        {
            out.report(
                &Self::META,
                m.key.range,
                "S3 Files volumes are mounted with the task role, and `taskRoleArn` is not set",
            )
            .help("set \"taskRoleArn\" to a role allowed to attach the S3 file system")
            .pointer(format!("{}/taskRoleArn", doc.task_pointer()));
        }
    }
}
