use crate::rules::prelude::*;
use crate::rules::tags::helpers::{document_tags, show_char, tag_char};
use crate::rules::task::helpers::and_list;

declare_rule! {
    /// ## What it does
    /// Reports a tag key with characters other than letters, numbers, spaces and
    /// `_ . : / = + - @`.
    ///
    /// ## Why is this bad?
    /// Tag keys must match `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`: Unicode letters, separators and
    /// numbers, and those six symbols. Commas, quotes, `#`, `*`, `&`, parentheses and
    /// control characters are refused. Template placeholders are skipped.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "cost#center", "value": "42" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "cost-center", "value": "42" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Replace the other characters, for example with `-` or `_`.
    pub TagKeyPattern {
        id: "tag-key-pattern",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23401, 23401), quote: "Pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@\\\"]*)$" },
        ],
    }
}

impl TagKeyPattern {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        for key in tags.values().filter_map(|t| t.key()) {
            let k = key.value();
            if is_placeholder(k) {
                continue;
            }
            let mut bad: Vec<char> = k.chars().filter(|c| !tag_char(*c)).collect();
            bad.dedup();
            if bad.is_empty() {
                continue;
            }
            let shown: Vec<String> = bad.iter().take(5).map(|c| show_char(*c)).collect();
            out.report(
                &Self::META,
                key.range(),
                format!(
                    "the tag key `{k}` contains {}, which tag keys cannot hold",
                    and_list(&shown)
                ),
            )
            .help("use letters, numbers, spaces and _ . : / = + - @");
        }
    }
}
