use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports task placement constraints (`placementConstraints` with at least one entry)
    /// in a task definition for Fargate.
    ///
    /// ## Why is this bad?
    /// Placement constraints choose container instances; Fargate has none to choose. "Task
    /// placement constraints aren't supported for tasks run on AWS Fargate": the API refuses
    /// them ("Placement constraints are not supported with FARGATE."). An empty array is
    /// accepted and not reported.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    ///   "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" }],
    ///   "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// The unsafe fix removes `placementConstraints`. To spread Fargate tasks across
    /// Availability Zones, give the service subnets in several zones.
    pub PlacementConstraintsNotFargate {
        id: "placement-constraints-not-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (24125, 24125), quote: "Task placement constraints aren't supported for tasks run on AWS Fargate." },
            Source::ErrorMessage { text: "Placement constraints are not supported with FARGATE.", seen_in: "hashicorp/terraform-provider-aws#26337" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "placementConstraints is listed among the task definition parameters not valid in Fargate tasks" },
        ],
    }
}

impl PlacementConstraintsNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate {
            return;
        }
        let (Some(list), Some(member), Some(members)) = (
            task.placement_constraints(),
            task.member("placementConstraints"),
            task.node().as_object(),
        ) else {
            return;
        };
        if list.is_empty() {
            return;
        }
        out.report(&Self::META, member.key.range, "Fargate does not support task placement constraints")
            .help("remove \"placementConstraints\"; to spread Fargate tasks, give the service subnets in several Availability Zones")
            .fix(Fix::unsafe_("remove \"placementConstraints\"", vec![remove_member(members, member)]));
    }
}
