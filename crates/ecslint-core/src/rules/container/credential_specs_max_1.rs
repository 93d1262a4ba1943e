use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container whose `credentialSpecs` holds more than one entry.
    ///
    /// ## Why is this bad?
    /// A container joins Active Directory with one credential spec (gMSA); the API allows at
    /// most one ARN.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "credentialSpecs": [
    ///    "credentialspec:arn:aws:s3:::specs/a.json", "credentialspec:arn:aws:s3:::specs/b.json"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "credentialSpecs": ["credentialspec:arn:aws:s3:::specs/a.json"] }]
    /// ```
    ///
    /// ## Fix
    /// Keep the one credential spec the container needs.
    pub CredentialSpecsMax1 {
        id: "credential-specs-max-1",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18950, 18950), quote: "The maximum number of ARNs is 1." },
        ],
    }
}

impl CredentialSpecsMax1 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(m) = c.member("credentialSpecs") else {
                continue;
            };
            let Some(items) = m.value.as_array() else {
                continue;
            };
            if items.len() > 1 {
                out.report(
                    &Self::META,
                    items[1].range,
                    format!(
                        "`credentialSpecs` has {} entries; at most one is allowed",
                        items.len()
                    ),
                )
                .help("keep the single credential spec (gMSA) the container uses");
            }
        }
    }
}
