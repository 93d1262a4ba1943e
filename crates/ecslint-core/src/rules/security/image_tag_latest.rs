use crate::rules::container::helpers::{image_has_digest, image_tag};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `image` with no tag (which means `latest`) or with the `latest` tag, unless
    /// it is pinned by digest.
    ///
    /// Covers: image-updates-not-propagated
    ///
    /// ## Why is this bad?
    /// ECS pulls the tag when each task starts, and later pushes to a mutable tag are not
    /// propagated to running tasks: tasks of one service end up running different code, a
    /// rollback to the previous task definition does not roll back the image, and what runs
    /// cannot be audited.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27.3" }]
    /// ```
    ///
    /// ## Fix
    /// Use an immutable version tag (a release number or commit SHA) or pin the digest
    /// (`image@sha256:…`).
    pub ImageTagLatest {
        id: "image-tag-latest",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19150, 19150), quote: "subsequent updates to a repository image aren't propagated to already running tasks." },
        ],
    }
}

impl ImageTagLatest {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(image) = c.image() else { continue };
            let s = image.value();
            if s.trim().is_empty() || is_placeholder(s) || image_has_digest(s) {
                continue;
            }
            let message = match image_tag(s) {
                None => format!("image `{s}` has no tag, so it means `latest`"),
                Some("latest") => format!("image `{s}` uses the mutable `latest` tag"),
                Some(_) => continue,
            };
            out.report(&Self::META, image.range(), message)
                .help("use an immutable version tag or pin the digest (image@sha256:…) so that every task runs the same image");
        }
    }
}
