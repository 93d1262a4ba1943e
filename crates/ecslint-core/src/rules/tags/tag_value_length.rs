use crate::rules::prelude::*;
use crate::rules::tags::helpers::document_tags;

declare_rule! {
    /// ## What it does
    /// Reports a tag value longer than 256 characters.
    ///
    /// ## Why is this bad?
    /// Tag values are 0 to 256 Unicode characters long.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "description", "value": "… 300 characters …" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "description", "value": "… at most 256 characters …" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Shorten the value, or point to the text (a URL) instead of holding it.
    pub TagValueLength {
        id: "tag-value-length",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23411, 23411), quote: "Length Constraints: Minimum length of 0. Maximum length of 256." },
            Source::Botocore { shape: "Tag" },
        ],
    }
}

impl TagValueLength {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        for value in tags.values().filter_map(|t| t.value()) {
            let n = value.value().chars().count();
            if n > 256 && !is_placeholder(value.value()) {
                out.report(
                    &Self::META,
                    value.range(),
                    format!("the tag value is {n} characters long; the limit is 256"),
                )
                .help("shorten the value, or hold a link to the text instead");
            }
        }
    }
}
