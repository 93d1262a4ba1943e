use crate::rules::deploy::helpers::{containers_help, place, related_evidence};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks the CodeDeploy appspec that deploys this task definition (ECS blue/green):
    /// `LoadBalancerInfo.ContainerName` must be a container of the task definition, and
    /// `ContainerPort` one of that container's `containerPort`s.
    ///
    /// ## Why is this bad?
    /// The appspec's load balancer container "must be a container specified in your Amazon ECS
    /// task definition"; with another name or port the deployment cannot register the new
    /// tasks with the load balancer and fails. The appspec is `appspec.yaml` (or `.yml`,
    /// `.json`) beside `taskdef.json`, as CodePipeline's defaults expect, or the
    /// `codedeploy-appspec` input of the ECS deploy GitHub action.
    ///
    /// ## Example
    /// An appspec with `ContainerName: "web"` and `ContainerPort: 80` beside a `taskdef.json`
    /// whose container is `app` on port 8080.
    ///
    /// ## Fix
    /// Make the appspec name the container and port the load balancer should reach.
    pub CodedeployAppspecContainer {
        id: "codedeploy-appspec-container",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::AwsDocs {
            url: "https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html",
            note: "ContainerName: the name of the Amazon ECS container that contains your Amazon ECS application; it must be a container specified in your Amazon ECS task definition. ContainerPort: the port on the container where traffic will be routed to",
        }],
    }
}

impl CodedeployAppspecContainer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let containers: Vec<(&str, ContainerDefinition<'a>)> = doc
            .container_definitions
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|c| Some((c.name()?.value(), c)))
            .collect();
        if containers.iter().any(|(n, _)| is_placeholder(n)) {
            return;
        }
        let anchor = task
            .member("containerDefinitions")
            .map_or(opening(task.range()), |m| m.key.range);
        for deployment in &doc.deployments.list {
            let Some(appspec) = &deployment.appspec else {
                continue;
            };
            let Some((name, at)) = &appspec.container_name else {
                continue;
            };
            if is_placeholder(name) {
                continue;
            }
            let Some((_, container)) = containers.iter().find(|(n, _)| n == name) else {
                let names: Vec<&str> = containers.iter().map(|(n, _)| *n).collect();
                let help = containers_help(name, &names);
                let d = out
                    .report(&Self::META, anchor, format!("the appspec ({}) routes the load balancer to container `{name}`, which this task definition does not have", place(at)))
                    .help(help);
                related_evidence(d, at, "`ContainerName` in the appspec");
                continue;
            };
            let Some((port, port_at)) = &appspec.container_port else {
                continue;
            };
            let ports: Vec<i64> = container
                .port_mappings()
                .into_iter()
                .flat_map(|l| l.values())
                .filter_map(|p| p.container_port().map(|c| i64::from(c.value())))
                .collect();
            if ports.contains(port) {
                continue;
            }
            let range = container
                .member("portMappings")
                .map_or(opening(container.range()), |m| m.key.range);
            let listed = if ports.is_empty() {
                "maps no port".to_owned()
            } else {
                format!(
                    "maps {}",
                    ports
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let d = out
                .report(&Self::META, range, format!("the appspec ({}) routes the load balancer to port {port} of container `{name}`, which {listed}", place(port_at)))
                .help(format!("add a port mapping with containerPort {port} to `{name}`, or set the appspec's ContainerPort to the port it listens on"));
            related_evidence(d, port_at, "`ContainerPort` in the appspec");
        }
    }
}
