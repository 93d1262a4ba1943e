use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container with more than ten `environmentFiles`.
    ///
    /// ## Why is this bad?
    /// The API allows up to ten environment files per container.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "environmentFiles": [
    ///    { "type": "s3", "value": "arn:aws:s3:::cfg/1.env" }, "… eleven in all …" ] }]
    /// ```
    /// Use instead: merge files so that at most ten remain.
    ///
    /// ## Fix
    /// Merge some files: variables are plain `NAME=value` lines, so files concatenate.
    pub EnvironmentFilesMax10 {
        id: "environment-files-max-10",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19088, 19088), quote: "You can specify up to ten environment files." },
        ],
    }
}

impl EnvironmentFilesMax10 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(m) = c.member("environmentFiles") else {
                continue;
            };
            let Some(items) = m.value.as_array() else {
                continue;
            };
            if items.len() > 10 {
                out.report(
                    &Self::META,
                    m.key.range,
                    format!(
                        "container has {} environment files; at most 10 are allowed",
                        items.len()
                    ),
                )
                .help("merge some of the files (each is a list of NAME=value lines)")
                .related(items[10].range, "the eleventh file");
            }
        }
    }
}
