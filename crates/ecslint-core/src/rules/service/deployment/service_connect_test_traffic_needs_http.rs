use crate::rules::prelude::*;
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports Service Connect `testTrafficRules` on a service whose `portName` names a port
    /// mapping of the paired task definition without an HTTP `appProtocol` (`http`, `http2`,
    /// `grpc`).
    ///
    /// ## Why is this bad?
    /// Test traffic is recognised by an HTTP header, which the proxy reads only on ports it handles
    /// as HTTP. On a TCP port the rules never match, and no request reaches the new revision before
    /// production traffic does.
    ///
    /// ## Example
    /// ```json
    /// // taskdef: "portMappings": [{ "name": "api", "containerPort": 8080 }]
    /// ```
    /// Use instead: `"appProtocol": "http"` on that port mapping.
    ///
    /// ## Fix
    /// Set `appProtocol` on the task definition's port mapping.
    pub ServiceConnectTestTrafficNeedsHttp {
        id: "service-connect-test-traffic-needs-http",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-blue-green.html", note: "test traffic is routed by HTTP headers (x-amzn-ecs-blue-green-test by default, for HTTP-based protocols)" },
        ],
    }
}

impl ServiceConnectTestTrafficNeedsHttp {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(paired) = &doc.paired else { return };
        for s in service_connect_services(doc) {
            let Some(name) = s.port_name().filter(|n| known(n.value())) else {
                continue;
            };
            let Some(rules) = s
                .client_aliases()
                .into_iter()
                .flat_map(|l| l.values())
                .find_map(|a| a.member("testTrafficRules"))
            else {
                continue;
            };
            let Some((_, mapping)) = named_port_mapping(paired, name.value()) else {
                continue;
            };
            if mapping.get("appProtocol").is_some_and(|p| p.is_unknown()) {
                continue;
            }
            let protocol = mapping.get("appProtocol").and_then(|p| p.as_str());
            if protocol.is_some_and(|p| matches!(p, "http" | "http2" | "grpc") || is_placeholder(p))
            {
                continue;
            }
            let what = match protocol {
                Some(p) => format!("`appProtocol` {p}"),
                None => "no `appProtocol` (TCP)".to_owned(),
            };
            let d = out
                .report(&Self::META, rules.key.range, format!("test traffic rules match HTTP headers, but the port mapping `{}` has {what}", name.value()))
                .help("set \"appProtocol\" to http, http2 or grpc on the port mapping, or remove `testTrafficRules`");
            related_td(d, paired, opening(mapping.range()), "the port mapping");
        }
    }
}
