use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceRegistries[]` entry whose `containerName` names no container of the paired
    /// task definition, or whose `containerPort` that container does not map.
    ///
    /// ## Why is this bad?
    /// The registry records the address of that container and port (SRV records); CreateService
    /// refuses a combination the task definition does not have.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef", "containerName": "web", "containerPort": 80 }] }
    /// // taskdef: "containerDefinitions": [{ "name": "web", "portMappings": [{ "containerPort": 8080 }], … }]
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Name a container of the task definition and one of its mapped container ports.
    pub ServiceRegistryContainerInTaskDefinition {
        id: "service-registry-container-in-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23157, 23157), quote: "It's already specified in the task definition." },
        ],
    }
}

impl ServiceRegistryContainerInTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        for registry in service
            .service_registries()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let Some(name) = registry.container_name().filter(|n| known(n.value())) else {
                continue;
            };
            match paired.container(name.value()) {
                None if paired.containers_unknown() => {}
                None => {
                    let d = out
                        .report(
                            &Self::META,
                            name.range(),
                            format!(
                                "the task definition has no container named `{}`",
                                name.value()
                            ),
                        )
                        .help(format!(
                            "use one of the task definition's containers: {}",
                            container_names(paired)
                        ));
                    related_td_key(
                        d,
                        paired,
                        "containerDefinitions",
                        "the containers are defined here",
                    );
                }
                Some((_, container)) => {
                    let Some(port) = registry.container_port() else {
                        continue;
                    };
                    if maps_port(container, port.value()) {
                        continue;
                    }
                    let d = out
                        .report(
                            &Self::META,
                            port.range(),
                            format!(
                                "the container `{}` has no port mapping for container port {}",
                                name.value(),
                                port.value()
                            ),
                        )
                        .help("use a container port the container maps");
                    let range = container
                        .member("portMappings")
                        .map_or_else(|| opening(container.range()), |m| m.key.range);
                    related_td(d, paired, range, "the container's port mappings");
                }
            }
        }
    }
}
