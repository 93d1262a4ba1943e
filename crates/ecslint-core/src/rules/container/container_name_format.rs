use crate::rules::container::helpers::{describe_char, first_bad_name_char};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `name` longer than 255 characters or with characters other than
    /// letters, digits, hyphens and underscores.
    ///
    /// ## Why is this bad?
    /// RegisterTaskDefinition rejects it with "ClientException: Container.name contains
    /// invalid characters.". Spaces and dots are the usual culprits.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "my app", "image": "app:1" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "my-app", "image": "app:1" }]
    /// ```
    ///
    /// ## Fix
    /// Use only `A-Z a-z 0-9 _ -`, at most 255 characters, and update the references to the
    /// container.
    pub ContainerNameFormat {
        id: "container-name-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19264, 19264), quote: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." },
            Source::ErrorMessage { text: "ClientException: Container.name contains invalid characters.", seen_in: "ansible/ansible#22860" },
        ],
    }
}

impl ContainerNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(name) = c.name() else { continue };
            let s = name.value();
            if s.is_empty() || is_placeholder(s) {
                continue;
            }
            if let Some(ch) = first_bad_name_char(s) {
                out.report(
                    &Self::META,
                    name.range(),
                    format!("container name `{s}` contains {}", describe_char(ch)),
                )
                .help("use only letters, digits, hyphens and underscores");
            } else if s.len() > 255 {
                out.report(
                    &Self::META,
                    name.range(),
                    format!(
                        "container name is {} characters long, more than 255",
                        s.len()
                    ),
                )
                .help("shorten the name to at most 255 characters");
            }
        }
    }
}
