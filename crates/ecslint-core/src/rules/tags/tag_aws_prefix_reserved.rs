use crate::rules::prelude::*;
use crate::rules::tags::helpers::document_tags;

declare_rule! {
    /// ## What it does
    /// Reports a tag key or value that starts with `aws:` in any letter case, on a task
    /// definition or a service.
    ///
    /// Covers: tag-aws-prefix-reserved-key, tag-aws-prefix-reserved-value.
    ///
    /// ## Why is this bad?
    /// The `aws:` prefix is reserved for tags AWS applies itself (`aws:cloudformation:…`).
    /// Such tags cannot be set, edited or deleted by users. Tags copied from
    /// DescribeTaskDefinition or `list-tags-for-resource` output often carry them. The
    /// reference does not name the error, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "aws:cloudformation:stack-name", "value": "web" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "stack-name", "value": "web" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Remove tags that AWS manages, or rename the key.
    pub TagAwsPrefixReserved {
        id: "tag-aws-prefix-reserved",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11945, 11945), quote: "Do not use aws :, AWS :, or any upper or lowercase combination of such as a prefix for either keys or values as it is reserved for AWS use." },
        ],
    }
}

impl TagAwsPrefixReserved {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        for tag in tags.values() {
            for (what, s) in [("key", tag.key()), ("value", tag.value())] {
                let Some(s) = s else {
                    continue;
                };
                let v = s.value();
                if v.len() >= 4 && v.is_char_boundary(4) && v[..4].eq_ignore_ascii_case("aws:") {
                    out.report(&Self::META, s.range(), format!("the tag {what} `{v}` starts with `{}`, a prefix reserved for AWS", &v[..4]))
                        .help("remove tags that AWS manages (they are copied from describe output), or rename the tag");
                }
            }
        }
    }
}
