use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `binpack` placement strategy whose `field` is not `cpu` or `memory`.
    ///
    /// ## Why is this bad?
    /// `binpack` packs tasks by the resource named in `field`, and only `cpu` and `memory` are
    /// valid. The same value in other letter case (`MEMORY`, as DescribeServices echoes it)
    /// is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "placementStrategy": [{ "type": "binpack", "field": "instanceId" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementStrategy": [{ "type": "binpack", "field": "memory" }] }
    /// ```
    ///
    /// ## Fix
    /// Use `cpu` or `memory`; to spread over instances use `"type": "spread"`.
    pub PlacementStrategyBinpackField {
        id: "placement-strategy-binpack-field",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21861, 21861), quote: "For the binpack placement strategy, valid values are `cpu` and `memory`." },
        ],
    }
}

impl PlacementStrategyBinpackField {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (kind, field) in strategy_fields(doc) {
            if kind != "binpack" {
                continue;
            }
            let v = field.value();
            if matches!(v, "cpu" | "memory") {
                continue;
            }
            let d = out
                .report(
                    &Self::META,
                    field.range(),
                    format!("a `binpack` strategy packs by `cpu` or `memory`, not \"{v}\""),
                )
                .help("use \"cpu\" or \"memory\"; to spread tasks over instances use `\"type\": \"spread\"`");
            if v.eq_ignore_ascii_case("cpu") || v.eq_ignore_ascii_case("memory") {
                d.severity(Severity::Warning).help(format!(
                    "write it in lower case: \"{}\"",
                    v.to_ascii_lowercase()
                ));
            }
        }
    }
}
