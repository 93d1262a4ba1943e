use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `taskDefinition` that is not `family`, `family:revision` (a positive revision) or a
    /// task definition ARN. Template placeholders are skipped.
    ///
    /// ## Why is this bad?
    /// The family is up to 255 letters, digits, `-` and `_`, and the revision a number from 1;
    /// anything else names no task definition.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:latest", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Write `family`, `family:revision` or the ARN.
    pub TaskDefinitionReferenceFormat {
        id: "task-definition-reference-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1913, 1913), quote: "The family and revision (family:revision) or full ARN of the task definition to run in your service." },
        ],
    }
}

impl TaskDefinitionReferenceFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(td) = doc.service.and_then(|s| s.task_definition()) else {
            return;
        };
        let v = td.value();
        if is_placeholder(v) {
            return;
        }
        let ok = crate::pair::reference_family(v).is_some_and(|f| f.len() <= 255)
            && v.rsplit_once(':').is_none_or(|(_, rev)| {
                !rev.bytes().all(|b| b.is_ascii_digit()) || rev.parse::<u64>().is_ok_and(|r| r >= 1)
            });
        if ok {
            return;
        }
        out.report(
            &Self::META,
            td.range(),
            format!("`{v}` is not a task definition reference"),
        )
        .help("use the family (\"web\"), family:revision (\"web:3\") or the task definition's ARN");
    }
}
