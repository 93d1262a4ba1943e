use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `resetOnHealthyTask` or `thresholdConfiguration` in a
    /// `deploymentCircuitBreaker` whose `enable` is `false`.
    ///
    /// ## Why is this bad?
    /// They tune when the circuit breaker trips; with the breaker off nothing counts task
    /// failures, so the threshold is silently unused. Usually `enable` was meant to be
    /// `true`.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentCircuitBreaker": { "enable": false, "rollback": true,
    ///   "thresholdConfiguration": { "type": "COUNT", "value": 3 } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "deploymentCircuitBreaker": { "enable": true, "rollback": true,
    ///   "thresholdConfiguration": { "type": "COUNT", "value": 3 } } }
    /// ```
    ///
    /// ## Fix
    /// Set `enable` to `true`, or remove the settings.
    pub CircuitBreakerSettingsIgnoredWhenDisabled {
        id: "circuit-breaker-settings-ignored-when-disabled",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentCircuitBreaker.enable", quote: "Determines whether to use the deployment circuit breaker logic for the service." },
            Source::BotocoreDoc { member: "DeploymentCircuitBreaker.thresholdConfiguration", quote: "The threshold configuration that controls when the deployment circuit breaker triggers." },
        ],
    }
}

impl CircuitBreakerSettingsIgnoredWhenDisabled {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(breaker) =
            deployment_configuration(doc).and_then(|c| c.deployment_circuit_breaker())
        else {
            return;
        };
        let Some(enable) = breaker.enable().filter(|e| !e.value()) else {
            return;
        };
        for key in ["resetOnHealthyTask", "thresholdConfiguration"] {
            if let Some(m) = breaker.member(key) {
                out.report(
                    &Self::META,
                    m.key.range,
                    format!("the circuit breaker is disabled, so `{key}` is not used"),
                )
                .help("set \"enable\": true to use the circuit breaker, or remove this setting")
                .related(enable.range(), "disabled here");
            }
        }
    }
}
