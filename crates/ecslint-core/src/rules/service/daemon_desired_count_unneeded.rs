use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `desiredCount` on a DAEMON service.
    ///
    /// ## Why is this bad?
    /// A daemon service runs one task on each instance that meets its constraints; the number of
    /// tasks follows the instances, and `desiredCount` means nothing.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON", "desiredCount": 3 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "agent", "taskDefinition": "agent", "schedulingStrategy": "DAEMON" }
    /// ```
    ///
    /// ## Fix
    /// Remove `desiredCount`.
    pub DaemonDesiredCountUnneeded {
        id: "daemon-desired-count-unneeded",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1513, 1513), quote: "When using this strategy, you don't need to specify a desired number of tasks" },
        ],
    }
}

impl DaemonDesiredCountUnneeded {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if !doc.service_facts.daemon {
            return;
        }
        let Some(m) = service.member("desiredCount") else {
            return;
        };
        out.report(
            &Self::META,
            m.key.range,
            "a DAEMON service runs one task per instance: `desiredCount` is not used",
        )
        .help("remove `desiredCount`");
    }
}
