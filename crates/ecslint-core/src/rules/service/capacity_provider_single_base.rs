use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a capacity provider strategy in which more than one provider has a `base` above 0.
    ///
    /// ## Why is this bad?
    /// The base is the number of tasks placed on one provider first; only one provider in a
    /// strategy can have one. An explicit `"base": 0` is the default and is not counted.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1, "weight": 1 }, { "capacityProvider": "FARGATE_SPOT", "base": 2, "weight": 3 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "base": 1, "weight": 1 }, { "capacityProvider": "FARGATE_SPOT", "weight": 3 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Keep a base on one provider only.
    pub CapacityProviderSingleBase {
        id: "capacity-provider-single-base",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18407, 18407), quote: "Only one capacity provider in a capacity provider strategy can have a *base* defined." },
        ],
    }
}

impl CapacityProviderSingleBase {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = doc.service.and_then(|s| s.capacity_provider_strategy()) else {
            return;
        };
        let mut first: Option<TextRange> = None;
        for item in strategy.values() {
            let Some(base) = item.base().filter(|b| b.value() > 0) else {
                continue;
            };
            match first {
                None => first = Some(base.range()),
                Some(at) => {
                    out.report(
                        &Self::META,
                        base.range(),
                        "only one capacity provider in a strategy can have a base",
                    )
                    .help("remove this `base`, or the other one")
                    .related(at, "a base is already set here");
                }
            }
        }
    }
}
