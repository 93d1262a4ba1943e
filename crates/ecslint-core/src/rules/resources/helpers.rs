//! Shared by the container resource rules: how to name a container in a message, and which
//! container members count as set.

use crate::json::{Member, Value};
use crate::model::ContainerDefinition;

/// "container `app`", or "container #2" (1-based) when it has no name.
pub(crate) fn container_label(c: ContainerDefinition<'_>, index: usize) -> String {
    match c.name().map(|n| n.value()).filter(|n| !n.is_empty()) {
        Some(name) => format!("container `{name}`"),
        None => format!("container #{}", index + 1),
    }
}

/// Whether a container member gives a value: present, not `null`, and not the number 0
/// (the API treats 0 as unset for `memory` and `memoryReservation`).
pub(crate) fn gives_value(member: Option<&Member<'_>>) -> bool {
    member.is_some_and(|m| match &m.value.value {
        Value::Null => false,
        Value::Number(n) => n.as_i64() != Some(0),
        _ => true,
    })
}
