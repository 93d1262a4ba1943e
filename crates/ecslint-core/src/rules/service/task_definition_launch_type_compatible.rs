use crate::document::Paired;
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
    /// A task definition that declares no `requiresCompatibilities` is validated for EC2, and
    /// for Fargate only when it could run there: ECS records FARGATE in its `compatibilities`
    /// when it is an `awsvpc` task with task-level `cpu` and `memory` (the describe output of
    /// such task definitions lists `["EC2", "FARGATE"]`, and cfn-lint's E3054 was narrowed to
    /// non-`awsvpc` task definitions after a false positive, cfn-lint#3592). So for a Fargate
    /// service an undeclared task definition is reported when its network mode is not
    /// `awsvpc` or it lacks task `cpu` or `memory`: UpdateService and CreateService answer
    /// "Task definition does not support launch_type FARGATE." Whether ECS adds EXTERNAL or
    /// MANAGED_INSTANCES on its own is not documented, so undeclared ones are not reported
    /// for those launch types.
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
            Source::ErrorMessage { text: "InvalidParameterException: Task definition does not support launch_type FARGATE.", seen_in: "aws/aws-cli#3983" },
            Source::Peer { tool: "cfn-lint", rule: "E3054 (service_fargate.json: only when the task definition's NetworkMode is not awsvpc)" },
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
        if paired.facts.launch_type_unknown {
            return;
        }
        let Some(declared) = paired.task_definition.requires_compatibilities() else {
            if wanted == "FARGATE" {
                Self::undeclared_fargate(doc, service, paired, out);
            }
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

    /// A Fargate service whose task definition declares no launch type: ECS has validated it
    /// for Fargate only if it is an `awsvpc` task with task-level cpu and memory.
    fn undeclared_fargate<'a>(
        doc: &Document<'a>,
        service: CreateServiceRequest<'a>,
        paired: &Paired<'a>,
        out: &mut Reporter<'a>,
    ) {
        let td = paired.task_definition;
        let mode = td.network_mode().map(|m| m.value());
        if mode.is_some_and(is_placeholder) || paired.facts.network_mode_unknown {
            return;
        }
        let why = match mode {
            Some("awsvpc") => {
                let missing: Vec<&str> = ["cpu", "memory"]
                    .into_iter()
                    .filter(|k| td.member(k).is_none())
                    .collect();
                if missing.is_empty() {
                    return;
                }
                format!("it has no task-level {}", missing.join(" or "))
            }
            Some(other) => format!("its network mode is `{other}`"),
            None => "it sets no network mode (Fargate needs `awsvpc`)".to_owned(),
        };
        let range = if doc.service_facts.launch_type.is_some() {
            key_or_root(service, "launchType")
        } else {
            key_or_root(service, "capacityProviderStrategy")
        };
        let d = out
            .report(&Self::META, range, format!("the service runs on FARGATE, but the task definition does not declare `requiresCompatibilities` and {why}: ECS registers it for EC2 only"))
            .help("add \"requiresCompatibilities\": [\"FARGATE\"] to the task definition, with \"networkMode\": \"awsvpc\" and task-level cpu and memory");
        related_td(
            d,
            paired,
            opening(td.range()),
            "the task definition declares no launch type",
        );
    }
}
