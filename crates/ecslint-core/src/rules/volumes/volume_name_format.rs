use crate::rules::container::helpers::{describe_char, first_bad_name_char};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a volume `name` longer than 255 characters or with characters other than
    /// letters, digits, hyphens and underscores.
    ///
    /// ## Why is this bad?
    /// The API allows only those characters in volume names.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "app.data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "app-data" }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    ///
    /// ## Fix
    /// Use only `A-Z a-z 0-9 _ -` and update the mount points that use the volume.
    pub VolumeNameFormat {
        id: "volume-name-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24911, 24911), quote: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." },
        ],
    }
}

impl VolumeNameFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(name) = v.name() else { continue };
            let s = name.value();
            if is_placeholder(s) {
                continue;
            }
            if s.is_empty() {
                out.report(&Self::META, name.range(), "volume name is empty")
                    .help("name the volume with letters, digits, hyphens and underscores");
            } else if let Some(ch) = first_bad_name_char(s) {
                out.report(
                    &Self::META,
                    name.range(),
                    format!("volume name `{s}` contains {}", describe_char(ch)),
                )
                .help("use only letters, digits, hyphens and underscores");
            } else if s.len() > 255 {
                out.report(
                    &Self::META,
                    name.range(),
                    format!("volume name is {} characters long, more than 255", s.len()),
                )
                .help("shorten the name to at most 255 characters");
            }
        }
    }
}
