use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `loadBalancers[].containerPort` that is not a `containerPort` (or inside a
    /// `containerPortRange`) of the named container's port mappings in the paired task definition.
    ///
    /// ## Why is this bad?
    /// The load balancer registers each task at that container port; CreateService refuses a port
    /// the container does not map. A port changed in the task definition but not in the service is
    /// the usual cause.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80 }] }
    /// // taskdef: "containerDefinitions": [{ "name": "web", "portMappings": [{ "containerPort": 8080 }], … }]
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Use a port the container maps, or add the port mapping to the container.
    pub LoadBalancerContainerPortInTaskDefinition {
        id: "load-balancer-container-port-in-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21338, 21338), quote: "This port must correspond to a `containerPort` in the task definition the tasks in the service are using." },
        ],
    }
}

impl LoadBalancerContainerPortInTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        for lb in service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let (Some(name), Some(port)) = (lb.container_name(), lb.container_port()) else {
                continue;
            };
            let Some((_, container)) = paired.container(name.value()) else {
                continue;
            };
            if maps_port(container, port.value()) {
                continue;
            }
            let ports: Vec<String> = port_mappings(container)
                .filter_map(|m| {
                    m.container_port()
                        .map(|p| p.value().to_string())
                        .or_else(|| m.container_port_range().map(|r| r.value().to_owned()))
                })
                .collect();
            let help = if ports.is_empty() {
                format!("the container `{}` maps no ports: add a port mapping with \"containerPort\": {}", name.value(), port.value())
            } else {
                format!(
                    "use a port the container maps ({}), or add a port mapping for {}",
                    ports.join(", "),
                    port.value()
                )
            };
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
                .help(help);
            let range = container
                .member("portMappings")
                .map_or_else(|| opening(container.range()), |m| m.key.range);
            related_td(d, paired, range, "the container's port mappings");
        }
    }
}
