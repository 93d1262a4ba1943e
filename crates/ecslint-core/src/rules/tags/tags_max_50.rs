use crate::rules::prelude::*;
use crate::rules::tags::helpers::document_tags;

declare_rule! {
    /// ## What it does
    /// Reports more than 50 tags on a task definition or a service.
    ///
    /// ## Why is this bad?
    /// A resource takes at most 50 tags, and the request's `tags` array at most 50 entries.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [ "… 51 tags …" ], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [ "… at most 50 tags …" ], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Drop tags nobody filters or bills by, or merge related ones into one value.
    pub TagsMax50 {
        id: "tags-max-50",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11949, 11949), quote: "Array Members: Minimum number of 0 items. Maximum number of 50 items." },
            Source::Botocore { shape: "Tags" },
        ],
    }
}

impl TagsMax50 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        let nodes = tags.nodes();
        if nodes.len() > 50 {
            out.report(
                &Self::META,
                opening(nodes[50].range),
                format!(
                    "there are {} tags; a resource takes at most 50",
                    nodes.len()
                ),
            )
            .help(match nodes.len() - 50 {
                1 => "remove one tag".to_owned(),
                n => format!("remove {n} tags"),
            });
        }
    }
}
