use crate::rules::container::environment_file_value_s3_arn::s3_object;
use crate::rules::container::helpers::parse_arn;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `credentialSpecs` entry that is not `credentialspec:ARN` or
    /// `credentialspecdomainless:ARN`, where the ARN is that of an SSM parameter or an S3
    /// object.
    ///
    /// ## Why is this bad?
    /// ECS reads the gMSA credential spec from SSM or S3 through that ARN when the task
    /// starts; any other shape cannot be resolved and the task fails. No rejection at
    /// registration has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "credentialSpecs": ["arn:aws:s3:::specs/gmsa.json"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "credentialSpecs": ["credentialspec:arn:aws:s3:::specs/gmsa.json"] }]
    /// ```
    ///
    /// ## Fix
    /// Prefix the ARN with `credentialspec:` (domain-joined hosts) or
    /// `credentialspecdomainless:` (domainless gMSA).
    pub CredentialSpecsFormat {
        id: "credential-specs-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18968, 18968), quote: "In both formats, replace MyARN with the ARN in SSM or Amazon S3." },
        ],
    }
}

impl CredentialSpecsFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(specs) = c.credential_specs() else {
                continue;
            };
            for spec in specs.values() {
                let s = spec.value();
                if is_placeholder(s) {
                    continue;
                }
                let arn = s
                    .strip_prefix("credentialspecdomainless:")
                    .or_else(|| s.strip_prefix("credentialspec:"));
                let message = match arn {
                    None => "credential spec must start with `credentialspec:` or `credentialspecdomainless:`".to_owned(),
                    Some(a) if s3_object(a).is_some() => continue,
                    Some(a) if parse_arn(a).is_some_and(|p| p.service == "ssm" && p.resource.starts_with("parameter/")) => continue,
                    Some(a) => format!("credential spec `{a}` is not the ARN of an SSM parameter or an S3 object"),
                };
                out.report(&Self::META, spec.range(), message)
                    .help("write credentialspec:ARN or credentialspecdomainless:ARN, with the ARN of an SSM parameter or an S3 object");
            }
        }
    }
}
