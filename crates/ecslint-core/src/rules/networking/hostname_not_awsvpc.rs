use crate::rules::networking::helpers::{
    container_label, containers, members_of, network_mode, network_mode_origin,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `hostname` on a container of a task that uses the `awsvpc` network mode (every
    /// Fargate task).
    ///
    /// ## Why is this bad?
    /// In `awsvpc` mode the task's hostname comes from its elastic network interface, and
    /// RegisterTaskDefinition fails with "hostname is not supported on container when
    /// networkMode=awsvpc."
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "web", "image": "nginx", "hostname": "web" } ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "app", "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "web", "image": "nginx" } ] }
    /// ```
    ///
    /// ## Fix
    /// Remove `hostname` (an unsafe fix: an application that reads its own hostname then sees
    /// the network interface's name). To give a task a stable name for other tasks, use service
    /// discovery or Service Connect. An empty `hostname` is not reported.
    pub HostnameNotAwsvpc {
        id: "hostname-not-awsvpc",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19140, 19140), quote: "The hostname parameter is not supported if you're using the awsvpc network mode." },
            Source::ErrorMessage { text: "ClientException: hostname is not supported on container when networkMode=awsvpc.", seen_in: "labd/ecs-deplojo#26" },
        ],
    }
}

impl HostnameNotAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if network_mode(doc) != Some("awsvpc") {
            return;
        }
        let origin = network_mode_origin(doc);
        for (i, container) in containers(doc) {
            let Some(hostname) = container.hostname() else {
                continue;
            };
            if hostname.value().is_empty() {
                continue;
            }
            let member = container.member("hostname").expect("hostname has a value");
            let d = out.report(
                &Self::META,
                member.key.range,
                format!(
                    "`hostname` \"{}\" is not supported with the `awsvpc` network mode ({})",
                    hostname.value(),
                    container_label(i, container)
                ),
            );
            d.help("remove \"hostname\"; an awsvpc task takes its hostname from its network interface; use service discovery or Service Connect for a stable name")
                .fix(Fix::unsafe_(
                    "remove \"hostname\"",
                    vec![remove_member(members_of(container.node()), member)],
                ));
            if let Some((range, note)) = origin {
                d.related(range, note);
            }
        }
    }
}
