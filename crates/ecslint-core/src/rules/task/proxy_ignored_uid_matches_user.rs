use crate::rules::networking::helpers::containers;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that the App Mesh `proxyConfiguration` properties `IgnoredUID` and `IgnoredGID`
    /// are the user and group ID that the proxy container runs as (its `user`, `"uid"` or
    /// `"uid:gid"`).
    ///
    /// ## Why is this bad?
    /// The proxy recognises its own traffic by these IDs. When they differ from the proxy
    /// container's, the proxy's outgoing traffic is redirected back into the proxy: the task
    /// starts, but its network calls loop or fail.
    ///
    /// AWS discontinued App Mesh on 2026-09-30 (`app-mesh-discontinued` warns about that):
    /// since then this detail is advice (`info`) for files not yet migrated.
    ///
    /// ## Example
    /// ```json
    /// { "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [{ "name": "IgnoredUID", "value": "1337" }] },
    ///   "containerDefinitions": [{ "name": "envoy", "user": "1338" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [{ "name": "IgnoredUID", "value": "1337" }] },
    ///   "containerDefinitions": [{ "name": "envoy", "user": "1337" }] }
    /// ```
    ///
    /// ## Fix
    /// Make `IgnoredUID` (and `IgnoredGID`) the IDs in the proxy container's `user`.
    pub ProxyIgnoredUidMatchesUser {
        id: "proxy-ignored-uid-matches-user",
        category: Category::Correctness,
        severity: Severity::Info,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (22104, 22104), quote: "IgnoredUID - (Required) The user ID (UID) of the proxy container as defined by the user parameter in a container definition. This is used to ensure the proxy ignores its own traffic." },
            Source::ApiReference { lines: (22105, 22105), quote: "IgnoredGID - (Required) The group ID (GID) of the proxy container as defined by the user parameter in a container definition." },
        ],
    }
}

impl ProxyIgnoredUidMatchesUser {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(proxy) = doc.task_definition.and_then(|t| t.proxy_configuration()) else {
            return;
        };
        let Some(name) = proxy.container_name() else {
            return;
        };
        let Some((_, container)) =
            containers(doc).find(|(_, c)| c.name().is_some_and(|n| n.value() == name.value()))
        else {
            return;
        };
        let Some(user) = container.user() else {
            return;
        };
        // Only numeric IDs can be compared: a user name resolves inside the image.
        let (uid, gid) = match user.value().split_once(':') {
            Some((u, g)) => (u, Some(g)),
            None => (user.value(), None),
        };
        let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        for property in proxy.properties().into_iter().flat_map(|l| l.values()) {
            let (Some(key), Some(value)) = (property.name(), property.value()) else {
                continue;
            };
            let (what, expected) = match key.value() {
                "IgnoredUID" => ("user", uid),
                "IgnoredGID" => match gid {
                    Some(g) => ("group", g),
                    None => continue,
                },
                _ => continue,
            };
            let v = value.value();
            if v.is_empty() || !numeric(v) || !numeric(expected) || v == expected {
                continue;
            }
            out.report(
                &Self::META,
                value.range(),
                format!(
                    "`{}` is {v}, but the proxy container \"{}\" runs as {what} {expected} (`user`): the proxy would not recognise its own traffic",
                    key.value(),
                    name.value()
                ),
            )
            .help(format!("set it to \"{expected}\", the {what} ID in the proxy container's `user`"))
            .related(user.range(), "the proxy container's user")
            .fix(Fix::unsafe_(
                format!("set {} to \"{expected}\"", key.value()),
                vec![Edit::replace(value.range(), format!("\"{expected}\""))],
            ));
        }
    }
}
