use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `random` placement strategy that has a `field`.
    ///
    /// ## Why is this bad?
    /// `random` places tasks on random instances and ignores `field`; a field there usually
    /// means another strategy (`spread`, `binpack`) was meant.
    ///
    /// ## Example
    /// ```json
    /// { "placementStrategy": [{ "type": "random", "field": "memory" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementStrategy": [{ "type": "random" }] }
    /// ```
    ///
    /// ## Fix
    /// Remove `field`, or change `type` to the strategy that uses it.
    pub PlacementStrategyRandomNoField {
        id: "placement-strategy-random-no-field",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (21861, 21861), quote: "For the random placement strategy, this field is not used." },
        ],
    }
}

impl PlacementStrategyRandomNoField {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.placement_strategy()) else {
            return;
        };
        for s in list.values() {
            if s.r#type().map(Str::value) != Some("random") {
                continue;
            }
            let Some(m) = s.member("field") else { continue };
            let fix = s
                .node()
                .as_object()
                .map(|members| Fix::unsafe_("remove `field`", vec![remove_member(members, m)]));
            let d = out
                .report(
                    &Self::META,
                    m.key.range,
                    "a `random` strategy does not use `field`",
                )
                .help("remove `field`, or use `spread` or `binpack` if the field was meant");
            if let Some(fix) = fix {
                d.fix(fix);
            }
        }
    }
}
