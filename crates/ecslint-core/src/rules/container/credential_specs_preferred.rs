use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `credentialspec:` entry in `dockerSecurityOptions`, which `credentialSpecs`
    /// replaces.
    ///
    /// ## Why is this bad?
    /// `credentialSpecs` is the field ECS documents for Active Directory credential specs
    /// (gMSA), takes SSM and S3 ARNs, and supports domainless gMSA; the API reference
    /// recommends it over `dockerSecurityOptions`.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dockerSecurityOptions": ["credentialspec:arn:aws:s3:::specs/gmsa.json"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "credentialSpecs": ["credentialspec:arn:aws:s3:::specs/gmsa.json"] }]
    /// ```
    ///
    /// ## Fix
    /// Move the entry to `credentialSpecs`.
    pub CredentialSpecsPreferred {
        id: "credential-specs-preferred",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18950, 18950), quote: "We recommend that you use this parameter instead of the dockerSecurityOptions." },
        ],
    }
}

impl CredentialSpecsPreferred {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(options) = c.docker_security_options() else {
                continue;
            };
            for option in options.values() {
                if !option.value().starts_with("credentialspec:") {
                    continue;
                }
                out.report(
                    &Self::META,
                    option.range(),
                    "a credential spec in `dockerSecurityOptions`: ECS recommends `credentialSpecs`",
                )
                .help("move it to the container's \"credentialSpecs\" (at most one entry)");
            }
        }
    }
}
