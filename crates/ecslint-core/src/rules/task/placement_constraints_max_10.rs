use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports more than 10 placement constraints for a task: in a task definition, or in a
    /// service together with those of its paired task definition.
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
        if let Some(service) = doc.service {
            Self::check_service(doc, service, out);
            return;
        }
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

impl PlacementConstraintsMax10 {
    /// The service's constraints count with those of its task definition.
    fn check_service<'a>(
        doc: &Document<'a>,
        service: CreateServiceRequest<'a>,
        out: &mut Reporter<'a>,
    ) {
        let Some(list) = service.placement_constraints() else {
            return;
        };
        let nodes = list.nodes();
        let td = doc.paired.as_ref().and_then(|p| {
            let m = p.task_definition.member("placementConstraints")?;
            Some((p, m, m.value.as_array()?.len()))
        });
        let from_td = td.map_or(0, |(_, _, n)| n);
        if nodes.is_empty() || nodes.len() + from_td <= 10 {
            return;
        }
        // The first service constraint past the limit (the task definition's come first).
        let at = nodes[10usize.saturating_sub(from_td).min(nodes.len() - 1)].range;
        let message = if from_td == 0 {
            format!(
                "the service has {} placement constraints; a task takes at most 10",
                nodes.len()
            )
        } else {
            format!(
                "the service's {} placement constraints and the task definition's {from_td} make {}; a task takes at most 10",
                nodes.len(),
                nodes.len() + from_td
            )
        };
        let d = out
            .report(&Self::META, opening(at), message)
            .help("combine constraints into fewer expressions (with `and`), keeping the service's and the task definition's together at 10 or fewer");
        if let Some((paired, m, _)) = td {
            d.related
                .push(paired.related(m.key.range, "the task definition's placement constraints"));
        }
    }
}
