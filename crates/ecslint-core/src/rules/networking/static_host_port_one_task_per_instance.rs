use crate::rules::networking::helpers::{container_label, network_mode_origin};
use crate::rules::networking::host_ports::{host_port_mode, static_host_ports};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports, once per task definition, that its static host ports allow only one copy of
    /// the task per container instance: any port mapping in `host` network mode, or a
    /// `hostPort` other than 0 in `bridge` mode.
    ///
    /// Covers: host-network-one-task-per-instance, bridge-dynamic-host-port
    ///
    /// ## Why is this bad?
    /// Two copies of the task would need the same port on the same instance. A service with
    /// more tasks than instances, or a rolling deployment that starts the new task before the
    /// old one stops, then waits for a free instance.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "bridge", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "bridge", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80 }] }] }
    /// ```
    ///
    /// ## Fix
    /// In bridge mode omit `hostPort` (or set 0) for a dynamic port and register the tasks
    /// with a load balancer; or use `awsvpc`. Ignore this when one copy per instance is
    /// intended (a DAEMON service).
    pub StaticHostPortOneTaskPerInstance {
        id: "static-host-port-one-task-per-instance",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11859, 11859), quote: "If the network mode is host, you cannot run multiple instantiations of the same task on a single container instance when port mappings are used." },
            Source::ApiReference { lines: (22006, 22006), quote: "you can omit the `hostPort` (or set it to `0`) while specifying a `containerPort` and your container automatically receives a port in the ephemeral port range" },
        ],
    }
}

impl StaticHostPortOneTaskPerInstance {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode) = host_port_mode(doc) else {
            return;
        };
        let ports = static_host_ports(doc);
        let Some(first) = ports.first() else {
            return;
        };
        let list = ports
            .iter()
            .map(|p| p.port.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let who = container_label(first.container_index, first.container);
        let (message, help) = if mode == "host" {
            (
                format!("in `host` network mode the task takes host port{} {list} on its instance ({who}): one copy of the task per container instance", plural(ports.len())),
                "to run several copies on one instance use `awsvpc` (a network interface per task) or `bridge` with dynamic host ports",
            )
        } else {
            (
                format!("static host port{} {list} ({who}): one copy of the task per container instance", plural(ports.len())),
                "omit \"hostPort\" (or set 0) for a dynamic host port and put the tasks behind a load balancer, or use `awsvpc`",
            )
        };
        let d = out.report(&Self::META, first.range, message).help(help);
        for p in &ports[1..] {
            d.related(p.range, format!("host port {}", p.port));
        }
        if let Some((range, note)) = network_mode_origin(doc) {
            d.related(range, note);
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
