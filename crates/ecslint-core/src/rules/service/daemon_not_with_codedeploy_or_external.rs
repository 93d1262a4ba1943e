use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `"schedulingStrategy": "DAEMON"` with the `CODE_DEPLOY` or `EXTERNAL` deployment
    /// controller.
    ///
    /// ## Why is this bad?
    /// Blue/green (CodeDeploy) and external deployments shift task sets, which a daemon service
    /// does not have: those controllers require the REPLICA strategy.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON" }
    /// ```
    ///
    /// ## Fix
    /// Use the ECS (rolling update) controller for a daemon, or REPLICA scheduling.
    pub DaemonNotWithCodedeployOrExternal {
        id: "daemon-not-with-codedeploy-or-external",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1845, 1845), quote: "This scheduler strategy is required if the service uses the CODE_DEPLOY or EXTERNAL deployment controller types." },
        ],
    }
}

impl DaemonNotWithCodedeployOrExternal {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let controller = doc.service_facts.controller.as_str();
        if !doc.service_facts.daemon || !matches!(controller, "CODE_DEPLOY" | "EXTERNAL") {
            return;
        }
        let Some(s) = service.scheduling_strategy() else {
            return;
        };
        let d = out
            .report(&Self::META, s.range(), format!("the {controller} deployment controller requires the REPLICA scheduling strategy, not DAEMON"))
            .help("use the ECS deployment controller (rolling update) for a daemon service, or \"schedulingStrategy\": \"REPLICA\"");
        if let Some(t) = service.deployment_controller().and_then(|c| c.r#type()) {
            d.related(t.range(), "the deployment controller is set here");
        }
    }
}
