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
