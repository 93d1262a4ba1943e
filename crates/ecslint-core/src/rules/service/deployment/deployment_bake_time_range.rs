use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks `bakeTimeInMinutes`, `linearConfiguration.stepBakeTimeInMinutes` and
    /// `canaryConfiguration.canaryBakeTimeInMinutes`: 0 to 1440 minutes (24 hours).
    ///
    /// ## Why is this bad?
    /// These are the valid values AWS documents; another value is refused.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "CANARY", "canaryConfiguration": { "canaryBakeTimeInMinutes": 2880 } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "CANARY", "canaryConfiguration": { "canaryBakeTimeInMinutes": 1440 } } }
    /// ```
    ///
    /// ## Fix
    /// Use 0–1440 minutes.
    pub DeploymentBakeTimeRange {
        id: "deployment-bake-time-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "LinearConfiguration.stepBakeTimeInMinutes", quote: "Valid values are 0 to 1440 minutes (24 hours)." },
            Source::BotocoreDoc { member: "CanaryConfiguration.canaryBakeTimeInMinutes", quote: "Valid values are 0 to 1440 minutes (24 hours)." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentconfiguration.html", note: "BakeTimeInMinutes: minimum 0, maximum 1440" },
        ],
    }
}

impl DeploymentBakeTimeRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(config) = deployment_configuration(doc) else {
            return;
        };
        let values = [
            (config.bake_time_in_minutes(), "bakeTimeInMinutes"),
            (
                config
                    .linear_configuration()
                    .and_then(|c| c.step_bake_time_in_minutes()),
                "stepBakeTimeInMinutes",
            ),
            (
                config
                    .canary_configuration()
                    .and_then(|c| c.canary_bake_time_in_minutes()),
                "canaryBakeTimeInMinutes",
            ),
        ];
        for (value, key) in values {
            let Some(v) = value.filter(|v| !(0..=1440).contains(&v.value())) else {
                continue;
            };
            out.report(
                &Self::META,
                v.range(),
                format!(
                    "`{key}` is {} minutes, outside 0–1440 (24 hours)",
                    v.value()
                ),
            )
            .help("use 0 to 1440 minutes");
        }
    }
}
