//! Helpers of the `deploy` area.

use crate::deploy::Evidence;
use crate::diagnostic::{Diagnostic, Related};

/// Adds a related place in the file that deploys the document (a workflow, an appspec).
pub(crate) fn related_evidence(
    d: &mut Diagnostic,
    evidence: &Evidence,
    message: impl Into<String>,
) {
    if let Some(range) = evidence.range {
        d.related.push(Related {
            message: message.into(),
            range,
            document: Some(evidence.path.clone()),
            pointer: None,
        });
    }
}

/// `.github/workflows/deploy.yml:41`.
pub(crate) fn place(evidence: &Evidence) -> String {
    format!("{}:{}", evidence.path, evidence.line)
}

/// "the containers are `web`, `log`", after "did you mean `web`?" when `wanted` is close to one:
/// the help of a deploy step that names a container the task definition does not have.
pub(crate) fn containers_help(wanted: &str, names: &[&str]) -> String {
    let list = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match crate::suggest::did_you_mean(wanted, names.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? the containers are {list}"),
        None => format!("the containers are {list}"),
    }
}
