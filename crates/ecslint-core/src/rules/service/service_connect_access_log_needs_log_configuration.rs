use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceConnectConfiguration.accessLogConfiguration` without a
    /// `logConfiguration` beside it.
    ///
    /// ## Why is this bad?
    /// Access logs are written by the Service Connect proxy through its log configuration;
    /// the API requires both.
    ///
    /// ## Example
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "namespace": "internal",
    ///   "accessLogConfiguration": { "format": "JSON" } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "namespace": "internal",
    ///   "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "proxy" } },
    ///   "accessLogConfiguration": { "format": "JSON" } } }
    /// ```
    ///
    /// ## Fix
    /// Add a `logConfiguration` for the proxy, or remove `accessLogConfiguration`.
    pub ServiceConnectAccessLogNeedsLogConfiguration {
        id: "service-connect-access-log-needs-log-configuration",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "ServiceConnectConfiguration.accessLogConfiguration", quote: "To enable access logs, you must also specify a logConfiguration in the serviceConnectConfiguration." },
        ],
    }
}

impl ServiceConnectAccessLogNeedsLogConfiguration {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(config) = doc.service.and_then(|s| s.service_connect_configuration()) else {
            return;
        };
        let Some(access) = config.member("accessLogConfiguration") else {
            return;
        };
        if config.member("logConfiguration").is_some() {
            return;
        }
        out.report(&Self::META, access.key.range, "access logs need a `logConfiguration` in `serviceConnectConfiguration`, and there is none")
            .help("add \"logConfiguration\" (for example the awslogs driver) for the Service Connect proxy");
    }
}
