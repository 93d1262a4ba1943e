use crate::rules::container::helpers::{
    classify_secret_ref, is_secret_name, SecretRef, SecretRefError,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `repositoryCredentials.credentialsParameter` that is neither the ARN nor the
    /// name of a Secrets Manager secret.
    ///
    /// ## Why is this bad?
    /// Private registry credentials are read from a Secrets Manager secret (with `username`
    /// and `password` keys). An SSM parameter ARN or any other ARN cannot be used, so the
    /// image pull fails and the task does not start. No rejection at registration has been
    /// seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "registry.example.com/app:1",
    ///    "repositoryCredentials": { "credentialsParameter": "arn:aws:ssm:us-east-1:123456789012:parameter/registry" } }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "registry.example.com/app:1",
    ///    "repositoryCredentials": { "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-AbCdEf" } }]
    /// ```
    ///
    /// ## Fix
    /// Store the credentials in Secrets Manager and give the secret's ARN (or its name, when
    /// it is in the task's Region and registered through the API).
    pub RepositoryCredentialsArnOrName {
        id: "repository-credentials-arn-or-name",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22148, 22148), quote: "you can use either the full ARN or the name of the secret." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html", note: "private registry authentication uses a Secrets Manager secret" },
        ],
    }
}

impl RepositoryCredentialsArnOrName {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(p) = c
                .repository_credentials()
                .and_then(|r| r.credentials_parameter())
            else {
                continue;
            };
            let s = p.value();
            if is_placeholder(s) {
                continue;
            }
            let message = match classify_secret_ref(s) {
                _ if s.trim().is_empty() => "`credentialsParameter` is empty: it names no secret, so the image cannot be pulled with these credentials".to_owned(),
                Ok(SecretRef::SecretsManagerArn) => continue,
                Ok(SecretRef::Name) if is_secret_name(s) => continue,
                Ok(SecretRef::SsmArn) => "`credentialsParameter` is an SSM parameter ARN; registry credentials must be a Secrets Manager secret".to_owned(),
                Err(SecretRefError::OtherService(service)) => format!("`credentialsParameter` is an `{service}` ARN; registry credentials must be a Secrets Manager secret"),
                Err(SecretRefError::Malformed(why)) => format!("`credentialsParameter` is a malformed ARN: {why}"),
                Ok(SecretRef::Name) | Err(SecretRefError::NotAName) => "`credentialsParameter` is neither an ARN nor a valid secret name".to_owned(),
            };
            out.report(&Self::META, p.range(), message)
                .help("use the ARN of a Secrets Manager secret holding `username` and `password` (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)");
        }
    }
}
