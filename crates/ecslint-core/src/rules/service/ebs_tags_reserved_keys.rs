use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an EBS `tagSpecifications` tag whose key is `AmazonECSCreated` or
    /// `AmazonECSManaged`.
    ///
    /// ## Why is this bad?
    /// ECS sets these tags on the volumes it manages; they are reserved.
    ///
    /// ## Example
    /// ```json
    /// { "tagSpecifications": [{ "resourceType": "volume", "tags": [{ "key": "AmazonECSManaged", "value": "true" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "tagSpecifications": [{ "resourceType": "volume", "tags": [{ "key": "team", "value": "data" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Remove the tag or rename its key.
    pub EbsTagsReservedKeys {
        id: "ebs-tags-reserved-keys",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20392, 20392), quote: "AmazonECSCreated and AmazonECSManaged are reserved tags that can't be used." },
        ],
    }
}

impl EbsTagsReservedKeys {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let specs = v.tag_specifications().into_iter().flat_map(|l| l.values());
            for tag in specs.flat_map(|s| s.tags().into_iter().flat_map(|l| l.values())) {
                let Some(key) = tag.key() else { continue };
                if matches!(key.value(), "AmazonECSCreated" | "AmazonECSManaged") {
                    out.report(
                        &Self::META,
                        key.range(),
                        format!("the tag key `{}` is reserved for ECS", key.value()),
                    )
                    .help("remove the tag, or use another key");
                }
            }
        }
    }
}
