//! Shared by the service rules: where to report, the paired task definition, and what a
//! service says about where it runs (see `facts::ServiceFacts`).

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Paired};
use crate::model::{ContainerDefinition, CreateServiceRequest, PortMapping, View};
use crate::rules::edits::opening;
use crate::template::is_placeholder;
use crate::text::TextRange;

/// The key range of the service's member `key`, else the opening brace.
pub(crate) fn key_or_root(service: CreateServiceRequest<'_>, key: &str) -> TextRange {
    service
        .member(key)
        .map_or_else(|| opening(service.range()), |m| m.key.range)
}

/// A value that says something: not empty and not a template placeholder.
pub(crate) fn known(s: &str) -> bool {
    !s.is_empty() && !is_placeholder(s)
}

/// Why the service runs on Fargate, for messages.
pub(crate) fn fargate_reason(doc: &Document<'_>) -> String {
    let facts = &doc.service_facts;
    match facts.launch_type.as_deref() {
        Some("FARGATE") => "the service runs on Fargate (`launchType` FARGATE)".to_owned(),
        _ => {
            let providers: Vec<&str> = facts
                .capacity_providers
                .iter()
                .map(String::as_str)
                .filter(|p| crate::facts::is_fargate_provider(p))
                .collect();
            format!(
                "the service runs on Fargate (capacity provider {})",
                providers.join(", ")
            )
        }
    }
}

/// Adds a secondary location in the task definition.
pub(crate) fn related_td(
    d: &mut Diagnostic,
    paired: &Paired<'_>,
    range: TextRange,
    message: impl Into<String>,
) {
    d.related.push(paired.related(range, message));
}

/// A secondary location at the task definition's `key` (or its opening brace).
pub(crate) fn related_td_key(
    d: &mut Diagnostic,
    paired: &Paired<'_>,
    key: &str,
    message: impl Into<String>,
) {
    let range = paired
        .task_definition
        .member(key)
        .map_or_else(|| opening(paired.task_definition.range()), |m| m.key.range);
    related_td(d, paired, range, message);
}

/// The port mappings of a container.
pub(crate) fn port_mappings<'a>(
    c: ContainerDefinition<'a>,
) -> impl Iterator<Item = PortMapping<'a>> + 'a {
    c.port_mappings().into_iter().flat_map(|l| l.values())
}

/// Whether a container maps `port` (as a `containerPort`, or inside a `containerPortRange`).
pub(crate) fn maps_port(c: ContainerDefinition<'_>, port: i32) -> bool {
    port_mappings(c).any(|m| {
        m.container_port().is_some_and(|p| p.value() == port)
            || m.container_port_range()
                .is_some_and(|r| in_range(r.value(), port))
    })
}

fn in_range(range: &str, port: i32) -> bool {
    let Some((lo, hi)) = range.split_once('-') else {
        return false;
    };
    match (lo.trim().parse::<i32>(), hi.trim().parse::<i32>()) {
        (Ok(lo), Ok(hi)) => (lo..=hi).contains(&port),
        _ => false,
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    crate::rules::task::helpers::and_list(items)
}

/// Container names of the paired task definition, for messages (`` `web`, `proxy` ``).
pub(crate) fn container_names(paired: &Paired<'_>) -> String {
    let names: Vec<String> = paired
        .containers()
        .filter_map(|(_, c)| c.name())
        .map(|n| format!("`{}`", n.value()))
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}
