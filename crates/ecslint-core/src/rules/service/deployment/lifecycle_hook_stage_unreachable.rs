use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

/// The stages of a deployment that shifts traffic between two revisions.
const TRAFFIC_STAGES: &[&str] = &[
    "TEST_TRAFFIC_SHIFT",
    "POST_TEST_TRAFFIC_SHIFT",
    "PRE_PRODUCTION_TRAFFIC_SHIFT",
    "PRODUCTION_TRAFFIC_SHIFT",
    "POST_PRODUCTION_TRAFFIC_SHIFT",
];

declare_rule! {
    /// ## What it does
    /// Reports a lifecycle hook at a traffic shift stage (`TEST_TRAFFIC_SHIFT`,
    /// `POST_TEST_TRAFFIC_SHIFT`, `PRE_`/`PRODUCTION_TRAFFIC_SHIFT`,
    /// `POST_PRODUCTION_TRAFFIC_SHIFT`) on a service that deploys by a rolling update.
    ///
    /// ## Why is this bad?
    /// These stages describe two revisions taking test and production traffic; a rolling update
    /// replaces tasks in place, so the hook never runs (a validation silently skipped). Inferred from
    /// the stage descriptions, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// { "lifecycleHooks": [{ "targetType": "PAUSE", "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"] }] }
    /// ```
    /// Use instead: `"lifecycleStages": ["POST_SCALE_UP"]`.
    ///
    /// ## Fix
    /// Use `RECONCILE_SERVICE`, `PRE_SCALE_UP` or `POST_SCALE_UP`, or deploy with `BLUE_GREEN`,
    /// `LINEAR` or `CANARY`.
    pub LifecycleHookStageUnreachable {
        id: "lifecycle-hook-stage-unreachable",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentLifecycleHook.lifecycleStages", quote: "The blue and green service revisions are running. The blue service revision handles 100% of the production traffic." },
        ],
    }
}

impl LifecycleHookStageUnreachable {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if strategy(doc) != Some("ROLLING") || !ecs_controller(doc) {
            return;
        }
        for (_, hook) in lifecycle_hooks(doc) {
            for s in hook.lifecycle_stages().into_iter().flat_map(|l| l.values()) {
                if TRAFFIC_STAGES.contains(&s.value()) {
                    out.report(&Self::META, s.range(), format!("a rolling update shifts no traffic between revisions: the hook at {} never runs", s.value()))
                        .help("use RECONCILE_SERVICE, PRE_SCALE_UP or POST_SCALE_UP, or set \"strategy\" to BLUE_GREEN, LINEAR or CANARY");
                }
            }
        }
    }
}
