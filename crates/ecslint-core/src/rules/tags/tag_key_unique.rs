use crate::rules::first_seen::FirstSeen;
use crate::rules::prelude::*;
use crate::rules::tags::helpers::document_tags;

declare_rule! {
    /// ## What it does
    /// Reports a tag key that appears more than once (keys are case-sensitive: `Env` and
    /// `env` are different keys).
    ///
    /// ## Why is this bad?
    /// "Each tag key must be unique, and each tag key can have only one value." A repeated
    /// key is usually a copy-paste leftover with a different value, and only one can win.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "tags": [{ "key": "team", "value": "web" }, { "key": "team", "value": "platform" }], "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "tags": [{ "key": "team", "value": "web" }], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Keep one entry per key. The unsafe fix removes a later entry whose value repeats the
    /// first; entries with different values must be resolved by hand.
    pub TagKeyUnique {
        id: "tag-key-unique",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11940, 11940), quote: "For each resource, each tag key must be unique, and each tag key can have only one value." },
        ],
    }
}

impl TagKeyUnique {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(tags) = document_tags(doc) else {
            return;
        };
        let mut seen: FirstSeen<&'a str, (Str<'a>, Option<Str<'a>>)> = FirstSeen::new();
        for (i, tag) in tags.iter() {
            let Some(key) = tag.key() else {
                continue;
            };
            if is_placeholder(key.value()) {
                continue;
            }
            let value = tag.value();
            if let Some((first, first_value)) = seen.first_or_insert(key.value(), (key, value)) {
                let same = first_value.map(|v| v.value()) == value.map(|v| v.value());
                let d = out
                    .report(
                        &Self::META,
                        key.range(),
                        format!("the tag key `{}` is already used", key.value()),
                    )
                    .help(if same {
                        "remove this repeated tag".to_owned()
                    } else {
                        "keep one value for the key: a resource has one value per tag key"
                            .to_owned()
                    })
                    .related(first.range(), "first used here");
                if same {
                    let nodes = tags.nodes();
                    let start = nodes[i - 1].range.end;
                    d.fix(Fix::unsafe_(
                        "remove the repeated tag",
                        vec![Edit::delete(TextRange::new(start, nodes[i].range.end))],
                    ));
                }
            }
        }
    }
}
