//! Helpers of the `windows` area: reporting a field that Windows containers do not support.

use crate::rule::RuleMeta;
use crate::rules::networking::helpers::{
    container_label, containers, is_set, members_of, windows_origin,
};
use crate::rules::prelude::*;

/// Reports member `key` of every container (or, with `task_level`, of the task definition)
/// when the task runs on Windows and the member asks for something (see [`is_set`]).
pub(crate) fn report_not_on_windows<'a>(
    doc: &Document<'a>,
    out: &mut Reporter<'a>,
    meta: &'static RuleMeta,
    key: &str,
    help: &str,
    task_level: bool,
) {
    if !doc.facts.windows {
        return;
    }
    let mut report = |owner: &'a Node<'a>, who: String| {
        let Some(member) = owner.member(key) else {
            return;
        };
        if !is_set(&member.value) {
            return;
        }
        let d = out.report(
            meta,
            member.key.range,
            format!("`{key}` is not supported for Windows containers{who}"),
        );
        d.help(help.to_owned()).fix(Fix::unsafe_(
            format!("remove \"{key}\""),
            vec![remove_member(members_of(owner), member)],
        ));
        if let Some(range) = windows_origin(doc) {
            d.related(range, "the task runs on Windows");
        }
    };
    if task_level {
        if let Some(task) = doc.task_definition {
            report(task.node(), String::new());
        }
        return;
    }
    for (i, container) in containers(doc) {
        report(
            container.node(),
            format!(" ({})", container_label(i, container)),
        );
    }
}
