use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports more than one `serviceRegistries` entry.
    ///
    /// ## Why is this bad?
    /// A service takes one service registry.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a" }, { "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-b" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a" }] }
    /// ```
    ///
    /// ## Fix
    /// Keep one registry.
    pub ServiceRegistriesMax1 {
        id: "service-registries-max-1",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1884, 1884), quote: "Multiple service registries for each service isn't supported." },
        ],
    }
}

impl ServiceRegistriesMax1 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(list) = doc.service.and_then(|s| s.service_registries()) else {
            return;
        };
        let nodes = list.nodes();
        if nodes.len() > 1 {
            out.report(
                &Self::META,
                opening(nodes[1].range),
                format!(
                    "a service takes one service registry; this one has {}",
                    nodes.len()
                ),
            )
            .help("keep one entry in `serviceRegistries`");
        }
    }
}
