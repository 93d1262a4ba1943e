use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a REPLICA service with the ECS controller whose `minimumHealthyPercent` and
    /// `maximumPercent` leave no room to replace a task: with `desiredCount` N, the scheduler may
    /// stop `N - ceil(N × min / 100)` tasks and start `floor(N × max / 100) - N` extra ones, and
    /// when both are 0 (for example min 100 and max 100, or N = 1 with min 100 and max 150) a
    /// rolling deployment, and draining an instance, cannot make progress. Defaults: 100 and 200.
    ///
    /// ## Why is this bad?
    /// The API accepts it, and the first deployment hangs until it times out (or the circuit
    /// breaker rolls it back).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 100 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "deploymentConfiguration": { "minimumHealthyPercent": 50, "maximumPercent": 200 } }
    /// ```
    ///
    /// ## Fix
    /// Lower `minimumHealthyPercent` (stop old tasks first) or raise `maximumPercent` (start new ones first).
    pub DeploymentCannotProgress {
        id: "deployment-cannot-progress",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (15724, 15724), quote: "If the maximum is 100%, then replacement tasks can't start until the draining tasks have stopped." },
        ],
    }
}

impl DeploymentCannotProgress {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_facts.daemon || !doc.service_facts.ecs_controller() {
            return;
        }
        let Some(config) = service.deployment_configuration() else {
            return;
        };
        let (Some(n), min, max) = (
            service
                .desired_count()
                .map(|n| i64::from(n.value()))
                .filter(|n| *n > 0),
            config.minimum_healthy_percent(),
            config.maximum_percent(),
        ) else {
            return;
        };
        if min.is_none() && max.is_none() {
            return;
        }
        let min_v = min.map_or(100, |m| i64::from(m.value()));
        let max_v = max.map_or(200, |m| i64::from(m.value()));
        let may_stop = n - (n * min_v + 99) / 100;
        let may_start = (n * max_v) / 100 - n;
        if may_stop > 0 || may_start > 0 {
            return;
        }
        let range = max.or(min).map_or_else(
            || key_or_root(service, "deploymentConfiguration"),
            |v| v.range(),
        );
        out.report(&Self::META, range, format!("with desiredCount {n}, minimumHealthyPercent {min_v} and maximumPercent {max_v}, a deployment can neither stop an old task first nor start a new one first"))
            .help("lower minimumHealthyPercent (e.g. 50) or raise maximumPercent (e.g. 200) so that a task can be replaced");
    }
}
