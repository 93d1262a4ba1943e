//! The host ports a task takes on its container instance: shared by the rules about static
//! host ports (one copy per instance, reserved ports, the ephemeral range).

use crate::rules::networking::helpers::{containers, network_mode};
use crate::rules::prelude::*;

/// A port that a port mapping takes on the container instance: bridge (and Windows' NAT
/// `default`) mappings with a non-zero `hostPort`, and every mapping in `host` mode (where the
/// host port is the container port). Mappings with a `containerPortRange`, placeholders and
/// dynamic ports are left out.
pub(crate) struct StaticHostPort<'a> {
    pub(crate) container_index: usize,
    pub(crate) container: ContainerDefinition<'a>,
    pub(crate) port: i32,
    /// The value that sets the port: `hostPort`, or `containerPort` in host mode without one.
    pub(crate) range: TextRange,
}

/// The task's network mode when it takes static host ports (`bridge`, `default`, `host`).
pub(crate) fn host_port_mode<'d>(doc: &'d Document<'_>) -> Option<&'d str> {
    // A bare container array (Terraform's container_definitions) does not say its task's
    // network mode: bridge is only Docker's default for a task definition that omits it.
    if doc.kind.is_containers_only() && doc.facts.network_mode.is_none() {
        return None;
    }
    network_mode(doc).filter(|m| matches!(*m, "bridge" | "default" | "host"))
}

/// Every static host port of the task, in document order.
pub(crate) fn static_host_ports<'a>(doc: &Document<'a>) -> Vec<StaticHostPort<'a>> {
    let Some(mode) = host_port_mode(doc) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (container_index, container) in containers(doc) {
        let Some(mappings) = container.port_mappings() else {
            continue;
        };
        for (_, pm) in mappings.iter() {
            if pm.member("containerPortRange").is_some() {
                continue;
            }
            let port = match (pm.host_port(), pm.container_port()) {
                (Some(host), _) if host.value() != 0 => Some((host.value(), host.range())),
                (None, Some(c)) if mode == "host" => Some((c.value(), c.range())),
                _ => None,
            };
            if let Some((port, range)) = port.filter(|(p, _)| *p > 0) {
                out.push(StaticHostPort {
                    container_index,
                    container,
                    port,
                    range,
                });
            }
        }
    }
    out
}

/// The ports container instances reserve by default, and for what.
pub(crate) const RESERVED_PORTS: &[(i32, &str)] = &[
    (22, "SSH"),
    (2375, "Docker"),
    (2376, "Docker"),
    (51678, "the ECS agent"),
    (51679, "the ECS agent"),
    (51680, "the ECS agent"),
];
