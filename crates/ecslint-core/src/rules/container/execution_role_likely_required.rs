use crate::rules::container::execution_role_required::{has_execution_role, report_missing};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition without `executionRoleArn` when a container uses
    /// `environmentFiles`, log `secretOptions` or `repositoryCredentials`, which ECS reads
    /// with the task execution role.
    ///
    /// ## Why is this bad?
    /// Without the role ECS cannot download the environment file from S3, read the log
    /// driver's secret or the registry credentials from Secrets Manager, and the task fails
    /// to start. No rejection at registration has been seen for these (unlike container
    /// `secrets`, see `execution-role-required`), so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "app:1",
    ///   "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::config/app.env" }] }] }
    /// ```
    /// Use instead: the same with
    /// `"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"`.
    ///
    /// ## Fix
    /// Set `executionRoleArn` to a role with the `AmazonECSTaskExecutionRolePolicy` managed
    /// policy and read access to the S3 object, secret or parameter.
    pub ExecutionRoleLikelyRequired {
        id: "execution-role-likely-required",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11771, 11771), quote: "The task execution IAM role is required depending on the requirements of your task." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html", note: "environment files, private registry authentication and secrets in log configuration use the task execution role" },
        ],
    }
}

impl ExecutionRoleLikelyRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(task), Some(containers)) = (doc.task_definition, doc.container_definitions)
        else {
            return;
        };
        if has_execution_role(task) {
            return;
        }
        let missing = if task.get("executionRoleArn").is_some() {
            "is empty"
        } else {
            "is not set"
        };
        let non_empty = |m: Option<&'a Member<'a>>| {
            m.filter(|m| {
                m.value.as_array().is_some_and(|a| !a.is_empty()) || m.value.as_object().is_some()
            })
            .map(|m| m.key.range)
        };
        let (mut files, mut log_secrets, mut creds) = (Vec::new(), Vec::new(), Vec::new());
        for c in containers.values() {
            files.extend(non_empty(c.member("environmentFiles")));
            log_secrets.extend(non_empty(
                c.log_configuration()
                    .and_then(|l| l.member("secretOptions")),
            ));
            creds.extend(non_empty(c.member("repositoryCredentials")));
        }
        let help = "set \"executionRoleArn\" to a role with the AmazonECSTaskExecutionRolePolicy managed policy and read access to what it fetches";
        report_missing(doc, out, &Self::META, &files, format!("`environmentFiles` are downloaded with the task execution role, and `executionRoleArn` {missing}"), help);
        report_missing(doc, out, &Self::META, &log_secrets, format!("log `secretOptions` are read with the task execution role, and `executionRoleArn` {missing}"), help);
        report_missing(doc, out, &Self::META, &creds, format!("`repositoryCredentials` are read with the task execution role, and `executionRoleArn` {missing}"), help);
    }
}
