use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a port mapping `name` that is not 1–64 lowercase letters, digits, underscores
    /// and hyphens, starting with something other than a hyphen.
    ///
    /// ## Why is this bad?
    /// The name is how Service Connect and a service's `serviceConnectConfiguration` refer to
    /// the port; the API reference restricts its characters. The rejection is implied, not
    /// quoted, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "memory": 256,
    ///    "portMappings": [{ "name": "HTTP Port", "containerPort": 80 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "memory": 256,
    ///    "portMappings": [{ "name": "http", "containerPort": 80 }] }]
    /// ```
    ///
    /// ## Fix
    /// Lowercase the name and replace other characters with hyphens (the service's
    /// `portName` must be changed to match).
    pub PortMappingNameFormat {
        id: "port-mapping-name-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (22018, 22018), quote: "The characters can include lowercase letters, numbers, underscores (_), and hyphens (-). The name can't start with a hyphen." }],
    }
}

impl PortMappingNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let Some(name) = m.name() else { continue };
                let s = name.value();
                if is_placeholder(s) {
                    continue;
                }
                let valid_char =
                    |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-';
                let problem = if s.is_empty() || s.len() > 64 {
                    Some("must be 1 to 64 characters")
                } else if s.starts_with('-') {
                    Some("can't start with a hyphen")
                } else if !s.bytes().all(valid_char) {
                    Some("may hold only lowercase letters, digits, underscores and hyphens")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    let suggestion: String = s
                        .to_ascii_lowercase()
                        .chars()
                        .map(|ch| {
                            if ch.is_ascii_alphanumeric() || ch == '_' || ch == '-' {
                                ch
                            } else {
                                '-'
                            }
                        })
                        .collect::<String>()
                        .trim_start_matches('-')
                        .chars()
                        .take(64)
                        .collect();
                    let mut help = "use lowercase letters, digits, `_` and `-`".to_owned();
                    if !suggestion.is_empty() {
                        help.push_str(&format!(
                            ", such as \"{suggestion}\" (and the same `portName` in the service)"
                        ));
                    }
                    out.report(
                        &Self::META,
                        name.range(),
                        format!(
                            "the port mapping name \"{s}\" of {} {problem}",
                            container_label(i, c)
                        ),
                    )
                    .help(help);
                }
            }
        }
    }
}
