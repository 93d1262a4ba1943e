use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `timeout.perRequestTimeoutSeconds` for a port mapping of the
    /// paired task definition that has no `appProtocol` (TCP).
    ///
    /// ## Why is this bad?
    /// A per-request timeout needs an HTTP, HTTP/2 or gRPC port; for TCP only the idle
    /// timeout is allowed. Without `appProtocol` the port is TCP.
    ///
    /// ## Example
    /// ```json
    /// { "services": [{ "portName": "http", "clientAliases": [{ "port": 80 }], "timeout": { "perRequestTimeoutSeconds": 30 } }] }
    /// // taskdef: "portMappings": [{ "name": "http", "containerPort": 8080 }]
    /// ```
    /// Use instead:
    /// ```json
    /// // taskdef: "portMappings": [{ "name": "http", "containerPort": 8080, "appProtocol": "http" }]
    /// ```
    ///
    /// ## Fix
    /// Set the port mapping's `appProtocol`, or use only `idleTimeoutSeconds`.
    pub PerRequestTimeoutNotTcp {
        id: "per-request-timeout-not-tcp",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24711, 24711), quote: "`perRequestTimeout` can only be set if Service Connect `appProtocol` isn't TCP. Only `idleTimeout` is allowed for TCP `appProtocol`." },
            Source::ApiReference { lines: (21940, 21940), quote: "If you don't set a value for this parameter, then TCP is used." },
        ],
    }
}

impl PerRequestTimeoutNotTcp {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(paired) = &doc.paired else { return };
        for (s, name, mapping) in tcp_service_connect_ports(doc, paired) {
            let Some(per_request) = s.timeout().and_then(|t| t.per_request_timeout_seconds())
            else {
                continue;
            };
            let d = out
                .report(
                    &Self::META,
                    per_request.range(),
                    format!("the port mapping `{}` has no `appProtocol`, so it is TCP, which takes no per-request timeout", name.value()),
                )
                .help("set `appProtocol` (http, http2 or grpc) on the port mapping, or use only `idleTimeoutSeconds`");
            related_td(
                d,
                paired,
                opening(mapping.range()),
                "the port mapping, without `appProtocol`",
            );
        }
    }
}
