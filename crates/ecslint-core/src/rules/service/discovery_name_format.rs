use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `discoveryName` that is not 1–64 lowercase letters, digits,
    /// `_` and `-`, or starts with a hyphen.
    ///
    /// ## Why is this bad?
    /// It names the Cloud Map service ECS creates, and the API reference restricts its
    /// characters. The rejection is implied, not quoted: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "services": [{ "portName": "http", "discoveryName": "Web_API.v2" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "services": [{ "portName": "http", "discoveryName": "web_api-v2" }] }
    /// ```
    ///
    /// ## Fix
    /// Lowercase the name and replace other characters with hyphens.
    pub DiscoveryNameFormat {
        id: "discovery-name-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22818, 22818), quote: "The name can contain up to 64 characters. The name can include lowercase letters, numbers, underscores (_), and hyphens (-). The name can't start with a hyphen." },
        ],
    }
}

impl DiscoveryNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for s in service_connect_services(doc) {
            let Some(name) = s.discovery_name() else {
                continue;
            };
            let v = name.value();
            if is_placeholder(v) {
                continue;
            }
            let Some(problem) = name_problem(v, 64, false) else {
                continue;
            };
            let suggestion = name_suggestion(v, 64, false);
            let d = out
                .report(
                    &Self::META,
                    name.range(),
                    format!("the `discoveryName` \"{v}\" {problem}"),
                )
                .help("use lowercase letters, digits, `_` and `-`");
            if !suggestion.is_empty() && suggestion != v {
                d.help(format!(
                    "use lowercase letters, digits, `_` and `-`: \"{suggestion}\""
                ));
            }
        }
    }
}
