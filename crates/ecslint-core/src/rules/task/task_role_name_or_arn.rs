use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that `taskRoleArn` and `executionRoleArn` name an IAM role: a role name
    /// (`ecsTaskExecutionRole`) or a role ARN (`arn:aws:iam::123456789012:role/path/name`).
    ///
    /// Covers: task-role-name-or-arn, and the same shape for executionRoleArn.
    ///
    /// ## Why is this bad?
    /// ECS passes the role to STS when the task starts. A policy ARN, an instance profile, a
    /// user, an assumed-role session ARN or an ARN with a malformed account ID is not a role,
    /// and the task cannot get credentials. The reference allows "the short name or full
    /// Amazon Resource Name (ARN) of the IAM role" but does not name the error, so this is a
    /// warning. Template placeholders are skipped.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "taskRoleArn": "arn:aws:iam::123456789012:policy/app-access", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "taskRoleArn": "arn:aws:iam::123456789012:role/app-task-role", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Use the ARN of the role (IAM console, role summary) or its name.
    pub TaskRoleNameOrArn {
        id: "task-role-name-or-arn",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11955, 11955), quote: "The short name or full Amazon Resource Name (ARN) of the IAM role that containers in this task can assume." },
            Source::ApiReference { lines: (11771, 11771), quote: "The Amazon Resource Name (ARN) of the task execution role that grants the Amazon ECS container agent permission to make AWS API calls on your behalf." },
        ],
    }
}

const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// IAM names: letters, digits and `+=,.@_-`.
fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '=' | ',' | '.' | '@' | '_' | '-')
}

/// What is wrong with `value` as a role name or role ARN, if anything.
pub(crate) fn role_problem(value: &str) -> Option<String> {
    if let Some(rest) = value.strip_prefix("arn:") {
        let mut parts = rest.splitn(5, ':');
        let (Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Some(
                "it has fewer parts than an ARN (arn:partition:iam::account:role/name)".to_owned(),
            );
        };
        if !PARTITIONS.contains(&partition) {
            return Some(format!("`{partition}` is not an AWS partition"));
        }
        if service != "iam" {
            return Some(format!("it is an ARN of `{service}`, not of an IAM role"));
        }
        if !region.is_empty() {
            return Some("IAM ARNs have no Region, and this one has one".to_owned());
        }
        let digits = account.bytes().all(|b| b.is_ascii_digit());
        if digits && account.len() != 12 {
            return Some(format!(
                "the account ID `{account}` has {} digits instead of 12",
                account.len()
            ));
        }
        let Some(path_name) = resource.strip_prefix("role/") else {
            let kind = resource.split('/').next().unwrap_or(resource);
            return Some(format!("it is the ARN of an IAM `{kind}`, not of a role"));
        };
        let name = path_name.rsplit('/').next().unwrap_or("");
        if name.is_empty() || !path_name.chars().all(|c| name_char(c) || c == '/') {
            return Some(format!(
                "`{path_name}` is not a role name (letters, digits and +=,.@_-)"
            ));
        }
        return None;
    }
    if value.len() > 64 || !value.chars().all(name_char) {
        return Some(
            "it is neither a role ARN nor a role name (up to 64 letters, digits and +=,.@_-)"
                .to_owned(),
        );
    }
    None
}

impl TaskRoleNameOrArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        for (field, value) in [
            ("taskRoleArn", task.task_role_arn()),
            ("executionRoleArn", task.execution_role_arn()),
        ] {
            let Some(value) = value else {
                continue;
            };
            let v = value.value();
            if v.is_empty()
                || v.bytes().any(|b| matches!(b, b'<' | b'{' | b'$' | b'%'))
                || is_placeholder(v)
            {
                continue;
            }
            if let Some(problem) = role_problem(v) {
                out.report(
                    &Self::META,
                    value.range(),
                    format!("`{field}` `{v}` is not an IAM role: {problem}"),
                )
                .help("use the role's ARN (arn:aws:iam::123456789012:role/name) or its name");
            }
        }
    }
}
