use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceConnectConfiguration.services[].portName` that is not the `name` of a
    /// port mapping of any container in the paired task definition.
    ///
    /// ## Why is this bad?
    /// Service Connect finds the port to expose by the port mapping's name; port mapping names
    /// are optional in task definitions, so they are easy to forget, and CreateService refuses a
    /// `portName` that no port mapping has.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "serviceConnectConfiguration": { "enabled": true, "services": [{ "portName": "http", "clientAliases": [{ "port": 80 }] }] } }
    /// // taskdef: "portMappings": [{ "containerPort": 8080 }]
    /// ```
    /// Use instead:
    /// ```json
    /// // taskdef: "portMappings": [{ "name": "http", "containerPort": 8080, "appProtocol": "http" }]
    /// ```
    ///
    /// ## Fix
    /// Give the port mapping a `name` in the task definition, or use one it has.
    pub ServiceConnectPortNameInTaskDefinition {
        id: "service-connect-port-name-in-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22794, 22794), quote: "The portName must match the name of one of the portMappings from all the containers in the task definition" },
        ],
    }
}

impl ServiceConnectPortNameInTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let Some(services) = service
            .service_connect_configuration()
            .and_then(|c| c.services())
        else {
            return;
        };
        if paired.port_mappings_unknown() {
            return;
        }
        let names: Vec<&str> = paired
            .containers()
            .flat_map(|(_, c)| port_mappings(c))
            .filter_map(|m| m.name())
            .map(|n| n.value())
            .collect();
        for port_name in services.values().filter_map(|s| s.port_name()) {
            let v = port_name.value();
            if !known(v) || names.contains(&v) {
                continue;
            }
            let help = if names.is_empty() {
                "no port mapping of the task definition has a `name`: add \"name\" to the port mapping Service Connect exposes".to_owned()
            } else {
                format!(
                    "use one of the port mapping names: {}",
                    names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let d = out
                .report(
                    &Self::META,
                    port_name.range(),
                    format!("no port mapping of the task definition is named `{v}`"),
                )
                .help(help);
            related_td_key(
                d,
                paired,
                "containerDefinitions",
                "the containers and their port mappings",
            );
        }
    }
}
