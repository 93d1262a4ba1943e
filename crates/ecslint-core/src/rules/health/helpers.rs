//! Helpers of the `health` area: one check for "a whole number of seconds in a range".

use crate::diagnostic::Diagnostic;
use crate::rule::RuleMeta;
use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;

/// What is being checked: the field's name, its bounds, its default and its unit.
pub(crate) struct Bounds {
    pub field: &'static str,
    pub min: i32,
    pub max: i32,
    /// Said after the range in the help, e.g. "the default is 30".
    pub default: &'static str,
    pub unit: &'static str,
    /// The API enforces the range (`false`: it is only documented).
    pub enforced: bool,
}

/// Reports `value` when it is outside `bounds`, with an unsafe fix that clamps it (or divides a
/// value written in milliseconds by 1000). Returns the diagnostic so that the caller can adjust
/// its severity or add related places.
pub(crate) fn check_range<'r, 'a>(
    out: &'r mut Reporter<'a>,
    meta: &'static RuleMeta,
    index: usize,
    container: ContainerDefinition<'a>,
    value: Int<'a>,
    bounds: &Bounds,
    context: &str,
) -> Option<&'r mut Diagnostic> {
    let v = value.value();
    if (bounds.min..=bounds.max).contains(&v) {
        return None;
    }
    let Bounds {
        field,
        min,
        max,
        default,
        unit,
        enforced,
    } = bounds;
    let in_unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let side = match (v < *min, enforced) {
        (true, true) => "is below the minimum: it must be between",
        (false, true) => "is above the maximum: it must be between",
        (_, false) => "is outside the documented range: from",
    };
    let d = out.report(
        meta,
        value.range(),
        format!(
            "{context}`{field}` {v} {side} {min} {} {max}{in_unit} ({})",
            if *enforced { "and" } else { "to" },
            container_label(index, container)
        ),
    );
    let as_millis = v / 1000;
    let replacement = if *unit == "seconds"
        && v >= 1000
        && v % 1000 == 0
        && (*min..=*max).contains(&as_millis)
    {
        d.help(format!(
            "the value is in {unit}, and {v} looks like milliseconds: write {as_millis}; the range is {min}-{max} ({default})"
        ));
        as_millis
    } else {
        let clamped = v.clamp(*min, *max);
        d.help(format!(
            "set {field} to a value from {min} to {max}{in_unit} ({default})"
        ));
        clamped
    };
    d.fix(Fix::unsafe_(
        format!("set {field} to {replacement}"),
        vec![Edit::replace(value.range(), replacement.to_string())],
    ));
    Some(d)
}
