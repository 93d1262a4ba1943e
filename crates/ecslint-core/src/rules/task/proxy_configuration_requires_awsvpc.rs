use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `proxyConfiguration` (App Mesh) in a task whose network mode is not `awsvpc`.
    ///
    /// ## Why is this bad?
    /// The App Mesh proxy redirects the task's traffic inside its own network namespace,
    /// which only `awsvpc` gives a task. AWS documents the requirement; no rejection message
    /// was found, so it was a warning.
    ///
    /// AWS discontinued App Mesh on 2026-09-30 (`app-mesh-discontinued` warns about that):
    /// since then this detail is advice (`info`) for files not yet migrated.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "bridge",
    ///   "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [] },
    ///   "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Set `"networkMode": "awsvpc"`.
    pub ProxyConfigurationRequiresAwsvpc {
        id: "proxy-configuration-requires-awsvpc",
        category: Category::Correctness,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/app-mesh/latest/userguide/getting-started-ecs.html", note: "App Mesh proxy configuration requires the awsvpc network mode" }],
    }
}

impl ProxyConfigurationRequiresAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(proxy) = task
            .member("proxyConfiguration")
            .filter(|m| m.value.as_object().is_some())
        else {
            return;
        };
        let Some(mode) = doc.facts.effective_network_mode() else {
            return;
        };
        if mode == "awsvpc" || is_placeholder(mode) {
            return;
        }
        let d = out
            .report(&Self::META, proxy.key.range, format!("an App Mesh proxyConfiguration needs the `awsvpc` network mode, and the task uses `{mode}`"))
            .help("set \"networkMode\": \"awsvpc\"");
        if let Some(m) = task.network_mode() {
            d.related(m.range(), "the network mode is set here");
        }
    }
}
