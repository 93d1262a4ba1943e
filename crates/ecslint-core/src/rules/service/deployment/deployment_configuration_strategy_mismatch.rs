use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `linearConfiguration` when the deployment strategy is not `LINEAR`, and a
    /// `canaryConfiguration` when it is not `CANARY` (no `strategy` means `ROLLING`).
    ///
    /// ## Why is this bad?
    /// Each configuration is documented as valid only with its strategy: the steps of a
    /// linear deployment do nothing in a canary or rolling one. Most often the `strategy`
    /// line was forgotten, and the service deploys by a rolling update instead. AWS does not
    /// name the error, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "linearConfiguration": { "stepPercent": 10.0, "stepBakeTimeInMinutes": 5 } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 10.0, "stepBakeTimeInMinutes": 5 } } }
    /// ```
    ///
    /// ## Fix
    /// Set `strategy` to the deployment you configured, or remove the other configuration.
    pub DeploymentConfigurationStrategyMismatch {
        id: "deployment-configuration-strategy-mismatch",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentConfiguration.linearConfiguration", quote: "Only valid when the deployment strategy is LINEAR." },
            Source::BotocoreDoc { member: "DeploymentConfiguration.canaryConfiguration", quote: "Only valid when the deployment strategy is CANARY." },
        ],
    }
}

impl DeploymentConfigurationStrategyMismatch {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        // Another controller is deployment-strategy-requires-ecs-controller's report.
        if !ecs_controller(doc) {
            return;
        }
        let (Some(config), Some(strategy)) = (deployment_configuration(doc), strategy(doc)) else {
            return;
        };
        for (key, wanted) in [
            ("linearConfiguration", "LINEAR"),
            ("canaryConfiguration", "CANARY"),
        ] {
            let Some(m) = config.member(key) else {
                continue;
            };
            if strategy == wanted {
                continue;
            }
            let written = if config.strategy().is_some() {
                format!("the strategy is {strategy}")
            } else {
                "no `strategy` is set, so the service deploys by a rolling update".to_owned()
            };
            out.report(
                &Self::META,
                m.key.range,
                format!("`{key}` is only valid with the {wanted} strategy, but {written}"),
            )
            .help(format!("set \"strategy\": \"{wanted}\", or remove `{key}`"));
        }
    }
}
