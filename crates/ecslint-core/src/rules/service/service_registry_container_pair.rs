use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceRegistries[]` entry with `containerName` but no `containerPort`, or the
    /// other way round.
    ///
    /// ## Why is this bad?
    /// The container and its port are given together (for SRV records).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a", "containerName": "web" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Give both, or neither.
    pub ServiceRegistryContainerPair {
        id: "service-registry-container-pair",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23157, 23157), quote: "you must specify a `containerName` and `containerPort` combination" },
        ],
    }
}

impl ServiceRegistryContainerPair {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.service_registries()) else {
            return;
        };
        for registry in list.values() {
            match (
                registry.member("containerName"),
                registry.member("containerPort"),
            ) {
                (Some(m), None) => {
                    out.report(&Self::META, m.key.range, "`containerName` without `containerPort`")
                        .help("add \"containerPort\" (a port the container maps), or remove `containerName`");
                }
                (None, Some(m)) => {
                    out.report(
                        &Self::META,
                        m.key.range,
                        "`containerPort` without `containerName`",
                    )
                    .help("add \"containerName\", or remove `containerPort`");
                }
                _ => {}
            }
        }
    }
}
