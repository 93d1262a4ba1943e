use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a negative `desiredCount`.
    ///
    /// ## Why is this bad?
    /// A service runs zero or more tasks; the model has no minimum, but CreateService refuses
    /// a negative count with a ClientException.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": -1 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 0 }
    /// ```
    ///
    /// ## Fix
    /// Use 0 to run no tasks, or the number of tasks to run.
    pub DesiredCountNonNegative {
        id: "desired-count-non-negative",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1699, 1699), quote: "The number of instantiations of the specified task definition to place and keep running in your service." },
            Source::Peer { tool: "floci (AWS emulator)", rule: "CreateService and UpdateService refuse a negative desiredCount with ClientException, as AWS does (floci-io/floci#1382)" },
        ],
    }
}

impl DesiredCountNonNegative {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(count) = doc.service.and_then(|s| s.desired_count()) else {
            return;
        };
        if count.value() < 0 {
            out.report(
                &Self::META,
                count.range(),
                format!(
                    "`desiredCount` is {}; a service runs 0 or more tasks",
                    count.value()
                ),
            )
            .help("use 0 to run no tasks, or the number of tasks to run");
        }
    }
}
