use crate::rules::container::environment_file_value_s3_arn::s3_object;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an environment file (an S3 object ARN in `environmentFiles[].value`) whose key
    /// does not end in `.env`.
    ///
    /// ## Why is this bad?
    /// The API reference requires the `.env` extension for environment files. No rejection
    /// at registration has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::config-bucket/app.properties" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "environmentFiles": [{ "type": "s3", "value": "arn:aws:s3:::config-bucket/app.env" }] }]
    /// ```
    ///
    /// ## Fix
    /// Rename the S3 object so that its key ends in `.env`, and update the ARN.
    pub EnvironmentFilesEnvExtension {
        id: "environment-files-env-extension",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20506, 20506), quote: "The file must have a .env file extension." },
        ],
    }
}

impl EnvironmentFilesEnvExtension {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(files) = c.environment_files() else {
                continue;
            };
            for f in files.values() {
                let Some(v) = f.value() else { continue };
                if is_placeholder(v.value()) {
                    continue;
                }
                let Some((_, key)) = s3_object(v.value()) else {
                    continue;
                };
                if !key.ends_with(".env") {
                    out.report(
                        &Self::META,
                        v.range(),
                        format!("environment file `{key}` does not have the `.env` extension"),
                    )
                    .help("rename the S3 object so that its key ends in .env");
                }
            }
        }
    }
}
