use crate::rules::networking::helpers::container_label;
use crate::rules::networking::host_ports::{static_host_ports, RESERVED_PORTS};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a static host port that container instances reserve by default: 22 (SSH),
    /// 2375 and 2376 (Docker) and 51678–51680 (the ECS agent). Static host ports are
    /// `hostPort` in `bridge` mode and the container port in `host` mode.
    ///
    /// ## Why is this bad?
    /// The scheduler does not place a task on an instance where one of its host ports is
    /// reserved, so with the default agent settings the task is never placed.
    ///
    /// ## Example
    /// ```json
    /// { "family": "sshd", "networkMode": "bridge", "containerDefinitions": [{ "name": "sshd", "image": "sshd:1", "memory": 128, "portMappings": [{ "containerPort": 22, "hostPort": 22 }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "sshd", "networkMode": "bridge", "containerDefinitions": [{ "name": "sshd", "image": "sshd:1", "memory": 128, "portMappings": [{ "containerPort": 22, "hostPort": 2222 }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use another host port, a dynamic one (bridge), or `awsvpc`.
    pub HostPortReserved {
        id: "host-port-reserved",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22010, 22010), quote: "The default reserved ports are 22 for SSH, the Docker ports 2375 and 2376, and the Amazon ECS container agent ports 51678-51680." },
        ],
    }
}

impl HostPortReserved {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        // Fargate tasks use awsvpc: no instance ports.
        for p in static_host_ports(doc) {
            let Some((_, owner)) = RESERVED_PORTS.iter().find(|(port, _)| *port == p.port) else {
                continue;
            };
            out.report(
                &Self::META,
                p.range,
                format!(
                    "host port {} is reserved for {owner} on container instances by default ({}): the task cannot be placed",
                    p.port,
                    container_label(p.container_index, p.container)
                ),
            )
            .help("use another host port, a dynamic host port (omit \"hostPort\" in bridge mode), or the awsvpc network mode");
        }
    }
}
