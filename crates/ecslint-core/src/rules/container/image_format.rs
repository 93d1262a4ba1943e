use crate::rules::container::helpers::describe_char;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `image` longer than 255 characters or with a character the API does not
    /// allow: only letters, digits, `-`, `_`, `:`, `.`, `/`, `#` and the `@` of a digest.
    ///
    /// ## Why is this bad?
    /// RegisterTaskDefinition validates the characters of the image reference. Spaces,
    /// quotes and stray template syntax (a `$` left by an unrendered variable is reported
    /// only when it is not a recognised placeholder) make the request fail.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx: 1.27" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27" }]
    /// ```
    ///
    /// ## Fix
    /// Write the reference as `registry/repository:tag` or `registry/repository@sha256:digest`
    /// without spaces. The seed's character list omits `@`, which every digest reference
    /// needs; it is accepted.
    pub ImageFormat {
        id: "image-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19148, 19148), quote: "Up to 255 letters (uppercase and lowercase), numbers, hyphens, underscores, colons, periods, forward slashes, and number signs are allowed." },
            Source::ApiReference { lines: (19148, 19148), quote: "repository-url/image@digest" },
        ],
    }
}

impl ImageFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(image) = c.image() else { continue };
            let s = image.value();
            if s.trim().is_empty() || is_placeholder(s) {
                continue;
            }
            let bad = s.chars().find(|ch| {
                !(ch.is_ascii_alphanumeric()
                    || matches!(ch, '-' | '_' | ':' | '.' | '/' | '#' | '@'))
            });
            if let Some(ch) = bad {
                out.report(&Self::META, image.range(), format!("image `{s}` contains {}", describe_char(ch)))
                    .help("an image reference has only letters, digits and - _ : . / # @, as in registry/repository:tag");
            } else if s.chars().count() > 255 {
                out.report(
                    &Self::META,
                    image.range(),
                    format!(
                        "image reference is {} characters long, more than 255",
                        s.chars().count()
                    ),
                )
                .help(
                    "the API accepts at most 255 characters; use a shorter repository name or tag",
                );
            }
        }
    }
}
