use crate::rules::prelude::*;
use crate::rules::task::helpers::and_list;

/// What the proxy cannot work without. `EgressIgnoredPorts` and `EgressIgnoredIPs` are not
/// here: the agent reads a missing one as an empty list (see the docs).
const REQUIRED: &[&str] = &["AppPorts", "ProxyIngressPort", "ProxyEgressPort"];

declare_rule! {
    /// ## What it does
    /// Checks that an App Mesh `proxyConfiguration` lists the properties the proxy cannot
    /// work without: `AppPorts`, `ProxyIngressPort`, `ProxyEgressPort`, and `IgnoredUID` or
    /// `IgnoredGID`.
    ///
    /// ## Why is this bad?
    /// The proxy configuration redirects the task's traffic through the Envoy container;
    /// without the ports it cannot, and without the proxy's UID or GID the proxy's own
    /// traffic loops back into itself. The reference does not name an error, so this is a
    /// warning.
    ///
    /// The API reference also marks `EgressIgnoredPorts` and `EgressIgnoredIPs` "(Required)",
    /// but practice contradicts it: the ECS agent reads a missing one exactly as an empty list
    /// (and always adds the two metadata addresses to the ignored IPs), AWS CDK leaves both
    /// out whenever they are empty, and AWS's own App Mesh examples omit
    /// `EgressIgnoredPorts`. They are not required here.
    ///
    /// AWS discontinued App Mesh on 2026-09-30 (`app-mesh-discontinued` warns about that):
    /// since then this detail is advice (`info`) for files not yet migrated.
    ///
    /// ## Example
    /// ```json
    /// { "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy",
    ///   "properties": [{ "name": "AppPorts", "value": "8080" }] } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [
    ///   { "name": "AppPorts", "value": "8080" }, { "name": "ProxyIngressPort", "value": "15000" },
    ///   { "name": "ProxyEgressPort", "value": "15001" }, { "name": "IgnoredUID", "value": "1337" } ] } }
    /// ```
    ///
    /// ## Fix
    /// Add the missing properties; `IgnoredUID` is the `user` of the Envoy container (1337 in
    /// the App Mesh images).
    pub ProxyRequiredProperties {
        id: "proxy-required-properties",
        category: Category::Correctness,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22104, 22111), quote: "AppPorts - (Required) The list of ports that the application uses." },
            Source::Tool { tool: "amazon-ecs-agent", version: "5f65e9cf", url: "https://github.com/aws/amazon-ecs-agent/blob/5f65e9cf49fc24cfa8184c3bdd30736c7d69732d/agent/api/appmesh/appmesh.go", note: "buildEgressIgnoredIPs / buildEgressIgnoredPorts: a missing property is an empty list; the two metadata IPs are always appended" },
        ],
    }
}

impl ProxyRequiredProperties {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(proxy) = doc.task_definition.and_then(|t| t.proxy_configuration()) else {
            return;
        };
        // Properties known only when deployed: their names are not known either.
        let unknown = |n: &Node<'_>| matches!(n.value, Value::Unknown);
        if proxy.get("properties").is_some_and(|p| {
            unknown(p)
                || p.as_array().is_some_and(|items| {
                    items
                        .iter()
                        .any(|i| unknown(i) || i.get("name").is_some_and(unknown))
                })
        }) {
            return;
        }
        let names: Vec<&str> = proxy
            .properties()
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|p| p.name().map(|n| n.value()))
            .collect();
        let mut missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|r| !names.contains(r))
            .collect();
        if !names.contains(&"IgnoredUID") && !names.contains(&"IgnoredGID") {
            missing.push("IgnoredUID` or `IgnoredGID");
        }
        if missing.is_empty() {
            return;
        }
        let anchor = proxy
            .member("properties")
            .map_or(opening(proxy.range()), |m| m.key.range);
        let shown: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        out.report(
            &Self::META,
            anchor,
            format!(
                "the App Mesh proxy configuration lacks {}",
                and_list(&shown)
            ),
        )
        .help("add them to \"properties\" as {\"name\": …, \"value\": …} pairs")
        .pointer(format!(
            "{}/proxyConfiguration/properties",
            doc.task_pointer()
        ));
    }
}
