use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks `linearConfiguration.stepPercent` (3.0–100.0) and
    /// `canaryConfiguration.canaryPercent` (0.1–100.0): multiples of 0.1 in their range.
    ///
    /// ## Why is this bad?
    /// These are the valid values the API documents; another value is refused.
    ///
    /// ## Example
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 2.0 } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "deploymentConfiguration": { "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 5.0 } } }
    /// ```
    ///
    /// ## Fix
    /// Use a multiple of 0.1 in range, or leave the field out (10.0 for steps, 5.0 for a
    /// canary).
    pub TrafficShiftPercentRange {
        id: "traffic-shift-percent-range",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "LinearConfiguration.stepPercent", quote: "Valid values are multiples of 0.1 from 3.0 to 100.0." },
            Source::BotocoreDoc { member: "CanaryConfiguration.canaryPercent", quote: "Valid values are multiples of 0.1 from 0.1 to 100.0." },
        ],
    }
}

/// Whether `v` is a multiple of 0.1 (as a decimal written with one digit after the point).
fn tenths(v: f64) -> bool {
    ((v * 10.0).round() - v * 10.0).abs() < 1e-6
}

impl TrafficShiftPercentRange {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(config) = deployment_configuration(doc) else {
            return;
        };
        let values = [
            (
                config.linear_configuration().and_then(|c| c.step_percent()),
                "stepPercent",
                (3.0, "3.0"),
            ),
            (
                config
                    .canary_configuration()
                    .and_then(|c| c.canary_percent()),
                "canaryPercent",
                (0.1, "0.1"),
            ),
        ];
        // The minimum, and as written (no `{:.1}`: formatting a float costs the wasm 17 KB).
        for (value, key, (min, min_text)) in values {
            let Some(v) = value else { continue };
            let n = v.value();
            let problem = if !(min - 1e-9..=100.0 + 1e-9).contains(&n) {
                format!("is outside {min_text}–100.0")
            } else if !tenths(n) {
                "is not a multiple of 0.1".to_owned()
            } else {
                continue;
            };
            let raw = doc.text.get(v.range().start..v.range().end).unwrap_or("");
            out.report(&Self::META, v.range(), format!("`{key}` {raw} {problem}"))
                .help(format!("use a multiple of 0.1 from {min_text} to 100.0"));
        }
    }
}
