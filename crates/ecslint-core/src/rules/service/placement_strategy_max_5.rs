use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `placementStrategy` with more than 5 entries.
    ///
    /// ## Why is this bad?
    /// A service takes at most 5 placement strategy rules.
    ///
    /// ## Example
    /// ```json
    /// { "placementStrategy": [ "… 6 entries …" ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" }, { "type": "binpack", "field": "memory" }] }
    /// ```
    ///
    /// ## Fix
    /// Keep the rules that matter; later rules only break ties of earlier ones.
    pub PlacementStrategyMax5 {
        id: "placement-strategy-max-5",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1799, 1799), quote: "You can specify a maximum of 5 strategy rules for each service." },
        ],
    }
}

impl PlacementStrategyMax5 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.placement_strategy()) else {
            return;
        };
        let nodes = list.nodes();
        if nodes.len() > 5 {
            out.report(
                &Self::META,
                opening(nodes[5].range),
                format!("there are {} placement strategy rules; a service takes at most 5", nodes.len()),
            )
            .help("remove rules: later ones only break ties between instances the earlier ones rank equal");
        }
    }
}
