use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `portName` whose port mapping in the paired task definition
    /// has no `appProtocol`.
    ///
    /// ## Why is this bad?
    /// Without it the Service Connect proxy treats the port as TCP: no HTTP-aware connection
    /// handling, retries or per-request timeouts, and no protocol metrics.
    ///
    /// ## Example
    /// ```json
    /// // taskdef: "portMappings": [{ "name": "http", "containerPort": 8080 }]
    /// ```
    /// Use instead:
    /// ```json
    /// // taskdef: "portMappings": [{ "name": "http", "containerPort": 8080, "appProtocol": "http" }]
    /// ```
    ///
    /// ## Fix
    /// Set `appProtocol` to `http`, `http2` or `grpc` as the application speaks.
    pub ServiceConnectSetAppProtocol {
        id: "service-connect-set-app-protocol",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21938, 21938), quote: "We recommend that you set this parameter to be consistent with the protocol that your application uses." },
            Source::ApiReference { lines: (21940, 21940), quote: "If you don't set a value for this parameter, then TCP is used. However, Amazon ECS doesn't add protocol-specific telemetry for TCP." },
        ],
    }
}

impl ServiceConnectSetAppProtocol {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(paired) = &doc.paired else { return };
        for (s, name, mapping) in tcp_service_connect_ports(doc, paired) {
            // A per-request timeout on a TCP port is per-request-timeout-not-tcp's error.
            if s.timeout()
                .and_then(|t| t.per_request_timeout_seconds())
                .is_some()
            {
                continue;
            }
            let d = out
                .report(
                    &Self::META,
                    name.range(),
                    format!("the port mapping `{}` has no `appProtocol`: Service Connect treats it as TCP", name.value()),
                )
                .help("set `appProtocol` (http, http2 or grpc) on the port mapping if the application speaks one of them");
            related_td(d, paired, opening(mapping.range()), "the port mapping");
        }
    }
}
