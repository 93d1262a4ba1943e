use crate::rules::container::helpers::is_private_ecr;
use crate::rules::prelude::*;
use crate::rules::task::helpers::and_list;

declare_rule! {
    /// ## What it does
    /// Reports a task definition without `executionRoleArn` whose containers need the task
    /// execution role: on Fargate, to send logs with the `awslogs` driver or to pull an
    /// image from a private Amazon ECR repository (an error); on any launch type, to read
    /// container `secrets` (an error) or `logConfiguration.secretOptions`,
    /// `repositoryCredentials` or `environmentFiles` (a warning: the task fails to start).
    /// An empty `executionRoleArn` counts as none.
    ///
    /// ## Why is this bad?
    /// The execution role is what the ECS agent (or Fargate) uses to make AWS calls for the
    /// task before and around the containers. RegisterTaskDefinition refuses a Fargate task
    /// without it: "ClientException: Fargate requires task definition to have execution role
    /// ARN to support log driver awslogs." and "… to support ECR images." Secrets, private
    /// registry credentials and environment files are fetched with the same role; without it
    /// the task fails when it starts.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    ///   "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
    ///   "containerDefinitions": [{ "name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Add `executionRoleArn` with a role that trusts `ecs-tasks.amazonaws.com` and has the
    /// `AmazonECSTaskExecutionRolePolicy` managed policy (plus read access to the secrets it
    /// must fetch).
    pub ExecutionRoleArn {
        id: "execution-role-arn",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11771, 11771), quote: "The task execution IAM role is required depending on the requirements of your task." },
            Source::ErrorMessage { text: "ClientException: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.", seen_in: "fabfuel/ecs-deploy#87" },
            Source::ErrorMessage { text: "ClientException: Fargate requires task definition to have execution role ARN to support log driver awslogs.", seen_in: "virtual-kubelet/virtual-kubelet#193" },
            Source::ErrorMessage { text: "ClientException: Fargate requires task definition to have execution role ARN to support ECR images.", seen_in: "hashicorp/terraform-provider-aws#3051" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html", note: "the execution role pulls private ECR images, sends awslogs logs, and fetches secrets, registry credentials and environment files" },
        ],
    }
}

impl ExecutionRoleArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        // An empty string is no role: the API rejects it as it rejects a missing one.
        let role = task.member("executionRoleArn");
        if role.is_some_and(|m| m.value.as_str().is_none_or(|s| !s.trim().is_empty())) {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        // (range, what needs the role, rejected at registration)
        let mut needs: Vec<(TextRange, String, bool)> = Vec::new();
        for c in containers.values() {
            let name = c.name().map_or("?", |n| n.value());
            if let Some(image) = c.image().filter(|i| {
                doc.facts.fargate && !is_placeholder(i.value()) && is_private_ecr(i.value())
            }) {
                needs.push((
                    image.range(),
                    format!("pull the private ECR image of container `{name}`"),
                    true,
                ));
            }
            let log = c.log_configuration();
            if let Some(driver) = log
                .and_then(|l| l.log_driver())
                .filter(|d| d.value() == "awslogs")
            {
                if doc.facts.fargate {
                    needs.push((
                        driver.range(),
                        format!("send the logs of container `{name}` with the awslogs driver"),
                        true,
                    ));
                }
            }
            let secret_options = log
                .and_then(|l| l.member("secretOptions"))
                .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()));
            // Container secrets are refused at registration on every launch type; the others
            // make the task fail when it starts.
            for (key, what, rejected) in [
                (c.member("secrets"), "read the secrets", true),
                (
                    secret_options,
                    "read the log driver's secret options",
                    false,
                ),
                (
                    c.member("repositoryCredentials"),
                    "read the registry credentials",
                    false,
                ),
                (
                    c.member("environmentFiles"),
                    "read the environment files",
                    false,
                ),
            ] {
                let Some(member) = key.filter(|m| !m.value.is_unknown()) else {
                    continue;
                };
                let empty = member.value.as_array().is_some_and(|a| a.is_empty());
                if !empty && !member.value.is_null() {
                    needs.push((
                        member.key.range,
                        format!("{what} of container `{name}`"),
                        rejected,
                    ));
                }
            }
        }
        let Some(first) = needs.iter().find(|n| n.2).or(needs.first()) else {
            return;
        };
        let rejected = needs.iter().any(|n| n.2);
        let mut reasons: Vec<&str> = needs.iter().map(|n| n.1.as_str()).collect();
        reasons.dedup();
        let shown = if reasons.len() > 3 {
            format!("{} and {} more", reasons[..3].join(", "), reasons.len() - 3)
        } else {
            and_list(&reasons)
        };
        let message = if rejected && doc.facts.fargate {
            format!(
                "Fargate needs a task execution role to {shown}, but `executionRoleArn` is not set"
            )
        } else {
            format!(
                "the task needs an execution role to {shown}, but `executionRoleArn` is not set"
            )
        };
        let d = out
            .report(&Self::META, first.0, message)
            .help("add \"executionRoleArn\" with a role that trusts ecs-tasks.amazonaws.com and has the AmazonECSTaskExecutionRolePolicy managed policy (and read access to the secrets)")
            .pointer(format!("{}/executionRoleArn", doc.task_pointer()));
        if !rejected {
            d.severity(Severity::Warning);
        }
        for (range, _, _) in needs.iter().filter(|n| n.0 != first.0).take(5) {
            d.related(*range, "also needs the execution role");
        }
    }
}
