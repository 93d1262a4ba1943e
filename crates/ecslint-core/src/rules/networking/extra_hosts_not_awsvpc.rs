use crate::rules::networking::helpers::{
    container_label, containers, members_of, network_mode, network_mode_origin,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `extraHosts` on a container of a task that uses the `awsvpc` network mode (every
    /// Fargate task).
    ///
    /// ## Why is this bad?
    /// The API reference says `extraHosts` is not supported with `awsvpc`, and AWS lists it
    /// among the parameters that are not valid in Fargate tasks. No public report of the exact
    /// error message was found, so this is a warning; either way the `/etc/hosts` entries are
    /// not added as written.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "web", "image": "nginx", "extraHosts": [{ "hostname": "db", "ipAddress": "10.0.0.5" }] } ] }
    /// ```
    /// Use instead: resolve the name through DNS, e.g. a Route 53 private hosted zone, service
    /// discovery or Service Connect.
    ///
    /// ## Fix
    /// Remove `extraHosts` and use DNS (an unsafe fix: the names stop resolving until DNS
    /// records exist). An empty list is not reported.
    pub ExtraHostsNotAwsvpc {
        id: "extra-hosts-not-awsvpc",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19112, 19112), quote: "This parameter isn't supported for Windows containers or tasks that use the awsvpc network mode." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "extraHosts is listed among the task definition parameters not valid in Fargate tasks" },
        ],
    }
}

impl ExtraHostsNotAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if network_mode(doc) != Some("awsvpc") {
            return;
        }
        let origin = network_mode_origin(doc);
        for (i, container) in containers(doc) {
            let Some(hosts) = container.extra_hosts() else {
                continue;
            };
            if hosts.is_empty() {
                continue;
            }
            let member = container
                .member("extraHosts")
                .expect("extraHosts has a value");
            let d = out.report(
                &Self::META,
                member.key.range,
                format!(
                    "`extraHosts` is not supported with the `awsvpc` network mode ({})",
                    container_label(i, container)
                ),
            );
            d.help("remove \"extraHosts\" and resolve these names through DNS (a Route 53 private hosted zone, service discovery or Service Connect)")
                .fix(Fix::unsafe_(
                    "remove \"extraHosts\"",
                    vec![remove_member(members_of(container.node()), member)],
                ));
            if let Some((range, note)) = origin {
                d.related(range, note);
            }
        }
    }
}
