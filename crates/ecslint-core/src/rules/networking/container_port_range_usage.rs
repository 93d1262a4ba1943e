//! The rules about where `containerPortRange` may be used (network mode, `hostPort`, count).

use crate::rules::networking::helpers::{
    container_label, containers, network_mode, network_mode_origin, parse_port_range,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `containerPortRange` in a task whose network mode is `host` or `none`.
    ///
    /// ## Why is this bad?
    /// Port ranges need the `bridge` or `awsvpc` network mode. The rejection is stated as a
    /// requirement but its error is not quoted, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "media", "networkMode": "host", "containerDefinitions": [{ "name": "media",
    ///   "image": "example/media:2", "memory": 256, "portMappings": [{ "containerPortRange": "9000-9100" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "media", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "media",
    ///   "image": "example/media:2", "memory": 256, "portMappings": [{ "containerPortRange": "9000-9100" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use `bridge` or `awsvpc`, or list the ports one by one.
    pub ContainerPortRangeNetworkMode {
        id: "container-port-range-network-mode",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (21970, 21972), quote: "You must use either the bridge network mode or the awsvpc network mode." }],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a port mapping with both `containerPortRange` and `hostPort`.
    ///
    /// ## Why is this bad?
    /// With a range, ECS picks the host ports (the same range in `awsvpc`, ephemeral ports in
    /// `bridge`); the API reference says to leave `hostPort` empty. Not proven to be rejected:
    /// a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100", "hostPort": 9000 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Remove `hostPort` (safe).
    pub ContainerPortRangeNoHostPort {
        id: "container-port-range-no-host-port",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[Source::ApiReference { lines: (21999, 21999), quote: "If you specify a containerPortRange, leave this field empty" }],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a container with more than 100 port ranges, or whose port mappings include the
    /// same port twice (two overlapping ranges, or a port inside a range mapped again).
    ///
    /// Covers: container-port-range-max-100, container-port-range-no-overlap
    ///
    /// ## Why is this bad?
    /// The API reference allows at most 100 ranges per container and each port in only one
    /// mapping. Not proven to be rejected: a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }, { "containerPort": 9050 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Merge or split the ranges so that each port is mapped once.
    pub ContainerPortRangeOverlap {
        id: "container-port-range-overlap",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21975, 21975), quote: "You can specify a maximum of 100 port ranges per container." },
            Source::ApiReference { lines: (21980, 21981), quote: "A port can only be included in one port mapping per container." },
        ],
    }
}

impl ContainerPortRangeNetworkMode {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode @ ("host" | "none")) = network_mode(doc) else {
            return;
        };
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let Some(range) = m.container_port_range() else {
                    continue;
                };
                let d = out
                    .report(&Self::META, range.range(), format!("{} uses a containerPortRange in `{mode}` network mode", container_label(i, c)))
                    .help("port ranges need the bridge or awsvpc network mode: change networkMode, or map the ports one by one");
                if let Some((at, why)) = network_mode_origin(doc) {
                    d.related(at, why);
                }
            }
        }
    }
}

impl ContainerPortRangeNoHostPort {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let (Some(_), Some(host)) = (m.container_port_range(), m.member("hostPort")) else {
                    continue;
                };
                let members = m.node().as_object().unwrap_or_default();
                out.report(&Self::META, host.key.range, format!("{} sets hostPort beside a containerPortRange", container_label(i, c)))
                    .help("leave hostPort out: with a range ECS picks the host ports (the same range in awsvpc, ephemeral ports in bridge)")
                    .fix(Fix::safe("remove hostPort", vec![remove_member(members, host)]));
            }
        }
    }
}

impl ContainerPortRangeOverlap {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            let label = container_label(i, c);
            let mut spans: Vec<(u32, u32, TextRange)> = Vec::new();
            let mut ranges = 0;
            for (_, m) in mappings.iter() {
                let span = if let Some(r) = m.container_port_range() {
                    ranges += 1;
                    match parse_port_range(r.value()) {
                        Ok((a, b)) if a < b => (a, b, r.range()),
                        _ => continue,
                    }
                } else if let Some(p) = m.container_port() {
                    let Ok(p) = u32::try_from(p.value()) else {
                        continue;
                    };
                    (p, p, m.container_port().map_or(m.range(), |v| v.range()))
                } else {
                    continue;
                };
                // Two mappings of one port for different protocols are another rule's business.
                if let Some(other) = spans
                    .iter()
                    .find(|o| o.0 <= span.1 && span.0 <= o.1 && (o.0 != o.1 || span.0 != span.1))
                {
                    let (lo, hi) = (span.0.max(other.0), span.1.min(other.1));
                    let ports = if lo == hi {
                        format!("port {lo}")
                    } else {
                        format!("ports {lo}–{hi}")
                    };
                    out.report(&Self::META, span.2, format!("{label} maps {ports} more than once"))
                        .help("a port can be in only one port mapping per container: merge or split the ranges")
                        .related(other.2, "already mapped here");
                }
                spans.push(span);
            }
            if ranges > 100 {
                let at = c
                    .member("portMappings")
                    .map_or(opening(c.range()), |m| m.key.range);
                out.report(
                    &Self::META,
                    at,
                    format!("{label} has {ranges} port ranges; the limit is 100 per container"),
                )
                .help("merge adjacent ranges");
            }
        }
    }
}
