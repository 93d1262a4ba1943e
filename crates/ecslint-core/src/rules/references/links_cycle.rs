use crate::rules::prelude::*;
use crate::rules::references::depends_on_cycle::report;
use crate::rules::references::helpers::{Containers, Edge};

declare_rule! {
    /// ## What it does
    /// Reports containers whose `links` form a cycle (`web` links to `api`, which links to
    /// `web`), once per cycle, naming it. A container that links to itself is a cycle of one.
    ///
    /// ## Why is this bad?
    /// Docker links need the linked container to exist first, so ECS creates containers in
    /// link order; a cycle has no order. RegisterTaskDefinition rejects it with
    /// "ClientException: Container links should not have a cycle".
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["api"] },
    ///  { "name": "api", "image": "api:1", "links": ["web"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["api"] },
    ///  { "name": "api", "image": "api:1" }]
    /// ```
    ///
    /// ## Fix
    /// Remove one link of the cycle. Links are a legacy bridge-mode feature: with `awsvpc`
    /// networking containers of a task reach each other on `localhost`.
    pub LinksCycle {
        id: "links-cycle",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19264, 19264), quote: "the name of one container can be entered in the links of another container to connect the containers." },
            Source::ErrorMessage { text: "ClientException: Container links should not have a cycle", seen_in: "Shippable/support#4194" },
        ],
    }
}

impl LinksCycle {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        let graph: Vec<Vec<Edge>> = containers
            .all
            .iter()
            .map(|c| {
                c.def.links().map_or_else(Vec::new, |links| {
                    links
                        .values()
                        .filter_map(|l| {
                            let name = l.value().split(':').next().unwrap_or_default();
                            Some(Edge {
                                to: containers.position(name)?,
                                at: l.range(),
                            })
                        })
                        .collect()
                })
            })
            .collect();
        report(out, &Self::META, &containers, &graph, "links", "links to");
    }
}
