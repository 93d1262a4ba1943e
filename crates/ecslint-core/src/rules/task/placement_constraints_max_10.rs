use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition with more than 10 placement constraints.
    ///
    /// ## Why is this bad?
    /// A task takes at most 10 placement constraints, and the limit counts those of the task
    /// definition together with those given when the task runs or the service is created.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "placementConstraints": [ "… 11 entries …" ], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "placementConstraints": [ "… at most 10 entries …" ], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Merge constraints into fewer cluster query language expressions (`and`, `in`), or move
    /// some to the service or RunTask call, keeping the total at 10.
    pub PlacementConstraintsMax10 {
        id: "placement-constraints-max-10",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11897, 11897), quote: "You can specify a maximum of 10 constraints for each task. This limit includes constraints in the task definition and those specified at runtime." },
        ],
    }
}

impl PlacementConstraintsMax10 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.task_definition.and_then(|t| t.placement_constraints()) else {
            return;
        };
        let nodes = list.nodes();
        if nodes.len() <= 10 {
            return;
        }
        out.report(&Self::META, opening(nodes[10].range), format!("the task definition has {} placement constraints; a task takes at most 10", nodes.len()))
            .help("combine constraints into fewer expressions (with `and`); the limit also counts constraints given at run time");
    }
}
