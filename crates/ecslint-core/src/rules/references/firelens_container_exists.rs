use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container that logs with the `awsfirelens` log driver when no container of
    /// the task has a `firelensConfiguration` (the FireLens log router).
    ///
    /// ## Why is this bad?
    /// The `awsfirelens` driver sends the container's logs to a Fluent Bit or Fluentd
    /// container of the same task, the one marked with `firelensConfiguration`. Without it
    /// RegisterTaskDefinition fails with "ClientException: When awsfirelens log driver is
    /// specified in log configuration, a firelens configuration object must be configured in
    /// one of the containers.". Tools that rebuild a task definition from some of its
    /// containers often drop the log router.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch" } } }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch" } } },
    ///  { "name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
    ///    "essential": true, "firelensConfiguration": { "type": "fluentbit" } }]
    /// ```
    ///
    /// ## Fix
    /// Add the log router container with `"firelensConfiguration": { "type": "fluentbit" }`
    /// (or `fluentd`), or use another log driver such as `awslogs`.
    pub FirelensContainerExists {
        id: "firelens-container-exists",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers.", seen_in: "fabfuel/ecs-deploy#164" },
            Source::ErrorMessage { text: "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers.", seen_in: "OctopusDeploy/Issues#7821" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html", note: "FireLens needs a log router container with firelensConfiguration in the same task" },
        ],
    }
}

impl FirelensContainerExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let mut users = Vec::new();
        // A container known only when deployed may be the log router.
        if containers.nodes().iter().any(|n| n.is_unknown()) {
            return;
        }
        for c in containers.values() {
            if c.get("firelensConfiguration").is_some_and(|n| !n.is_null()) {
                return;
            }
            if let Some(driver) = c.log_configuration().and_then(|l| l.log_driver()) {
                if driver.value() == "awsfirelens" {
                    users.push((c.name().map(|n| n.value()), driver));
                }
            }
        }
        let Some(((name, first), rest)) = users.split_first() else {
            return;
        };
        let who = name.map_or_else(|| "a container".to_owned(), |n| format!("container `{n}`"));
        let d = out
            .report(&Self::META, first.range(), format!("{who} logs with `awsfirelens`, but no container of the task has a `firelensConfiguration` (the FireLens log router)"))
            .help("add a log router container with \"firelensConfiguration\": { \"type\": \"fluentbit\" } (for example the aws-for-fluent-bit image), or use another log driver");
        for (name, driver) in rest {
            let who = name.map_or_else(|| "another container".to_owned(), |n| format!("`{n}`"));
            d.related(
                driver.range(),
                format!("{who} also logs with `awsfirelens`"),
            );
        }
    }
}
