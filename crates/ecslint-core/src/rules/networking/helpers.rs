//! Small helpers shared by the rules of the `networking`, `logging`, `health`, `linux` and
//! `windows` areas: the containers with a readable name, the task's network mode as a known
//! value, and where Fargate or the network mode is declared (for related locations).

use crate::rules::prelude::*;

/// The network modes the API accepts, plus `default` (Windows' NAT mode when `networkMode` is
/// omitted).
const KNOWN_MODES: &[&str] = &["bridge", "host", "awsvpc", "none", "default"];

/// The network mode the task gets, when it is known and one of the API's values: a placeholder
/// or a misspelt mode gives `None`, and rules that depend on the mode stay quiet.
pub(crate) fn network_mode<'d>(doc: &'d Document<'_>) -> Option<&'d str> {
    if doc.facts.awsvpc() {
        // Written, or implied by Fargate (which reports a missing mode itself).
        return Some("awsvpc");
    }
    doc.facts
        .effective_network_mode()
        .filter(|m| KNOWN_MODES.contains(m))
}

/// Where the network mode comes from, for a related location: the `networkMode` value, or
/// `requiresCompatibilities` when Fargate implies `awsvpc`.
pub(crate) fn network_mode_origin(doc: &Document<'_>) -> Option<(TextRange, &'static str)> {
    let task = doc.task_definition?;
    if let Some(mode) = task.network_mode() {
        return Some((mode.range(), "the network mode is set here"));
    }
    if doc.facts.fargate {
        if let Some(m) = task.member("requiresCompatibilities") {
            return Some((m.value.range, "Fargate requires the awsvpc network mode"));
        }
    }
    None
}

/// Where Fargate is declared, for a related location.
pub(crate) fn fargate_origin(doc: &Document<'_>) -> Option<TextRange> {
    doc.task_definition?
        .member("requiresCompatibilities")
        .map(|m| m.value.range)
}

/// Where the Windows operating system family is declared, for a related location.
pub(crate) fn windows_origin(doc: &Document<'_>) -> Option<TextRange> {
    let family = doc
        .task_definition?
        .runtime_platform()?
        .operating_system_family()?;
    Some(family.range())
}

/// How a container is named in messages: `container "web"`, or `container #2` (1-based)
/// when it has no usable name.
pub(crate) fn container_label(index: usize, container: ContainerDefinition<'_>) -> String {
    match container.name() {
        Some(name) if !name.value().is_empty() => format!("container \"{}\"", name.value()),
        _ => format!("container #{}", index + 1),
    }
}

/// Every container definition with its index.
pub(crate) fn containers<'a>(
    doc: &Document<'a>,
) -> impl Iterator<Item = (usize, ContainerDefinition<'a>)> + 'a {
    doc.container_definitions
        .into_iter()
        .flat_map(|list| list.iter())
}

/// The JSON pointer of container `index`.
pub(crate) fn container_pointer(doc: &Document<'_>, index: usize) -> String {
    match doc.kind {
        DocumentKind::ContainerDefinitions => format!("/{index}"),
        DocumentKind::ContainerDefinition => String::new(),
        _ => format!("{}/containerDefinitions/{index}", doc.task_pointer()),
    }
}

/// The members of an object node (empty for anything else).
pub(crate) fn members_of<'a>(node: &'a Node<'a>) -> &'a [Member<'a>] {
    node.as_object().unwrap_or(&[])
}

/// Whether a JSON value is "set" in a way that matters: not null, not an empty array, string
/// or object, and not `false`.
pub(crate) fn is_set(node: &Node<'_>) -> bool {
    match &node.value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Array(items) => !items.is_empty(),
        Value::Object(members) => !members.is_empty(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// A `containerPortRange` such as `"8000-8100"`: both ends, or what is wrong with it.
pub(crate) fn parse_port_range(s: &str) -> Result<(u32, u32), &'static str> {
    let (first, last) = s
        .split_once('-')
        .ok_or("a range is written first-last, such as \"8000-8100\"")?;
    let port = |p: &str| {
        p.trim()
            .parse::<u32>()
            .map_err(|_| "both ends must be port numbers")
    };
    Ok((port(first)?, port(last)?))
}
