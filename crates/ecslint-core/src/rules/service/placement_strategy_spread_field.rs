use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `spread` placement strategy whose `field` is not `instanceId`, `host` or an
    /// attribute (`attribute:ecs.availability-zone`, `attribute:` + a custom attribute).
    ///
    /// ## Why is this bad?
    /// `spread` spreads tasks over the values of `field`; the API reference lists the valid
    /// values. A bare attribute name (`ecs.availability-zone`) lacks the `attribute:` prefix.
    /// The same value in other letter case is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "placementStrategy": [{ "type": "spread", "field": "availability-zone" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementStrategy": [{ "type": "spread", "field": "attribute:ecs.availability-zone" }] }
    /// ```
    ///
    /// ## Fix
    /// Use `instanceId`, or `attribute:` followed by the attribute name.
    pub PlacementStrategySpreadField {
        id: "placement-strategy-spread-field",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21861, 21861), quote: "For the spread placement strategy, valid values are `instanceId` (or `host`, which has the same effect), or any platform or custom attribute that's applied to a container instance, such as `attribute:ecs.availability-zone`." },
        ],
    }
}

impl PlacementStrategySpreadField {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (kind, field) in strategy_fields(doc) {
            if kind != "spread" {
                continue;
            }
            let v = field.value();
            if matches!(v, "instanceId" | "host")
                || v.strip_prefix("attribute:").is_some_and(|a| !a.is_empty())
            {
                continue;
            }
            let lower = v.to_ascii_lowercase();
            let case_only = matches!(lower.as_str(), "instanceid" | "host")
                || lower
                    .strip_prefix("attribute:")
                    .is_some_and(|a| !a.is_empty());
            let suggestion = if case_only {
                match lower.as_str() {
                    "instanceid" => "\"instanceId\"".to_owned(),
                    "host" => "\"host\"".to_owned(),
                    _ => format!("\"attribute:{}\"", &v["attribute:".len()..]),
                }
            } else if v.contains('.') || v.contains("zone") {
                format!("\"attribute:{v}\"")
            } else {
                "\"instanceId\" or \"attribute:ecs.availability-zone\"".to_owned()
            };
            let d = out
                .report(
                    &Self::META,
                    field.range(),
                    format!("\"{v}\" is not a `spread` field: use `instanceId`, `host` or `attribute:<name>`"),
                )
                .help(format!("use {suggestion}"));
            if case_only {
                d.severity(Severity::Warning);
            }
        }
    }
}
