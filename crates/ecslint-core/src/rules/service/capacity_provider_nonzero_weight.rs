use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a capacity provider strategy of several providers in which no provider has a
    /// `weight` above 0 (`weight` defaults to 0 when left out).
    ///
    /// ## Why is this bad?
    /// Tasks beyond the base are spread by weight; when every weight is 0, CreateService with that
    /// strategy fails. Omitting `weight` everywhere is the usual way to get there.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1 }, { "capacityProvider": "FARGATE_SPOT" }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1, "weight": 1 }, { "capacityProvider": "FARGATE_SPOT", "weight": 3 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Give at least one provider a `weight` of 1 or more.
    pub CapacityProviderNonzeroWeight {
        id: "capacity-provider-nonzero-weight",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18419, 18419), quote: "any RunTask or CreateService actions using the capacity provider strategy will fail." },
        ],
    }
}

impl CapacityProviderNonzeroWeight {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = doc.service.and_then(|s| s.capacity_provider_strategy()) else {
            return;
        };
        let items: Vec<CapacityProviderStrategyItem<'a>> = strategy.values().collect();
        if items.len() < 2 {
            return;
        }
        let weights: Vec<Option<i32>> = items
            .iter()
            .map(|i| match i.get("weight") {
                None => Some(0),
                Some(_) => i.weight().map(|w| w.value()),
            })
            .collect();
        if weights.iter().any(|w| w.is_none_or(|w| w > 0)) {
            return;
        }
        out.report(
            &Self::META,
            key_or_root(doc.service.expect("checked"), "capacityProviderStrategy"),
            "no capacity provider in the strategy has a weight above 0 (`weight` defaults to 0)",
        )
        .help("give at least one provider \"weight\": 1 or more");
    }
}
