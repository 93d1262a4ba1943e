use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `portName` that no port mapping name could have: not 1–64
    /// lowercase letters, digits, `_` and `-`, or starting with a hyphen. Runs without a
    /// paired task definition; with one, `service-connect-port-name-in-task-definition`
    /// checks the name itself.
    ///
    /// ## Why is this bad?
    /// `portName` must be the `name` of a port mapping, and port mapping names have this
    /// format. Whether the API refuses such a name is implied, not quoted: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "services": [{ "portName": "HTTP Port" }] } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceConnectConfiguration": { "enabled": true, "services": [{ "portName": "http" }] } }
    /// ```
    ///
    /// ## Fix
    /// Use the port mapping's name (rename both if needed).
    pub ServiceConnectPortNameFormat {
        id: "service-connect-port-name-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22018, 22018), quote: "The name can include up to 64 characters. The characters can include lowercase letters, numbers, underscores (`_`), and hyphens (`-`). The name can't start with a hyphen." },
            Source::ApiReference { lines: (22794, 22794), quote: "The portName must match the name of one of the portMappings from all the containers in the task definition of this Amazon ECS service." },
        ],
    }
}

impl ServiceConnectPortNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if doc.paired.is_some() {
            return;
        }
        for s in service_connect_services(doc) {
            let Some(name) = s.port_name() else { continue };
            let v = name.value();
            if is_placeholder(v) {
                continue;
            }
            let Some(problem) = name_problem(v, 64, false) else {
                continue;
            };
            let suggestion = name_suggestion(v, 64, false);
            let mut help =
                "port mapping names use lowercase letters, digits, `_` and `-`".to_owned();
            if !suggestion.is_empty() {
                help.push_str(&format!(
                    ": for example \"{suggestion}\" here and in the task definition"
                ));
            }
            out.report(
                &Self::META,
                name.range(),
                format!("the `portName` \"{v}\" {problem}, so no port mapping can have it"),
            )
            .help(help);
        }
    }
}
