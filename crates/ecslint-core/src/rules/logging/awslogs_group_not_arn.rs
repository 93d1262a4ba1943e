use crate::rules::logging::helpers::awslogs;
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `awslogs-group` option that holds the log group's ARN
    /// (`arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*`) instead of its name.
    ///
    /// ## Why is this bad?
    /// The awslogs driver passes `awslogs-group` to CloudWatch Logs as the log group *name*,
    /// and a name cannot hold `:` (log group names match `[\.\-_/#A-Za-z0-9]+`). The task
    /// definition registers, but the container fails to start when the driver cannot create its
    /// log stream. ARNs are what IAM policies and Terraform's `aws_cloudwatch_log_group.arn`
    /// give, hence the slip.
    ///
    /// ## Example
    /// ```json
    /// { "logConfiguration": { "logDriver": "awslogs", "options": {
    ///   "awslogs-group": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*",
    ///   "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } } }
    /// ```
    /// Use instead: `"awslogs-group": "/ecs/web"`.
    ///
    /// ## Fix
    /// Use the name, the part of the ARN after `log-group:` (without a trailing `:*`). The
    /// fix does that; it is unsafe because the ARN's region and account are dropped: the name
    /// then refers to the group in `awslogs-region` of the task's own account.
    pub AwslogsGroupNotArn {
        id: "awslogs-group-not-arn",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html", note: "awslogs-group: the log group the awslogs log driver sends its log streams to (a name)" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html", note: "logGroupName pattern [\\.\\-_/#A-Za-z0-9]+" },
        ],
    }
}

impl AwslogsGroupNotArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some((_, Some(options))) = awslogs(container) else {
                continue;
            };
            let Some(group) = options.node().get("awslogs-group") else {
                continue;
            };
            let Some(value) = group.as_str() else {
                continue;
            };
            let Some(name) = log_group_name(value) else {
                continue;
            };
            let d = out
                .report(&Self::META, group.range, format!("`awslogs-group` is a log group ARN; the awslogs driver takes the group's name, and the container fails to start ({})", container_label(i, container)))
                .help(format!("use the name: \"{name}\""));
            if !is_placeholder(name) {
                let quoted = serde_json::to_string(name).expect("a string serializes");
                d.fix(Fix::unsafe_(
                    format!("use the name {quoted}"),
                    vec![Edit::replace(group.range, quoted)],
                ));
            }
        }
    }
}

/// The name in a CloudWatch Logs log group ARN: `arn:<partition>:logs:<region>:<account>:
/// log-group:<name>` with an optional `:*`.
fn log_group_name(value: &str) -> Option<&str> {
    let rest = value.trim().strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(":logs:")?;
    let (_, name) = rest.split_once(":log-group:")?;
    let name = name.strip_suffix(":*").unwrap_or(name);
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::log_group_name;

    #[test]
    fn names() {
        assert_eq!(
            log_group_name("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*"),
            Some("/ecs/web")
        );
        assert_eq!(
            log_group_name("arn:aws-cn:logs:cn-north-1:123456789012:log-group:app"),
            Some("app")
        );
        assert_eq!(log_group_name("/ecs/web"), None);
        assert_eq!(log_group_name("arn:aws:s3:::bucket"), None);
    }
}
