//! `restartPolicy` (newer than the API reference; botocore's ContainerRestartPolicy).

use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `restartPolicy.restartAttemptPeriod` outside 60 to 1800 seconds.
    ///
    /// ## Why is this bad?
    /// ECS documents that range: a container restarts at most once per period, and only
    /// after running that long. `restartPolicy` is newer than the API reference this
    /// linter cites; the current documentation does not say whether other values are
    /// refused or clamped, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "worker", "image": "worker:1", "memory": 512, "restartPolicy": { "enabled": true, "restartAttemptPeriod": 10 } }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "worker", "image": "worker:1", "memory": 512, "restartPolicy": { "enabled": true, "restartAttemptPeriod": 60 } }]
    /// ```
    ///
    /// ## Fix
    /// Use 60 to 1800 seconds, or omit it for the default (300).
    pub RestartAttemptPeriodRange {
        id: "restart-attempt-period-range",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::Botocore { shape: "ContainerRestartPolicy.restartAttemptPeriod: You can set a minimum restartAttemptPeriod of 60 seconds and a maximum restartAttemptPeriod of 1800 seconds." },
        ],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a container `restartPolicy.ignoredExitCodes` with more than 50 exit codes.
    ///
    /// ## Why is this bad?
    /// ECS documents at most 50. `restartPolicy` is newer than the API reference this linter
    /// cites and no rejection is documented, hence a warning.
    ///
    /// ## Example
    /// An `ignoredExitCodes` list of 0 to 50 (51 codes). Use instead the few codes that mean
    /// "finished, do not restart":
    /// ```json
    /// [{ "name": "worker", "restartPolicy": { "enabled": true, "ignoredExitCodes": [0, 130, 143] } }]
    /// ```
    ///
    /// ## Fix
    /// Keep the exit codes that mean "do not restart" (at most 50).
    pub RestartIgnoredExitCodesMax50 {
        id: "restart-ignored-exit-codes-max-50",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::Botocore { shape: "ContainerRestartPolicy.ignoredExitCodes: You can specify a maximum of 50 container exit codes." },
        ],
    }
}

impl RestartAttemptPeriodRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(period) = c.restart_policy().and_then(|p| p.restart_attempt_period()) else {
                continue;
            };
            let p = period.value();
            if (60..=1800).contains(&p) {
                continue;
            }
            out.report(
                &Self::META,
                period.range(),
                format!(
                    "`restartAttemptPeriod` {p} is outside 60 to 1800 seconds ({})",
                    container_label(i, c)
                ),
            )
            .help("use 60 to 1800, or omit it for the default of 300 seconds");
        }
    }
}

impl RestartIgnoredExitCodesMax50 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(codes) = c.restart_policy().and_then(|p| p.ignored_exit_codes()) else {
                continue;
            };
            if codes.len() <= 50 {
                continue;
            }
            out.report(
                &Self::META,
                codes.range(),
                format!(
                    "`ignoredExitCodes` lists {} exit codes, more than the 50 ECS allows ({})",
                    codes.len(),
                    container_label(i, c)
                ),
            )
            .help("keep at most 50 exit codes");
        }
    }
}
