use crate::rules::first_seen::FirstSeen;
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container that maps the same `containerPort` twice with different protocols
    /// (for example 53/tcp and 53/udp).
    ///
    /// ## Why is this bad?
    /// The API reference states that the same container port can't be exposed for more than
    /// one protocol, and that an error is returned if you try.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "dns", "image": "coredns/coredns:1.11.1", "memory": 128,
    ///    "portMappings": [{ "containerPort": 53, "protocol": "udp" }, { "containerPort": 53, "protocol": "tcp" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "dns", "image": "coredns/coredns:1.11.1", "memory": 128,
    ///    "portMappings": [{ "containerPort": 53, "protocol": "udp" }] }]
    /// ```
    ///
    /// ## Fix
    /// Keep one protocol per container port, or listen on another port for the second protocol.
    pub PortMappingNoMultiProtocol {
        id: "port-mapping-no-multi-protocol",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (21930, 21930), quote: "You can't expose the same container port for multiple protocols. If you attempt this, an error is returned." }],
    }
}

impl PortMappingNoMultiProtocol {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            // Every mapping kept for a port has the protocol of the port's first one (another
            // protocol is reported), so the first one is all there is to compare with.
            let mut seen: FirstSeen<i32, (&str, TextRange)> = FirstSeen::new();
            for (_, m) in mappings.iter() {
                let Some(port) = m.container_port() else {
                    continue;
                };
                let protocol = m.protocol().map_or("tcp", |p| p.value());
                if is_placeholder(protocol) {
                    continue;
                }
                match seen.first_or_insert(port.value(), (protocol, port.range())) {
                    Some((first, at)) if *first != protocol => {
                        out.report(&Self::META, port.range(), format!("{} maps container port {} for both {first} and {protocol}", container_label(i, c), port.value()))
                            .help("a container port can be exposed for one protocol only: remove one of the mappings, or use another port for the second protocol")
                            .related(*at, format!("{} is mapped for {first} here", port.value()));
                    }
                    _ => {}
                }
            }
        }
    }
}
