use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `loadBalancers[].containerName` that names no container of the paired task
    /// definition.
    ///
    /// ## Why is this bad?
    /// The load balancer sends traffic to the container of that name; CreateService refuses a
    /// name the task definition does not have. This happens when a container is renamed in the
    /// task definition and the service file is forgotten.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "app", "containerPort": 8080 }] }
    /// // taskdef: "containerDefinitions": [{ "name": "web", "portMappings": [{ "containerPort": 8080 }], … }]
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Use the `name` of the container that serves the traffic.
    pub LoadBalancerContainerNameInTaskDefinition {
        id: "load-balancer-container-name-in-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1769, 1769), quote: "The container name must be as it appears in a container definition." },
        ],
    }
}

impl LoadBalancerContainerNameInTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        for lb in service
            .load_balancers()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let Some(name) = lb.container_name().filter(|n| known(n.value())) else {
                continue;
            };
            if paired.container(name.value()).is_some() || paired.containers_unknown() {
                continue;
            }
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
    }
}
