use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `deploymentConfiguration.alarms` on a service with the `CODE_DEPLOY` or `EXTERNAL`
    /// deployment controller.
    ///
    /// ## Why is this bad?
    /// CloudWatch-alarm failure detection is part of ECS rolling updates: it can only be used with
    /// the ECS deployment controller.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "EXTERNAL" },
    ///   "deploymentConfiguration": { "alarms": { "alarmNames": ["web-5xx"], "enable": true, "rollback": true } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "EXTERNAL" } }
    /// ```
    ///
    /// ## Fix
    /// Remove `alarms`, or use the ECS deployment controller.
    pub AlarmsEcsOnly {
        id: "alarms-ecs-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20078, 20078), quote: "You can only use the DeploymentAlarms method to detect failures when the DeploymentController is set to ECS (rolling update)." },
        ],
    }
}

impl AlarmsEcsOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let controller = doc.service_facts.controller.as_str();
        if !matches!(controller, "CODE_DEPLOY" | "EXTERNAL") {
            return;
        }
        let Some(m) = service
            .deployment_configuration()
            .and_then(|c| c.member("alarms"))
        else {
            return;
        };
        out.report(
            &Self::META,
            m.key.range,
            format!(
                "deployment alarms only work with the ECS deployment controller, not {controller}"
            ),
        )
        .help("remove `alarms`, or use the ECS (rolling update) deployment controller");
    }
}
