use crate::rules::container::helpers::container_pointer;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container of a task with `"networkMode": "host"` that runs as root: `user`
    /// is `root` or `0` (with or without a group), or is not set, so the image's default
    /// user (root for most images) runs.
    ///
    /// ## Why is this bad?
    /// With host networking the container uses the instance's network stack directly. As
    /// root it can bind privileged ports, sniff or reconfigure the host's interfaces and
    /// reach the instance metadata service.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "host",
    ///   "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "host",
    ///   "containerDefinitions": [{ "name": "web", "image": "nginxinc/nginx-unprivileged:1.27", "user": "101" }] }
    /// ```
    ///
    /// ## Fix
    /// Set `user` to a non-root UID (and use an image that supports it), or use `awsvpc`
    /// networking.
    pub HostNetworkNonRoot {
        id: "host-network-non-root",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11855, 11855), quote: "When using the host network mode, you should not run containers using the root user (UID 0)." },
        ],
    }
}

impl HostNetworkNonRoot {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.host_network() || doc.facts.windows {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            let who = c.name().map_or_else(
                || "container".to_owned(),
                |n| format!("container `{}`", n.value()),
            );
            match c.member("user") {
                Some(m) => {
                    let Some(u) = m.value.as_str() else { continue };
                    let user = u.split(':').next().unwrap_or(u);
                    if user == "root" || user == "0" {
                        out.report(
                            &Self::META,
                            m.value.range,
                            format!("{who} runs as root with host networking"),
                        )
                        .help("set \"user\" to a non-root UID");
                    }
                }
                None => {
                    let at = c.member("name").map_or(opening(c.range()), |m| m.key.range);
                    out.report(&Self::META, at, format!("{who} runs as the image's default user (usually root) with host networking"))
                        .help("set \"user\" to a non-root UID")
                        .pointer(format!("{}/user", container_pointer(doc, i)));
                }
            }
        }
    }
}
