use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `clientAliases[].dnsName` that is not 1–127 lowercase
    /// letters, digits, `_`, `-` and `.`, or starts with a hyphen.
    ///
    /// ## Why is this bad?
    /// The name client tasks use to connect must be a DNS name in this alphabet. Whether the
    /// API refuses others is not quoted: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "clientAliases": [{ "port": 80, "dnsName": "Web.Internal" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "clientAliases": [{ "port": 80, "dnsName": "web.internal" }] }
    /// ```
    ///
    /// ## Fix
    /// Lowercase the name and drop other characters.
    pub ClientAliasDnsNameFormat {
        id: "client-alias-dns-name-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22700, 22700), quote: "The name can include up to 127 characters. The name can include lowercase letters, numbers, underscores (_), hyphens (-), and periods (.). The name can't start with a hyphen." },
        ],
    }
}

impl ClientAliasDnsNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for s in service_connect_services(doc) {
            for alias in s.client_aliases().into_iter().flat_map(|l| l.values()) {
                let Some(name) = alias.dns_name() else {
                    continue;
                };
                let v = name.value();
                if is_placeholder(v) {
                    continue;
                }
                let Some(problem) = name_problem(v, 127, true) else {
                    continue;
                };
                let suggestion = name_suggestion(v, 127, true);
                let d = out
                    .report(
                        &Self::META,
                        name.range(),
                        format!("the client alias `dnsName` \"{v}\" {problem}"),
                    )
                    .help("use lowercase letters, digits, `_`, `-` and `.`");
                if !suggestion.is_empty() && suggestion != v {
                    d.help(format!(
                        "use lowercase letters, digits, `_`, `-` and `.`: \"{suggestion}\""
                    ));
                }
            }
        }
    }
}
