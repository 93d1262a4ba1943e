use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a second volume with `"configuredAtLaunch": true` in a task definition.
    ///
    /// ## Why is this bad?
    /// A task definition revision may have only one volume configured at launch (one Amazon
    /// EBS volume per task). No rejection message has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "db", "volumes": [{ "name": "data", "configuredAtLaunch": true },
    ///   { "name": "wal", "configuredAtLaunch": true }],
    ///   "containerDefinitions": [{ "name": "db", "image": "postgres:16" }] }
    /// ```
    /// Use instead: one `configuredAtLaunch` volume, mounted at two paths if needed.
    ///
    /// ## Fix
    /// Keep one volume configured at launch.
    pub VolumeSingleConfiguredAtLaunch {
        id: "volume-single-configured-at-launch",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24861, 24861), quote: "Each task definition revision may only have one volume configured at launch in the volume configuration." },
        ],
    }
}

impl VolumeSingleConfiguredAtLaunch {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        let mut first: Option<TextRange> = None;
        for v in volumes.values() {
            let Some(flag) = v.configured_at_launch() else {
                continue;
            };
            if !flag.value() {
                continue;
            }
            match first {
                None => first = Some(flag.range()),
                Some(f) => {
                    out.report(&Self::META, flag.range(), "a second volume is configured at launch; a task definition may have only one")
                        .help("keep one volume with \"configuredAtLaunch\": true")
                        .related(f, "the first one");
                }
            }
        }
    }
}
