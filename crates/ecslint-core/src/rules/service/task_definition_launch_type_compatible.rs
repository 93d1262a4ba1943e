use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service that runs on Fargate (or EC2, or EXTERNAL) with a paired task definition
    /// whose `requiresCompatibilities` does not include that launch type.
    ///
    /// ## Why is this bad?
    /// A task definition is validated at registration against the launch types it requires, and
    /// only those are in its `compatibilities`: CreateService refuses to run it on another one
    /// (for example, "the task definition does not support launch type FARGATE"). A Fargate service
    /// also needs everything Fargate requires of the task definition (awsvpc, task cpu and memory),
    /// which the task definition's own rules check once it declares FARGATE.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// // taskdef: "requiresCompatibilities": ["EC2"]
    /// ```
    /// Use instead:
    /// ```json
    /// // taskdef: "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512"
    /// ```
    ///
    /// ## Fix
    /// Add the service's launch type to the task definition's `requiresCompatibilities` (and meet its requirements), or run the service where the task definition can run.
    pub TaskDefinitionLaunchTypeCompatible {
        id: "task-definition-launch-type-compatible",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html", note: "compatibilities: the task launch types the task definition validated against during task definition registration; a service can only run it on one of them" },
            Source::ApiReference { lines: (24044, 24044), quote: "The task launch types the task definition was validated against." },
        ],
    }
}

impl TaskDefinitionLaunchTypeCompatible {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let facts = &doc.service_facts;
        let wanted = if facts.fargate {
            "FARGATE"
        } else if facts.external {
            "EXTERNAL"
        } else if facts.launch_type.as_deref() == Some("EC2") {
            "EC2"
        } else {
            return;
        };
        let Some(declared) = paired.task_definition.requires_compatibilities() else {
            return;
        };
        let values: Vec<&str> = declared.values().map(|v| v.value()).collect();
        if values.is_empty() || values.iter().any(|v| is_placeholder(v) || *v == wanted) {
            return;
        }
        let range = if facts.launch_type.is_some() {
            key_or_root(service, "launchType")
        } else {
            key_or_root(service, "capacityProviderStrategy")
        };
        let d = out
            .report(&Self::META, range, format!("the service runs on {wanted}, but the task definition requires {}", values.join(", ")))
            .help(format!("add \"{wanted}\" to the task definition's requiresCompatibilities (and meet what it needs there), or run the service on {}", values.join(" or ")));
        related_td(
            d,
            paired,
            declared.range(),
            "the task definition's launch types",
        );
    }
}
