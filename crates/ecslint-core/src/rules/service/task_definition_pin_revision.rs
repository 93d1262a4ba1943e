use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Says when `taskDefinition` names a family without a revision. Off by default.
    ///
    /// ## Why is this bad?
    /// Without a revision the service runs whatever revision is the latest ACTIVE one when the
    /// request is made, so the same file can deploy different tasks.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Pin `family:revision`, or the task definition's ARN.
    pub TaskDefinitionPinRevision {
        id: "task-definition-pin-revision",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1913, 1913), quote: "If a revision isn't specified, the latest ACTIVE revision is used." },
        ],
        default_enabled: false,
    }
}

impl TaskDefinitionPinRevision {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(td) = doc.service.and_then(|s| s.task_definition()) else {
            return;
        };
        let v = td.value();
        if is_placeholder(v) || v.contains(':') || crate::pair::reference_family(v).is_none() {
            return;
        }
        out.report(
            &Self::META,
            td.range(),
            format!("`{v}` runs the latest ACTIVE revision at the time of the request"),
        )
        .help(format!("pin a revision: \"{v}:N\""));
    }
}
