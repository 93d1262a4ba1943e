use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `BLUE_GREEN`, `LINEAR` or `CANARY` strategy, a `linearConfiguration` or a
    /// `canaryConfiguration` on a service whose deployment controller is `CODE_DEPLOY` or
    /// `EXTERNAL` (errors), and `bakeTimeInMinutes` or `lifecycleHooks` there (warnings).
    ///
    /// ## Why is this bad?
    /// These strategies are run by the ECS deployment controller; CodeDeploy and external
    /// controllers deploy task sets their own way. AWS documents bake times as not supported by
    /// them, without naming the error: rejected or ignored.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentController": { "type": "CODE_DEPLOY" }, "deploymentConfiguration": { "strategy": "BLUE_GREEN" } }
    /// ```
    /// Use instead: `"deploymentController": { "type": "ECS" }`.
    ///
    /// ## Fix
    /// Use the `ECS` controller for these deployments, or remove the settings and configure the
    /// deployment in CodeDeploy.
    pub DeploymentStrategyRequiresEcsController {
        id: "deployment-strategy-requires-ecs-controller",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "LinearConfiguration", quote: "This is only valid when you run CreateService or UpdateService with deploymentController set to ECS" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html", note: "Set the service deployment controller to ECS." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentconfiguration.html", note: "EXTERNAL and CODE_DEPLOY do not support BakeTimeInMinutes" },
        ],
    }
}

impl DeploymentStrategyRequiresEcsController {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if ecs_controller(doc) || !doc.service_facts.controller_known() {
            return;
        }
        let Some(config) = deployment_configuration(doc) else {
            return;
        };
        let controller = doc.service_facts.controller.as_str();
        let help = "use the ECS deployment controller (\"deploymentController\": {\"type\": \"ECS\"}), or leave the deployment to CodeDeploy or your controller and remove this";
        if let Some(s) = config.strategy().filter(|s| shifts_traffic(s.value())) {
            out.report(
                &Self::META,
                s.range(),
                format!(
                    "the {} strategy needs the ECS deployment controller, not {controller}",
                    s.value()
                ),
            )
            .help(help);
        }
        for key in ["linearConfiguration", "canaryConfiguration"] {
            if let Some(m) = config.member(key) {
                out.report(
                    &Self::META,
                    m.key.range,
                    format!("`{key}` needs the ECS deployment controller, not {controller}"),
                )
                .help(help);
            }
        }
        for key in ["bakeTimeInMinutes", "lifecycleHooks"] {
            if let Some(m) = config.member(key) {
                out.report(&Self::META, m.key.range, format!("the {controller} deployment controller does not support `{key}`: it is rejected or ignored"))
                    .help(help)
                    .severity(Severity::Warning);
            }
        }
    }
}
