//! What the EFS rules share: whether transit encryption is on, and the report (with its
//! fix) when it is not.

use crate::diagnostic::{Edit, Fix};
use crate::document::Document;
use crate::model::{EFSVolumeConfiguration, View};
use crate::rule::RuleMeta;
use crate::rules::edits::insert_member_before;
use crate::rules::Reporter;
use crate::template::is_placeholder;
use crate::text::TextRange;

/// `transitEncryption` is `ENABLED` (or a placeholder, or not a string: unknown).
pub(crate) fn transit_enabled(efs: EFSVolumeConfiguration<'_>) -> bool {
    match efs.get("transitEncryption") {
        None => false,
        Some(n) if n.is_null() => false,
        Some(n) => n
            .as_str()
            .is_none_or(|s| s == "ENABLED" || is_placeholder(s)),
    }
}

/// Reports that `efs` needs `transitEncryption: ENABLED` because of what is at `at`, with a
/// safe fix that sets or adds it.
pub(crate) fn report_transit_disabled<'a>(
    doc: &Document<'a>,
    out: &mut Reporter<'a>,
    meta: &'static RuleMeta,
    efs: EFSVolumeConfiguration<'a>,
    at: TextRange,
    message: &str,
) {
    let current = efs.member("transitEncryption");
    let message = match current.and_then(|m| m.value.as_str()) {
        Some(v) => format!("{message}, and `transitEncryption` is `{v}`"),
        None => format!("{message}, and `transitEncryption` is not set (the default is DISABLED)"),
    };
    let d = out
        .report(meta, at, message)
        .help("set \"transitEncryption\": \"ENABLED\" in the efsVolumeConfiguration");
    let edit = match current {
        Some(m) => Some(Edit::replace(m.value.range, "\"ENABLED\"")),
        None => efs
            .node()
            .as_object()
            .and_then(|members| members.first())
            .map(|first| {
                insert_member_before(doc.text, first, "\"transitEncryption\": \"ENABLED\"")
            }),
    };
    if let Some(edit) = edit {
        d.fix(Fix::safe("set transitEncryption to ENABLED", vec![edit]));
    }
}
