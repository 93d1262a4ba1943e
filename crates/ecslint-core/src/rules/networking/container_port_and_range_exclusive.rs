use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a port mapping with both `containerPort` and `containerPortRange`.
    ///
    /// ## Why is this bad?
    /// A mapping exposes either one port or a range; with both, it is unclear which the
    /// author meant. AWS's documentation describes them as alternatives; the rejection is
    /// not quoted, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPort": 9000, "containerPortRange": "9000-9100" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Keep one of the two: a single `containerPort`, or a `containerPortRange`.
    pub ContainerPortAndRangeExclusive {
        id: "container-port-and-range-exclusive",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings", note: "containerPortRange is used instead of containerPort" }],
    }
}

impl ContainerPortAndRangeExclusive {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                if let (Some(port), Some(range)) = (m.container_port(), m.container_port_range()) {
                    out.report(&Self::META, range.range(), format!("a port mapping of {} has both containerPort {} and containerPortRange \"{}\"", container_label(i, c), port.value(), range.value()))
                        .help("a mapping exposes one port (containerPort) or a range (containerPortRange): keep one")
                        .related(port.range(), "the single port");
                }
            }
        }
    }
}
