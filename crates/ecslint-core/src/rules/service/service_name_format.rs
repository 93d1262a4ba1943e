use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceName` that is empty, longer than 255 characters, or holds characters other
    /// than ASCII letters, digits, `_` and `-`. Template placeholders are skipped.
    ///
    /// ## Why is this bad?
    /// Service names are up to 255 letters, numbers, underscores and hyphens.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web.api", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web-api", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Replace the other characters, for example with `-`.
    pub ServiceNameFormat {
        id: "service-name-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1872, 1872), quote: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." },
        ],
    }
}

impl ServiceNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(name) = doc.service.and_then(|s| s.service_name()) else {
            return;
        };
        let v = name.value();
        if is_placeholder(v) {
            return;
        }
        let n = v.chars().count();
        let message = if v.is_empty() {
            "the service name is empty".to_owned()
        } else if n > 255 {
            format!("the service name is {n} characters long; the limit is 255")
        } else {
            let mut bad: Vec<String> = v
                .chars()
                .filter(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
                .map(|c| format!("`{c}`"))
                .collect();
            bad.dedup();
            if bad.is_empty() {
                return;
            }
            format!("the service name `{v}` contains {}", and_list(&bad))
        };
        out.report(&Self::META, name.range(), message)
            .help("use 1 to 255 letters, digits, `_` and `-`");
    }
}
