//! Shared by the container resource rules: which container members count as set.

use crate::json::{Member, Value};

/// Whether a container member gives a value: present, not `null`, and not the number 0
/// (the API treats 0 as unset for `memory` and `memoryReservation`).
pub(crate) fn gives_value(member: Option<&Member<'_>>) -> bool {
    member.is_some_and(|m| match &m.value.value {
        Value::Null => false,
        Value::Number(n) => n.as_i64() != Some(0),
        _ => true,
    })
}
