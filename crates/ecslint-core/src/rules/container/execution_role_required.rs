use crate::rules::container::helpers::is_private_ecr;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition without `executionRoleArn` when a container needs the task
    /// execution role in a way the API checks at registration: container `secrets` (any
    /// launch type), and on Fargate the `awslogs` log driver or an image in a private Amazon
    /// ECR registry.
    ///
    /// ## Why is this bad?
    /// The execution role is the identity ECS uses to pull images, send logs and read
    /// secrets for the task. RegisterTaskDefinition rejects these task definitions without
    /// it: "When you are specifying container secrets, you must also specify a value for
    /// 'executionRoleArn'.", "Fargate requires task definition to have execution role ARN to
    /// support log driver awslogs.", "Fargate requires task definition to have execution role
    /// ARN to support ECR images.". Other needs (environment files, log `secretOptions`,
    /// private registry credentials) are reported by `execution-role-likely-required`.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1",
    ///     "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web",
    ///       "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } } }] }
    /// ```
    /// Use instead: the same with
    /// `"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"`.
    ///
    /// ## Fix
    /// Set `executionRoleArn` to a role that trusts `ecs-tasks.amazonaws.com` and has the
    /// `AmazonECSTaskExecutionRolePolicy` managed policy (plus read access to the secrets).
    /// Bare container arrays are not checked: the role is set elsewhere.
    pub ExecutionRoleRequired {
        id: "execution-role-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.", seen_in: "fabfuel/ecs-deploy#87" },
            Source::ErrorMessage { text: "ClientException: Fargate requires task definition to have execution role ARN to support log driver awslogs.", seen_in: "virtual-kubelet/virtual-kubelet#193" },
            Source::ErrorMessage { text: "ClientException: Fargate requires task definition to have execution role ARN to support ECR images.", seen_in: "hashicorp/terraform-provider-aws#3051" },
            Source::ApiReference { lines: (11771, 11771), quote: "The task execution IAM role is required depending on the requirements of your task." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html", note: "when the task execution role is needed" },
        ],
    }
}

/// Whether the task definition names an execution role (any string, placeholders included).
pub(crate) fn has_execution_role(task: RegisterTaskDefinitionRequest<'_>) -> bool {
    match task.get("executionRoleArn") {
        None => false,
        Some(n) => match n.as_str() {
            Some(s) => !s.trim().is_empty(),
            None => !n.is_null(),
        },
    }
}

/// Where the role belongs: before `containerDefinitions`.
pub(crate) fn report_missing<'a>(
    doc: &Document<'a>,
    out: &mut Reporter<'a>,
    meta: &'static crate::rule::RuleMeta,
    hits: &[TextRange],
    message: String,
    help: &str,
) {
    let Some((first, rest)) = hits.split_first() else {
        return;
    };
    let d = out
        .report(meta, *first, message)
        .help(help)
        .pointer(format!("{}/executionRoleArn", doc.task_pointer()));
    for r in rest {
        d.related(*r, "also needs it");
    }
}

impl ExecutionRoleRequired {
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
        let mut secrets = Vec::new();
        let mut awslogs = Vec::new();
        let mut ecr = Vec::new();
        for c in containers.values() {
            if let Some(m) = c.member("secrets") {
                if m.value.as_array().is_some_and(|a| !a.is_empty()) {
                    secrets.push(m.key.range);
                }
            }
            if doc.facts.fargate {
                if let Some(d) = c.log_configuration().and_then(|l| l.log_driver()) {
                    if d.value() == "awslogs" {
                        awslogs.push(d.range());
                    }
                }
                if let Some(image) = c.image() {
                    if is_private_ecr(image.value()) {
                        ecr.push(image.range());
                    }
                }
            }
        }
        let help = "set \"executionRoleArn\" to a role with the AmazonECSTaskExecutionRolePolicy managed policy (and read access to the secrets)";
        report_missing(doc, out, &Self::META, &secrets, format!("container `secrets` need the task execution role, and `executionRoleArn` {missing}"), help);
        report_missing(doc, out, &Self::META, &awslogs, format!("on Fargate the `awslogs` log driver needs the task execution role, and `executionRoleArn` {missing}"), help);
        report_missing(doc, out, &Self::META, &ecr, format!("on Fargate pulling from a private Amazon ECR repository needs the task execution role, and `executionRoleArn` {missing}"), help);
    }
}
