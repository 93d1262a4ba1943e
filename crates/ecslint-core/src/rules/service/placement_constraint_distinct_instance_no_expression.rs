use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a placement constraint of type `distinctInstance` that has an `expression`.
    ///
    /// ## Why is this bad?
    /// `distinctInstance` takes no expression; the API reference says it can't be given one.
    /// An expression is for `memberOf`.
    ///
    /// ## Example
    /// ```json
    /// { "placementConstraints": [{ "type": "distinctInstance", "expression": "attribute:ecs.availability-zone in [us-east-1a]" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementConstraints": [{ "type": "distinctInstance" }, { "type": "memberOf", "expression": "attribute:ecs.availability-zone in [us-east-1a]" }] }
    /// ```
    ///
    /// ## Fix
    /// Remove the `expression`, or make the constraint a `memberOf`.
    pub PlacementConstraintDistinctInstanceNoExpression {
        id: "placement-constraint-distinct-instance-no-expression",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (21827, 21827), quote: "You can't specify an expression if the constraint type is `distinctInstance`." },
        ],
    }
}

impl PlacementConstraintDistinctInstanceNoExpression {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.placement_constraints()) else {
            return;
        };
        for c in list.values() {
            if c.r#type().map(Str::value) != Some("distinctInstance") {
                continue;
            }
            let Some(m) = c.member("expression") else {
                continue;
            };
            let fix = c
                .node()
                .as_object()
                .map(|members| Fix::safe("remove `expression`", vec![remove_member(members, m)]));
            let d = out
                .report(
                    &Self::META,
                    m.key.range,
                    "a `distinctInstance` constraint takes no `expression`",
                )
                .help("remove `expression`, or use `\"type\": \"memberOf\"` for an expression");
            if let Some(fix) = fix {
                d.fix(fix);
            }
        }
    }
}
