use crate::rules::networking::helpers::{
    container_label, containers, members_of, network_mode, network_mode_origin,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `links` on a container of a task whose network mode is not `bridge`: `awsvpc`
    /// (every Fargate task), `host` or `none`.
    ///
    /// ## Why is this bad?
    /// Links are a feature of Docker's default bridge network. With `awsvpc` RegisterTaskDefinition
    /// fails with "Links are not supported when networkMode=awsvpc."; with `host` or `none` the
    /// API reference says links are not supported either. The usual cause is a bridge-mode task
    /// definition moved to Fargate or to `awsvpc` (the API reference's own sample request keeps
    /// `links` with `host` networking).
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "web", "image": "nginx", "links": ["db"] },
    ///   { "name": "db", "image": "postgres" } ] }
    /// ```
    /// Use instead (containers of an awsvpc task reach each other on `localhost`):
    /// ```json
    /// { "family": "app", "networkMode": "awsvpc", "containerDefinitions": [
    ///   { "name": "web", "image": "nginx", "environment": [{ "name": "DB_HOST", "value": "localhost" }] },
    ///   { "name": "db", "image": "postgres" } ] }
    /// ```
    ///
    /// ## Fix
    /// Remove `links` and address the other container as `localhost` (awsvpc and host modes
    /// share one network namespace per task or instance); across tasks use service discovery or
    /// Service Connect. The fix that removes `links` is unsafe: the link aliases no longer
    /// resolve, so connection strings that use them must change too. An empty `links` array is
    /// accepted and not reported.
    pub LinksBridgeOnly {
        id: "links-bridge-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19170, 19170), quote: "This parameter is only supported if the network mode of a task definition is bridge." },
            Source::ErrorMessage { text: "ClientException: Links are not supported when networkMode=awsvpc.", seen_in: "aws-observability/aws-otel-collector#1359" },
        ],
    }
}

impl LinksBridgeOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode @ ("awsvpc" | "host" | "none")) = network_mode(doc) else {
            return;
        };
        let origin = network_mode_origin(doc);
        for (i, container) in containers(doc) {
            let Some(links) = container.links() else {
                continue;
            };
            if links.is_empty() {
                continue;
            }
            let member = container.member("links").expect("links has a value");
            let names: Vec<&str> = links.values().map(|s| s.value()).collect();
            let shown = if names.is_empty() {
                String::new()
            } else {
                format!(" ({})", names.join(", "))
            };
            let reach = match mode {
                "none" => "a task with the none network mode has no networking between containers",
                _ => {
                    "containers share one network namespace, so they reach each other on localhost"
                }
            };
            let d = out.report(
                &Self::META,
                member.key.range,
                format!("`links`{shown} is only supported with the `bridge` network mode, and this task uses `{mode}` ({})", container_label(i, container)),
            );
            d.help(format!("remove \"links\"; in {mode} mode {reach}"))
                .fix(Fix::unsafe_(
                    "remove \"links\"",
                    vec![remove_member(members_of(container.node()), member)],
                ));
            if mode != "awsvpc" {
                // Only the awsvpc rejection has been seen; the API reference states the rest.
                d.severity(Severity::Warning);
            }
            if let Some((range, note)) = origin {
                d.related(range, note);
            }
        }
    }
}
