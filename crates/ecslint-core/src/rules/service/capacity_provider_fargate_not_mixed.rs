use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a capacity provider strategy that mixes the Fargate providers (`FARGATE`,
    /// `FARGATE_SPOT`) with Auto Scaling group providers.
    ///
    /// ## Why is this bad?
    /// A cluster can have both kinds, but one strategy holds only one kind: Fargate providers or
    /// Auto Scaling group providers.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }, { "capacityProvider": "my-asg-provider", "weight": 1 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [{ "capacityProvider": "FARGATE", "weight": 1 }, { "capacityProvider": "FARGATE_SPOT", "weight": 1 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Split the service in two, or keep one kind of provider in the strategy.
    pub CapacityProviderFargateNotMixed {
        id: "capacity-provider-fargate-not-mixed",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html", note: "A capacity provider strategy can only contain Auto Scaling group capacity providers or Fargate capacity providers." },
        ],
    }
}

impl CapacityProviderFargateNotMixed {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = doc.service.and_then(|s| s.capacity_provider_strategy()) else {
            return;
        };
        let names: Vec<Str<'a>> = strategy
            .values()
            .filter_map(|i| i.capacity_provider())
            .filter(|p| known(p.value()))
            .collect();
        let Some(fargate) = names
            .iter()
            .find(|p| crate::facts::is_fargate_provider(p.value()))
        else {
            return;
        };
        for other in names
            .iter()
            .filter(|p| !crate::facts::is_fargate_provider(p.value()))
        {
            out.report(&Self::META, other.range(), format!("`{}` is not a Fargate provider, and the strategy also uses `{}`: a strategy holds either Fargate or Auto Scaling group providers", other.value(), fargate.value()))
                .help("keep one kind of capacity provider in the strategy")
                .related(fargate.range(), "a Fargate provider is used here");
        }
    }
}
