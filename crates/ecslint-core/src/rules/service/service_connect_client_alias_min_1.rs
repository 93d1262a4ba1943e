use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect service without a client alias (`clientAliases` missing or
    /// empty).
    ///
    /// ## Why is this bad?
    /// The API reference says each Service Connect service must provide one client alias
    /// with a port, the endpoint that client tasks connect to, yet also marks the member
    /// optional: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "services": [{ "portName": "http" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "services": [{ "portName": "http", "clientAliases": [{ "port": 80, "dnsName": "web" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Add `"clientAliases": [{ "port": … }]`.
    pub ServiceConnectClientAliasMin1 {
        id: "service-connect-client-alias-min-1",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22808, 22808), quote: "For each ServiceConnectService, you must provide at least one clientAlias with one port." },
        ],
    }
}

impl ServiceConnectClientAliasMin1 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for s in service_connect_services(doc) {
            let range = match s.member("clientAliases") {
                None => opening(s.range()),
                Some(m) if m.value.as_array().is_some_and(|a| a.is_empty()) => m.key.range,
                Some(_) => continue,
            };
            out.report(&Self::META, range, "this Service Connect service has no client alias")
                .help("add `\"clientAliases\": [{ \"port\": … }]`: the port (and optional dnsName) clients connect to");
        }
    }
}
