use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports, in a strategy of several providers where some have a weight, a provider with
    /// weight 0 (or none) and no base.
    ///
    /// ## Why is this bad?
    /// Such a provider never gets a task: tasks beyond the base go by weight only.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }, { "capacityProvider": "FARGATE_SPOT" }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }, { "capacityProvider": "FARGATE_SPOT", "weight": 3 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Give the provider a weight (or a base), or remove it from the strategy.
    pub CapacityProviderZeroWeightUnused {
        id: "capacity-provider-zero-weight-unused",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18419, 18419), quote: "any capacity providers with a weight of 0 can't be used to place tasks." },
        ],
    }
}

impl CapacityProviderZeroWeightUnused {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = doc.service.and_then(|s| s.capacity_provider_strategy()) else {
            return;
        };
        if strategy.node().contains_unknown() {
            return;
        }
        let items: Vec<CapacityProviderStrategyItem<'a>> = strategy.values().collect();
        if items.len() < 2
            || !items
                .iter()
                .any(|i| i.weight().is_some_and(|w| w.value() > 0))
        {
            return;
        }
        for item in &items {
            let zero = match item.get("weight") {
                None => true,
                Some(_) => item.weight().is_some_and(|w| w.value() == 0),
            };
            let has_base = item.base().is_some_and(|b| b.value() > 0);
            if !zero || has_base {
                continue;
            }
            let name = item
                .capacity_provider()
                .map_or("this provider".to_owned(), |p| format!("`{}`", p.value()));
            let range = item
                .member("weight")
                .map_or_else(|| opening(item.range()), |m| m.value.range);
            out.report(
                &Self::META,
                range,
                format!("{name} has weight 0 and no base: it never gets a task"),
            )
            .help("give it a weight (or a base), or remove it from the strategy");
        }
    }
}
