use crate::rules::logging::helpers::awslogs;
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports the awslogs option `awslogs-create-group` with any value but `"true"` (in any
    /// case: AWS's own examples write `"True"`).
    ///
    /// ## Why is this bad?
    /// ECS accepts the option only to turn the feature on: RegisterTaskDefinition fails with
    /// "ClientException: Log driver awslogs option 'awslogs-create-group' should only be set to
    /// 'true', else omit option." Writing `"false"` to be explicit is the usual cause.
    ///
    /// ## Example
    /// ```json
    /// { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web",
    ///   "awslogs-region": "us-east-1", "awslogs-create-group": "false" } }
    /// ```
    /// Use instead: leave `awslogs-create-group` out (the default is not to create the group).
    ///
    /// ## Fix
    /// Remove the option when its value is `"false"` (safe: that is the default). For other
    /// values, write `"true"` to have the log group created (the task execution role then needs
    /// `logs:CreateLogGroup`) or remove the option.
    pub AwslogsCreateGroupTrueOnly {
        id: "awslogs-create-group-true-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::Botocore { shape: "LogConfiguration.options" },
            Source::ErrorMessage { text: "ClientException: Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.", seen_in: "terraform-linters/tflint-ruleset-aws#348" },
        ],
    }
}

impl AwslogsCreateGroupTrueOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some((_, Some(options))) = awslogs(container) else {
                continue;
            };
            let Some(member) = options.node().member("awslogs-create-group") else {
                continue;
            };
            let Some(value) = member.value.as_str() else {
                continue;
            };
            if value.eq_ignore_ascii_case("true") || is_placeholder(value) {
                continue;
            }
            let d = out.report(
                &Self::META,
                member.value.range,
                format!(
                    "the awslogs option `awslogs-create-group` can only be \"true\", not {} ({})",
                    serde_json::to_string(value).expect("a string serializes"),
                    container_label(i, container)
                ),
            );
            if value.eq_ignore_ascii_case("false") {
                d.help("remove the option: not creating the log group is the default")
                    .fix(Fix::safe(
                        "remove \"awslogs-create-group\"",
                        vec![remove_member(options.members(), member)],
                    ));
            } else {
                d.help("set it to \"true\" to create the log group (the execution role needs logs:CreateLogGroup), or remove it");
            }
        }
    }
}
