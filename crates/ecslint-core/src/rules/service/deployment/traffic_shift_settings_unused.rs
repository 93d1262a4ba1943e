use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;
use crate::rules::service::helpers::service_connect_services;

declare_rule! {
    /// ## What it does
    /// Reports `loadBalancers[].advancedConfiguration` and Service Connect
    /// `clientAliases[].testTrafficRules` on a service that does not deploy with `BLUE_GREEN`,
    /// `LINEAR` or `CANARY` (no `strategy` means `ROLLING`).
    ///
    /// ## Why is this bad?
    /// They serve those strategies' traffic shift; a rolling update shifts no traffic between
    /// revisions, so they are unused. Usually the `strategy` line is missing.
    ///
    /// ## Example
    /// ```json
    /// { "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1a2b3c4d", "containerName": "web", "containerPort": 8080,
    ///     "advancedConfiguration": { "alternateTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/5e6f7a8b" } }] }
    /// ```
    /// Use instead: add `"deploymentConfiguration": { "strategy": "BLUE_GREEN" }`.
    ///
    /// ## Fix
    /// Set the `strategy` these settings are for, or remove them.
    pub TrafficShiftSettingsUnused {
        id: "traffic-shift-settings-unused",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "LoadBalancer.advancedConfiguration", quote: "The advanced settings for the load balancer used in blue/green deployments." },
        ],
    }
}

impl TrafficShiftSettingsUnused {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(strategy) = strategy(doc) else {
            return;
        };
        if (shifts_traffic(strategy) && ecs_controller(doc))
            || !doc.service_facts.controller_known()
        {
            return;
        }
        let why = if !ecs_controller(doc) {
            format!(
                "the {} deployment controller does not use it",
                doc.service_facts.controller
            )
        } else if strategy_value(doc).is_some() {
            "the service deploys by a rolling update, which shifts no traffic between revisions"
                .to_owned()
        } else {
            "no `strategy` is set, so the service deploys by a rolling update".to_owned()
        };
        let help = "set \"strategy\" to BLUE_GREEN, LINEAR or CANARY in deploymentConfiguration, or remove it";
        for (_, lb) in load_balancers(doc) {
            if let Some(m) = lb.member("advancedConfiguration") {
                out.report(&Self::META, m.key.range, format!("`advancedConfiguration` is for blue/green, linear and canary deployments: {why}"))
                    .help(help);
            }
        }
        for s in service_connect_services(doc) {
            for alias in s.client_aliases().into_iter().flat_map(|l| l.values()) {
                if let Some(m) = alias.member("testTrafficRules") {
                    out.report(&Self::META, m.key.range, format!("`testTrafficRules` route test traffic during blue/green, linear and canary deployments: {why}"))
                        .help(help);
                }
            }
        }
    }
}
