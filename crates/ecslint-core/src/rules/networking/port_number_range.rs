use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a port mapping `containerPort` or `hostPort` that is not a port number:
    /// negative, or above 65535.
    ///
    /// ## Why is this bad?
    /// RegisterTaskDefinition validates host ports (unset, 0, or 1 to 65535), and a container
    /// port outside the range cannot be bound by Docker.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 80800 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]
    /// ```
    ///
    /// ## Fix
    /// Use a port from 1 to 65535 (for `hostPort`, 0 or omitted asks for a dynamic one).
    pub PortNumberRange {
        id: "port-number-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21979, 21979), quote: "The containerPortRange valid values are between 1 and 65535." },
            Source::ErrorMessage { text: "ECS front end service will validate it when customers create a task definition: a valid host port is nil, 0, or value > 0 and value <= 65535 (an ECS engineer)", seen_in: "aws/amazon-ecs-agent#3584" },
        ],
    }
}

impl PortNumberRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(mappings) = container.port_mappings() else {
                continue;
            };
            for (_, pm) in mappings.iter() {
                for (field, port) in [
                    ("containerPort", pm.container_port()),
                    ("hostPort", pm.host_port()),
                ] {
                    let Some(port) = port else { continue };
                    let p = port.value();
                    if (0..=65535).contains(&p) {
                        continue;
                    }
                    let help = if field == "hostPort" {
                        "use a port from 1 to 65535, or omit \"hostPort\" (or 0) for a dynamic host port in bridge mode"
                    } else {
                        "use a port from 1 to 65535"
                    };
                    out.report(
                        &Self::META,
                        port.range(),
                        format!(
                            "`{field}` {p} is not a port number: ports are 1 to 65535 ({})",
                            container_label(i, container)
                        ),
                    )
                    .help(help);
                }
            }
        }
    }
}
