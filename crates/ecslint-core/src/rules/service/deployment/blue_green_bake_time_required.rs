use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `BLUE_GREEN` deployment without `bakeTimeInMinutes`.
    ///
    /// ## Why is this bad?
    /// The bake time is how long both revisions keep running after production traffic has
    /// moved, the window in which a rollback is instant. The API model says it must be
    /// provided for blue/green; CloudFormation documents a 15-minute default. Which one a
    /// request meets is not certain, so this is a warning: say how long you want.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "BLUE_GREEN" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 15 } }
    /// ```
    ///
    /// ## Fix
    /// Add `bakeTimeInMinutes` (0–1440).
    pub BlueGreenBakeTimeRequired {
        id: "blue-green-bake-time-required",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentConfiguration.bakeTimeInMinutes", quote: "You must provide this parameter when you use the BLUE_GREEN deployment strategy." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentconfiguration.html", note: "when BakeTimeInMinutes is not specified, blue/green, linear and canary deployments get 15 minutes" },
        ],
    }
}

impl BlueGreenBakeTimeRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if native_shift(doc) != Some("BLUE_GREEN") {
            return;
        }
        let Some(config) = deployment_configuration(doc) else {
            return;
        };
        if config.member("bakeTimeInMinutes").is_some() {
            return;
        }
        let Some(s) = config.strategy() else { return };
        out.report(&Self::META, s.range(), "the BLUE_GREEN strategy needs `bakeTimeInMinutes`, and it is not set")
            .help("add \"bakeTimeInMinutes\": how long both revisions run after the traffic shift (0–1440)");
    }
}
