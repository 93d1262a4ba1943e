use crate::rules::networking::helpers::container_label;
use crate::rules::networking::host_ports::{static_host_ports, RESERVED_PORTS};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a static host port in the ephemeral port range: 32768 and above on Linux
    /// (where the instance's `ip_local_port_range` usually starts; 49153–65535 when it is not
    /// set), 49152 and above on Windows. Static host ports are `hostPort` in `bridge` mode and
    /// the container port in `host` mode.
    ///
    /// ## Why is this bad?
    /// The ephemeral range is where Docker assigns dynamic host ports and the kernel picks
    /// outgoing ports. A static port there collides with them now and then: the task fails
    /// to start or is not placed, on some instances and not others.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "bridge", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 50000 }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "bridge", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use a host port below 32768, or a dynamic one (omit `hostPort` in bridge mode).
    pub HostPortEphemeralRange {
        id: "host-port-ephemeral-range",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22008, 22008), quote: "Do not attempt to specify a host port in the ephemeral port range as these are reserved for automatic assignment. In general, ports below 32768 are outside of the ephemeral port range." },
        ],
    }
}

impl HostPortEphemeralRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        // An operating system known only when deployed: Windows' narrower range.
        let os_unknown = doc.facts.os_declared && !doc.facts.linux;
        let (start, range) = if doc.facts.windows || os_unknown {
            (49152, "49152–65535 on Windows")
        } else {
            (32768, "32768 and above on most Linux instances")
        };
        for p in static_host_ports(doc) {
            // Above 65535 is another rule's (container-port-range-bounds / the type).
            if p.port < start || p.port > 65535 {
                continue;
            }
            // A reserved port is host-port-reserved's.
            if RESERVED_PORTS.iter().any(|(port, _)| *port == p.port) {
                continue;
            }
            out.report(
                &Self::META,
                p.range,
                format!(
                    "host port {} is in the ephemeral port range ({range}), which is reserved for dynamic ports ({})",
                    p.port,
                    container_label(p.container_index, p.container)
                ),
            )
            .help("use a host port below 32768, or a dynamic one (omit \"hostPort\" in bridge mode)");
        }
    }
}
