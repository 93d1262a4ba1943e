use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceRegistries[]` entry without `containerName` and `containerPort` when the
    /// paired task definition uses the `bridge` (also the default) or `host` network mode.
    ///
    /// ## Why is this bad?
    /// In `bridge` and `host` mode tasks share the instance's address, so the registry needs the
    /// container and port to publish (SRV records); the task definition's network mode makes the
    /// pair required.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef" }] }
    /// // taskdef: "networkMode": "bridge"
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Add `containerName` and `containerPort` (a container and one of its mapped ports).
    pub ServiceRegistryBridgeHostNeedsContainer {
        id: "service-registry-bridge-host-needs-container",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23157, 23157), quote: "uses the bridge or host network mode, you must specify a `containerName` and `containerPort` combination from the task definition." },
        ],
    }
}

impl ServiceRegistryBridgeHostNeedsContainer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let Some(mode) = paired
            .network_mode()
            .filter(|m| *m == "bridge" || *m == "host")
        else {
            return;
        };
        for registry in service
            .service_registries()
            .into_iter()
            .flat_map(|l| l.values())
        {
            if registry.member("containerName").is_some()
                && registry.member("containerPort").is_some()
            {
                continue;
            }
            let d = out
                .report(&Self::META, opening(registry.range()), format!("with the `{mode}` network mode the service registry needs `containerName` and `containerPort`"))
                .help("add \"containerName\" and \"containerPort\": a container of the task definition and one of its mapped ports");
            match paired.task_definition.network_mode() {
                Some(m) => related_td(
                    d,
                    paired,
                    m.range(),
                    format!("the network mode is `{mode}` here"),
                ),
                None => related_td_key(
                    d,
                    paired,
                    "family",
                    format!("no `networkMode`: the default is `{mode}`"),
                ),
            }
        }
    }
}
