use crate::rules::container::helpers::parse_arn;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition whose `taskRoleArn` and `executionRoleArn` are the same role.
    ///
    /// ## Why is this bad?
    /// The execution role is for ECS itself (pull images, write logs, read secrets for the
    /// task); the task role is what the application's code can do. Using one role for both
    /// hands the application every secret and repository the execution role can read, and
    /// usually grants ECS more than it needs.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "taskRoleArn": "arn:aws:iam::123456789012:role/web",
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/web",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: a `web-task` role for the application and a `web-execution` role (with
    /// `AmazonECSTaskExecutionRolePolicy`) for ECS.
    ///
    /// ## Fix
    /// Create a separate task role with only the permissions the application uses.
    pub ExecutionRoleAsTaskRole {
        id: "execution-role-as-task-role",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11771, 11771), quote: "The task execution IAM role is required depending on the requirements of your task." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html", note: "the task role and the task execution role serve different principals; grant each least privilege" },
        ],
    }
}

/// The role's name: the last path segment of an IAM role ARN, or the value itself.
fn role_name(s: &str) -> &str {
    match parse_arn(s) {
        Some(arn) if arn.service == "iam" => {
            arn.resource.rsplit('/').next().unwrap_or(arn.resource)
        }
        _ => s,
    }
}

impl ExecutionRoleAsTaskRole {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let (Some(t), Some(e)) = (task.task_role_arn(), task.execution_role_arn()) else {
            return;
        };
        let (ts, es) = (t.value(), e.value());
        if ts.trim().is_empty() {
            return;
        }
        let same = ts == es
            || (!is_placeholder(ts)
                && !is_placeholder(es)
                && (parse_arn(ts).is_none() || parse_arn(es).is_none())
                && role_name(ts) == role_name(es));
        if same {
            out.report(&Self::META, t.range(), format!("the task role is the execution role (`{}`)", role_name(ts)))
                .help("give the application its own task role with only the permissions it uses; keep the execution role for ECS")
                .related(e.range(), "the execution role");
        }
    }
}
