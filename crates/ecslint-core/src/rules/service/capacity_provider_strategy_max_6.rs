use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `capacityProviderStrategy` with more than 20 items.
    ///
    /// ## Why is this bad?
    /// The 2024 reference allows 6 capacity providers in a strategy; the current API model allows
    /// 20. This rule follows the current figure (the id keeps the catalogue's name).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [ "… 21 providers …" ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Keep at most 20 providers in the strategy.
    pub CapacityProviderStrategyMax6 {
        id: "capacity-provider-strategy-max-6",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1659, 1659), quote: "A capacity provider strategy may contain a maximum of 6 capacity providers." },
            Source::Botocore { shape: "CreateServiceRequest.capacityProviderStrategy: a capacity provider strategy can contain a maximum of 20 capacity providers" },
        ],
    }
}

impl CapacityProviderStrategyMax6 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = doc.service.and_then(|s| s.capacity_provider_strategy()) else {
            return;
        };
        let nodes = strategy.nodes();
        if nodes.len() > 20 {
            out.report(
                &Self::META,
                opening(nodes[20].range),
                format!(
                    "the strategy has {} capacity providers; at most 20 are allowed",
                    nodes.len()
                ),
            )
            .help("remove capacity providers from the strategy");
        }
    }
}
