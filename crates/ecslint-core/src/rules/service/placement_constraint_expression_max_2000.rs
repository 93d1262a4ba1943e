use crate::rules::prelude::*;
use crate::rules::service::helpers::thousands;

declare_rule! {
    /// ## What it does
    /// Reports a `placementConstraints[].expression` longer than 2000 characters.
    ///
    /// ## Why is this bad?
    /// The API limits a cluster query language expression to 2000 characters.
    ///
    /// ## Example
    /// ```json
    /// { "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type in [… 2500 characters …]" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" }] }
    /// ```
    ///
    /// ## Fix
    /// Shorten the expression: use wildcards (`=~`) or a custom attribute instead of long lists.
    pub PlacementConstraintExpressionMax2000 {
        id: "placement-constraint-expression-max-2000",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21827, 21827), quote: "The expression can have a maximum length of 2000 characters." },
        ],
    }
}

impl PlacementConstraintExpressionMax2000 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.placement_constraints()) else {
            return;
        };
        for c in list.values() {
            let Some(e) = c.expression() else { continue };
            let len = e.value().chars().count();
            if len > 2000 && !is_placeholder(e.value()) {
                out.report(
                    &Self::META,
                    e.range(),
                    format!("the placement constraint expression is {} characters long; at most 2,000 are allowed", thousands(i32::try_from(len).unwrap_or(i32::MAX))),
                )
                .help("shorten the expression, for example with a wildcard match (`=~`) or a custom attribute");
            }
        }
    }
}
