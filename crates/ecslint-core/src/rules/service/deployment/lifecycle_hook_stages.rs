use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a lifecycle hook without `lifecycleStages` (or with none listed), and a
    /// `PAUSE` hook at `TEST_TRAFFIC_SHIFT` or `PRODUCTION_TRAFFIC_SHIFT`.
    ///
    /// ## Why is this bad?
    /// The stages are required: they say when the hook runs. The two traffic shift stages
    /// happen while traffic moves, and only Lambda hooks can run there; a deployment cannot
    /// pause in the middle of a shift.
    ///
    /// ## Example
    /// ```json
    /// { "lifecycleHooks": [{ "targetType": "PAUSE", "lifecycleStages": ["PRODUCTION_TRAFFIC_SHIFT"] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "lifecycleHooks": [{ "targetType": "PAUSE", "lifecycleStages": ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }] }
    /// ```
    ///
    /// ## Fix
    /// List the stages the hook runs at; pause before or after a shift
    /// (`POST_TEST_TRAFFIC_SHIFT`, `PRE_PRODUCTION_TRAFFIC_SHIFT`, …), not during it.
    pub LifecycleHookStages {
        id: "lifecycle-hook-stages",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentLifecycleHook.lifecycleStages", quote: "You must provide this parameter when configuring a deployment lifecycle hook." },
            Source::BotocoreDoc { member: "DeploymentLifecycleHook.lifecycleStages", quote: "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages. These stages are only valid for AWS_LAMBDA hooks." },
        ],
    }
}

impl LifecycleHookStages {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, hook) in lifecycle_hooks(doc) {
            let Some(stages) = hook.member("lifecycleStages") else {
                out.report(&Self::META, opening(hook.range()), "the lifecycle hook has no `lifecycleStages`: it would never run")
                    .help("add \"lifecycleStages\" with the stages to run at (PRE_SCALE_UP, POST_TEST_TRAFFIC_SHIFT, …)")
                    .pointer(format!("/deploymentConfiguration/lifecycleHooks/{i}/lifecycleStages"));
                continue;
            };
            if stages.value.as_array().is_some_and(|a| a.is_empty()) {
                out.report(
                    &Self::META,
                    stages.value.range,
                    "`lifecycleStages` is empty: the hook would never run",
                )
                .help("list the stages to run at (PRE_SCALE_UP, POST_TEST_TRAFFIC_SHIFT, …)");
                continue;
            }
            if hook_type(hook) != Some("PAUSE") {
                continue;
            }
            for s in hook.lifecycle_stages().into_iter().flat_map(|l| l.values()) {
                if matches!(s.value(), "TEST_TRAFFIC_SHIFT" | "PRODUCTION_TRAFFIC_SHIFT") {
                    out.report(&Self::META, s.range(), format!("a PAUSE hook cannot run at {}: only Lambda hooks run while traffic shifts", s.value()))
                        .help(format!("pause at PRE_{0} or POST_{0} instead", s.value()));
                }
            }
        }
    }
}
