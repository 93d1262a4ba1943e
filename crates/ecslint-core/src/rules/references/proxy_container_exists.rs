use crate::rules::prelude::*;
use crate::rules::references::helpers::{report_unresolved, Containers, Target};

declare_rule! {
    /// ## What it does
    /// Reports a `proxyConfiguration.containerName` that names no container of the task
    /// definition.
    ///
    /// ## Why is this bad?
    /// The proxy configuration tells ECS which container is the App Mesh (Envoy) proxy that
    /// traffic is redirected to. When no container has that name there is no proxy to start.
    /// The API reference states the requirement but no rejection message for it has been
    /// seen, so this is a warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc",
    ///   "proxyConfiguration": { "type": "APPMESH", "containerName": "envoi" },
    ///   "containerDefinitions": [{ "name": "envoy", "image": "envoy:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc",
    ///   "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy" },
    ///   "containerDefinitions": [{ "name": "envoy", "image": "envoy:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Name the proxy container (the help lists the containers and suggests the closest).
    /// The offered fix is unsafe because another container may have been meant.
    pub ProxyContainerExists {
        id: "proxy-container-exists",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (22094, 22094), quote: "The name of the container that will serve as the App Mesh proxy." },
        ],
    }
}

impl ProxyContainerExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(target) = task.proxy_configuration().and_then(|p| p.container_name()) else {
            return;
        };
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        let name = target.value();
        if containers.templated || is_placeholder(name) || containers.find(name).is_some() {
            return;
        }
        let candidates = containers.candidates();
        report_unresolved(
            out,
            &Self::META,
            target.range(),
            format!("the proxy container `{name}` is not a container of this task definition"),
            name,
            &Target {
                kind: "container",
                candidates: &candidates,
                exclude: None,
            },
            str::to_owned,
        );
    }
}
