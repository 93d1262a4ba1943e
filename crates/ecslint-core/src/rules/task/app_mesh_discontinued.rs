use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition that uses AWS App Mesh: a `proxyConfiguration` of type
    /// `APPMESH`, or an App Mesh Envoy image (`aws-appmesh-envoy`). One finding per task
    /// definition, at the proxy configuration (or the first Envoy image), with the other places
    /// as related ones.
    ///
    /// ## Why is this bad?
    /// AWS discontinued App Mesh on 2026-09-30: its resources stop working and the Envoy
    /// sidecars get no configuration, so such tasks register but cannot serve traffic. AWS's
    /// migration guide points ECS users to Service Connect (the service's
    /// `serviceConnectConfiguration`, with no sidecar or proxy configuration in the task
    /// definition). This is newer than the 2024 API reference, which still documents
    /// `APPMESH`; the rules about App Mesh details (`proxy-required-properties`,
    /// `proxy-ignored-uid-matches-user`, `proxy-configuration-requires-awsvpc`) are advice
    /// (`info`) since then.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc",
    ///   "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [] },
    ///   "containerDefinitions": [{ "name": "envoy", "image": "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod" }] }
    /// ```
    ///
    /// ## Fix
    /// Migrate to Service Connect: remove `proxyConfiguration` and the Envoy container, name
    /// the port mappings, and give the service a `serviceConnectConfiguration`.
    pub AppMeshDiscontinued {
        id: "app-mesh-discontinued",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect/", note: "AWS discontinues App Mesh effective September 30th, 2026; ECS customers migrate to Service Connect" },
        ],
    }
}

impl AppMeshDiscontinued {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let proxy = doc
            .task_definition
            .and_then(|t| t.proxy_configuration())
            .filter(|p| p.r#type().is_none_or(|t| t.value() == "APPMESH"));
        let images: Vec<(TextRange, String)> = containers(doc)
            .filter_map(|(i, c)| {
                let image = c.image()?;
                image
                    .value()
                    .contains("aws-appmesh-envoy")
                    .then(|| (image.range(), container_label(i, c)))
            })
            .collect();
        let (at, what) = match (proxy, images.first()) {
            (Some(p), _) => (
                p.member("type")
                    .map_or(opening(p.range()), |m| m.value.range),
                "an App Mesh proxy configuration".to_owned(),
            ),
            (None, Some((range, label))) => (*range, format!("the App Mesh Envoy image ({label})")),
            (None, None) => return,
        };
        let d = out
            .report(&Self::META, at, format!("this task definition uses {what}, and AWS discontinued App Mesh on 2026-09-30: the proxy gets no configuration and the tasks cannot serve traffic"))
            .help("migrate to Service Connect (AWS's guide: \"Migrating from AWS App Mesh to Amazon ECS Service Connect\"): remove the proxy configuration and the Envoy container, and give the service a serviceConnectConfiguration");
        for (range, label) in &images {
            if *range != at {
                d.related(*range, format!("App Mesh Envoy image ({label})"));
            }
        }
    }
}
