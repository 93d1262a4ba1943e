use crate::rules::container::helpers::{describe_char, first_bad_name_char};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `links` entry that is not `name` or `name:alias`, each part being up to 255
    /// letters, digits, hyphens and underscores.
    ///
    /// ## Why is this bad?
    /// Links follow Docker's `name:alias` form. Extra colons, spaces or empty parts cannot be
    /// a container name or alias. No rejection message has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["mysql: db"] }, { "name": "mysql", "image": "mysql:8.4" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["mysql:db"] }, { "name": "mysql", "image": "mysql:8.4" }]
    /// ```
    ///
    /// ## Fix
    /// Write `container` or `container:alias` with no spaces.
    pub LinksFormat {
        id: "links-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19170, 19170), quote: "The name:internalName construct is analogous to name:alias in Docker links." },
        ],
    }
}

impl LinksFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(links) = c.links() else { continue };
            for link in links.values() {
                let s = link.value();
                if is_placeholder(s) {
                    continue;
                }
                let parts: Vec<&str> = s.split(':').collect();
                let problem = if parts.len() > 2 {
                    Some("has more than one `:`".to_owned())
                } else if parts.iter().any(|p| p.is_empty()) {
                    Some("has an empty name or alias".to_owned())
                } else if let Some(ch) = parts.iter().find_map(|p| first_bad_name_char(p)) {
                    Some(format!("contains {}", describe_char(ch)))
                } else if parts.iter().any(|p| p.len() > 255) {
                    Some("has a part longer than 255 characters".to_owned())
                } else {
                    None
                };
                if let Some(problem) = problem {
                    out.report(&Self::META, link.range(), format!("link `{s}` {problem}"))
                        .help("write container or container:alias, using letters, digits, hyphens and underscores");
                }
            }
        }
    }
}
