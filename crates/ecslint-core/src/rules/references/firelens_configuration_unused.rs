use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `firelensConfiguration` when no container of the task logs with the
    /// `awsfirelens` log driver.
    ///
    /// ## Why is this bad?
    /// `firelensConfiguration` makes a container the FireLens log router for the other
    /// containers of the task; it has nothing to route when none of them uses
    /// `awsfirelens`. RegisterTaskDefinition rejects it with "ClientException: When a
    /// firelensConfiguration object is specified, at least one container has to be
    /// configured with the awsfirelens log driver.". A Fluent Bit sidecar that is not a
    /// FireLens router needs no `firelensConfiguration`.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "logConfiguration": { "logDriver": "awslogs" } },
    ///  { "name": "log_router", "image": "fluent-bit:3", "firelensConfiguration": { "type": "fluentbit" } }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "logConfiguration": { "logDriver": "awsfirelens" } },
    ///  { "name": "log_router", "image": "fluent-bit:3", "firelensConfiguration": { "type": "fluentbit" } }]
    /// ```
    ///
    /// ## Fix
    /// Set `"logDriver": "awsfirelens"` on the containers whose logs the router should handle,
    /// or remove `firelensConfiguration`.
    pub FirelensConfigurationUnused {
        id: "firelens-configuration-unused",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.", seen_in: "aws/amazon-cloudwatch-logs-for-fluent-bit#20" },
            Source::ErrorMessage { text: "ClientException: When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.", seen_in: "cloudposse/terraform-aws-ecs-container-definition#47" },
        ],
    }
}

impl FirelensConfigurationUnused {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let mut routers = Vec::new();
        // A container known only when deployed may log with awsfirelens.
        if containers.nodes().iter().any(|n| n.is_unknown()) {
            return;
        }
        for c in containers.values() {
            if c.get("logConfiguration").is_some_and(|l| l.is_unknown()) {
                return;
            }
            if let Some(driver) = c.log_configuration().and_then(|l| l.get("logDriver")) {
                match driver.as_str() {
                    Some("awsfirelens") => return,
                    Some(s) if is_placeholder(s) => return,
                    None if !driver.is_null() => return,
                    _ => {}
                }
            }
            if let Some(m) = c
                .member("firelensConfiguration")
                .filter(|m| !m.value.is_null())
            {
                routers.push(m);
            }
        }
        for m in routers {
            out.report(&Self::META, m.key.range, "`firelensConfiguration` makes this container a FireLens log router, but no container of the task logs with `awsfirelens`")
                .help("set \"logDriver\": \"awsfirelens\" in the logConfiguration of the containers whose logs it should route, or remove firelensConfiguration");
        }
    }
}
