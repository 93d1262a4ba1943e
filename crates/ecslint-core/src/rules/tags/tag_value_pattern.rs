use crate::rules::prelude::*;
use crate::rules::tags::helpers::{document_tags, show_char, tag_char};
use crate::rules::task::helpers::and_list;

declare_rule! {
    /// ## What it does
    /// Reports a tag value with characters other than letters, numbers, spaces and
    /// `_ . : / = + - @`.
    ///
    /// ## Why is this bad?
    /// The reference gives tag values the pattern `^([\p{L}\p{Z}\p{N}_.:/-@]*)$`, which,
    /// read literally, allows the range `/` to `@` (digits and `: ; < = > ? @`) but not `+`,
    /// unlike the key pattern and the prose ("+ - = . _ : / @"). This rule accepts both
    /// readings (the key characters plus `; < > ?`) and, because the pattern is ambiguous,
    /// reports the rest as a warning. Template placeholders are skipped.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "owner", "value": "web, platform" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "owner", "value": "web/platform" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Replace the other characters, for example with `/`, `-` or a space.
    pub TagValuePattern {
        id: "tag-value-pattern",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23413, 23413), quote: "Pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/-@]*)$" },
            Source::ApiReference { lines: (11943, 11943), quote: "Generally allowed characters are: letters, numbers, and spaces representable in UTF-8, and the following characters: + - = . _ : / @." },
        ],
    }
}

impl TagValuePattern {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        for value in tags.values().filter_map(|t| t.value()) {
            let v = value.value();
            if is_placeholder(v) {
                continue;
            }
            let mut bad: Vec<char> = v
                .chars()
                .filter(|c| !tag_char(*c) && !";<>?".contains(*c))
                .collect();
            bad.dedup();
            if bad.is_empty() {
                continue;
            }
            let shown: Vec<String> = bad.iter().take(5).map(|c| show_char(*c)).collect();
            out.report(
                &Self::META,
                value.range(),
                format!(
                    "the tag value contains {}, which tag values cannot hold",
                    and_list(&shown)
                ),
            )
            .help("use letters, numbers, spaces and _ . : / = + - @");
        }
    }
}
