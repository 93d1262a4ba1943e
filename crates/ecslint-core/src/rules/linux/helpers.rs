//! Helpers of the `linux` area: reporting a container field that Fargate does not support.

use crate::rule::RuleMeta;
use crate::rules::networking::helpers::{container_label, fargate_origin};
use crate::rules::prelude::*;

/// Reports `member` (a field Fargate does not support) of container `index`, with an unsafe
/// fix that removes it from `parent` (the object that holds it).
#[allow(clippy::too_many_arguments)]
pub(crate) fn report_not_on_fargate<'a>(
    doc: &Document<'a>,
    out: &mut Reporter<'a>,
    meta: &'static RuleMeta,
    index: usize,
    container: ContainerDefinition<'a>,
    parent: &'a Node<'a>,
    member: &'a Member<'a>,
    what: &str,
    help: &str,
) {
    let d = out.report(
        meta,
        member.key.range,
        format!(
            "{what} is not supported on Fargate ({})",
            container_label(index, container)
        ),
    );
    d.help(help.to_owned()).fix(Fix::unsafe_(
        format!("remove \"{}\"", member.key.name),
        vec![remove_member(parent.as_object().unwrap_or(&[]), member)],
    ));
    if let Some(range) = fargate_origin(doc) {
        d.related(range, "the task targets Fargate here");
    }
}
