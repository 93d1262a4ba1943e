use crate::rules::prelude::*;
use crate::rules::tags::helpers::document_tags;

declare_rule! {
    /// ## What it does
    /// Reports a tag without a key, with an empty key, or with a key longer than 128
    /// characters.
    ///
    /// ## Why is this bad?
    /// Tag keys are 1 to 128 Unicode characters long.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "", "value": "web" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "team", "value": "web" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Give every tag a key of at most 128 characters; put long text in the value (up to 256).
    pub TagKeyLength {
        id: "tag-key-length",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23399, 23399), quote: "Length Constraints: Minimum length of 1. Maximum length of 128." },
            Source::Botocore { shape: "Tag" },
        ],
    }
}

impl TagKeyLength {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        for tag in tags.values() {
            match tag.key() {
                None if tag.member("key").is_none() => {
                    out.report(&Self::META, opening(tag.range()), "the tag has no `key`")
                        .help("add \"key\": a tag key is 1 to 128 characters");
                }
                None => {}
                Some(key) if key.value().is_empty() => {
                    out.report(&Self::META, key.range(), "the tag key is empty")
                        .help("a tag key is 1 to 128 characters");
                }
                Some(key) => {
                    let n = key.value().chars().count();
                    if n > 128 && !is_placeholder(key.value()) {
                        out.report(&Self::META, key.range(), format!("the tag key is {n} characters long; the limit is 128"))
                            .help("shorten the key, and put long text in the value (up to 256 characters)");
                    }
                }
            }
        }
    }
}
