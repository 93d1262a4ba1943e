use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service that gives both `launchType` and `capacityProviderStrategy` (a non-empty
    /// one). An empty `launchType` (`""`, which the Go SDK of ecspresso and Terraform omits) is not counted.
    ///
    /// ## Why is this bad?
    /// The two are two ways to say where tasks run, and they are mutually exclusive: with a
    /// capacity provider strategy, `launchType` must be omitted. Templates that move from
    /// `launchType` to capacity providers often keep both.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "capacityProviderStrategy": [{ "capacityProvider": "FARGATE_SPOT", "weight": 1 }], "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Remove `launchType` (the capacity providers decide), or remove `capacityProviderStrategy`.
    pub LaunchTypeXorCapacityProviderStrategy {
        id: "launch-type-xor-capacity-provider-strategy",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1657, 1657), quote: "If a capacityProviderStrategy is specified, the launchType parameter must be omitted." },
        ],
    }
}

impl LaunchTypeXorCapacityProviderStrategy {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let Some(lt) = service
            .known("launchType")
            .filter(|m| m.value.as_str().is_none_or(|s| !s.is_empty()))
        else {
            return;
        };
        let Some(strategy) = service
            .member("capacityProviderStrategy")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        let d = out
            .report(&Self::META, lt.key.range, "`launchType` and `capacityProviderStrategy` are mutually exclusive")
            .help("remove `launchType` and let the capacity provider strategy decide, or remove `capacityProviderStrategy`");
        d.related(
            strategy.key.range,
            "the capacity provider strategy is given here",
        );
    }
}
