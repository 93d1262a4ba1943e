use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `deploymentConfiguration.deploymentCircuitBreaker` on a service with the `CODE_DEPLOY`
    /// or `EXTERNAL` deployment controller.
    ///
    /// ## Why is this bad?
    /// The circuit breaker watches ECS rolling updates; it can only be used with the ECS deployment
    /// controller.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    ///
    /// ## Fix
    /// Remove `deploymentCircuitBreaker` (CodeDeploy rolls back with its own alarms and settings).
    pub CircuitBreakerEcsOnly {
        id: "circuit-breaker-ecs-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20121, 20121), quote: "The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type." },
        ],
    }
}

impl CircuitBreakerEcsOnly {
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
            .and_then(|c| c.member("deploymentCircuitBreaker"))
        else {
            return;
        };
        out.report(&Self::META, m.key.range, format!("the deployment circuit breaker only works with the ECS deployment controller, not {controller}"))
            .help("remove `deploymentCircuitBreaker`, or use the ECS (rolling update) deployment controller");
    }
}
