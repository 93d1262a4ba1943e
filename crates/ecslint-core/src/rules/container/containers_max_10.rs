use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition with more than 10 container definitions.
    ///
    /// ## Why is this bad?
    /// "Containers per task definition" is a fixed Amazon ECS service quota of 10;
    /// RegisterTaskDefinition fails with "ClientException: Too many containers." A whole
    /// docker-compose stack converted into one task definition is the usual cause.
    ///
    /// ## Example
    /// A task definition whose `containerDefinitions` holds 11 containers.
    ///
    /// ## Fix
    /// Split the containers into several task definitions (services), keeping together only
    /// the containers that must share a network namespace or volumes.
    pub ContainersMax10 {
        id: "containers-max-10",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html", note: "Containers per task definition: 10 (not adjustable)" },
            Source::ErrorMessage { text: "ClientException: Too many containers.", seen_in: "aws/amazon-ecs-cli#951" },
        ],
    }
}

/// The service quota "Containers per task definition".
const MAX_CONTAINERS: usize = 10;

impl ContainersMax10 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(task), Some(containers)) = (doc.task_definition, doc.container_definitions)
        else {
            return;
        };
        if containers.len() <= MAX_CONTAINERS {
            return;
        }
        let at = task
            .member("containerDefinitions")
            .map_or(opening(containers.range()), |m| m.key.range);
        let d = out
            .report(&Self::META, at, format!("the task definition has {} containers; ECS allows at most {MAX_CONTAINERS}", containers.len()))
            .help("split the containers into several task definitions; keep together only those that must share the network or volumes");
        if let Some(eleventh) = containers.nodes().get(MAX_CONTAINERS) {
            d.related(opening(eleventh.range), "the 11th container");
        }
    }
}
