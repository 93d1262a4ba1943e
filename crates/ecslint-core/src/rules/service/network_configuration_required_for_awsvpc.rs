use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service without `networkConfiguration.awsvpcConfiguration` whose tasks use the
    /// `awsvpc` network mode: the paired task definition says `"networkMode": "awsvpc"`, or the
    /// service runs on Fargate (which only supports `awsvpc`).
    ///
    /// ## Why is this bad?
    /// Every `awsvpc` task gets its own network interface, and CreateService needs to know in
    /// which subnets (and security groups) to create it: without them the request is refused.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"] } } }
    /// ```
    ///
    /// ## Fix
    /// Add `networkConfiguration.awsvpcConfiguration` with the `subnets` (and `securityGroups`) of the tasks.
    pub NetworkConfigurationRequiredForAwsvpc {
        id: "network-configuration-required-for-awsvpc",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1783, 1783), quote: "This parameter is required for task definitions that use the awsvpc network mode" },
        ],
    }
}

impl NetworkConfigurationRequiredForAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_awsvpc() != Some(true) {
            return;
        }
        let config = service.network_configuration();
        // A value of the wrong type is the structural walk's to report.
        if config.is_none() && service.member("networkConfiguration").is_some() {
            return;
        }
        if config.is_some_and(|c| c.member("awsvpcConfiguration").is_some()) {
            return;
        }
        let why = if doc.service_facts.fargate {
            fargate_reason(doc)
        } else {
            "the task definition uses the `awsvpc` network mode".to_owned()
        };
        let range = match config {
            Some(c) => key_or_root(service, "networkConfiguration").cover(opening(c.range())),
            None => key_or_root(service, "taskDefinition"),
        };
        let d = out
            .report(&Self::META, range, format!("{why}, so the service needs `networkConfiguration.awsvpcConfiguration`"))
            .help("add \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [...], \"securityGroups\": [...]}}")
            .pointer("/networkConfiguration/awsvpcConfiguration");
        if let (false, Some(paired)) = (doc.service_facts.fargate, &doc.paired) {
            if let Some(m) = paired.task_definition.network_mode() {
                related_td(d, paired, m.range(), "the task definition uses awsvpc here");
            }
        }
    }
}
