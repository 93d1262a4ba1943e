use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect service with more than one `clientAliases` entry.
    ///
    /// ## Why is this bad?
    /// Each Service Connect service takes at most 1 client alias.
    ///
    /// ## Example
    /// ```json
    /// { "services": [{ "portName": "http", "clientAliases": [{ "port": 80 }, { "port": 8080 }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "services": [{ "portName": "http", "clientAliases": [{ "port": 80 }] }] }
    /// ```
    ///
    /// ## Fix
    /// Keep one alias; expose another port as another `services` entry with its own `portName`.
    pub ServiceConnectClientAliasesMax1 {
        id: "service-connect-client-aliases-max-1",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22802, 22802), quote: "The maximum number of client aliases that you can have in this list is 1." },
        ],
    }
}

impl ServiceConnectClientAliasesMax1 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for s in service_connect_services(doc) {
            let Some(list) = s.client_aliases() else {
                continue;
            };
            let nodes = list.nodes();
            if nodes.len() > 1 {
                out.report(
                    &Self::META,
                    opening(nodes[1].range),
                    format!(
                        "there are {} client aliases; a Service Connect service takes at most 1",
                        nodes.len()
                    ),
                )
                .help("keep one alias; expose another port mapping as another `services` entry");
            }
        }
    }
}
