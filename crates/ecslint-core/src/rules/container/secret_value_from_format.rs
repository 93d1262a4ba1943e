use crate::rules::container::helpers::{classify_secret_ref, SecretRefError};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `secrets[].valueFrom` or `logConfiguration.secretOptions[].valueFrom` that is
    /// neither the ARN of an SSM Parameter Store parameter, the ARN of a Secrets Manager
    /// secret (optionally followed by `:json-key:version-stage:version-id`), nor an SSM
    /// parameter name.
    ///
    /// ## Why is this bad?
    /// ECS resolves `valueFrom` when the task starts. An ARN of another service (an S3 object,
    /// a KMS key), a malformed ARN or a string with spaces cannot be resolved, and the task
    /// fails to start with a ResourceInitializationError. The API reference states the
    /// forms but no rejection at registration has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:db-password" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db-password" }] }]
    /// ```
    ///
    /// ## Fix
    /// Use `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`,
    /// `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:json-key:version-stage:version-id]`,
    /// or the name of an SSM parameter in the task's Region. A bare name always means an SSM
    /// parameter, never a Secrets Manager secret.
    pub SecretValueFromFormat {
        id: "secret-value-from-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22361, 22361), quote: "either the full ARN of the AWS Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html", note: "valueFrom may be arn:aws:secretsmanager:region:aws_account_id:secret:secret-name:json-key:version-stage:version-id" },
        ],
    }
}

impl SecretValueFromFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let lists = [
                c.secrets(),
                c.log_configuration().and_then(|l| l.secret_options()),
            ];
            for list in lists.into_iter().flatten() {
                for secret in list.values() {
                    let Some(v) = secret.value_from() else {
                        continue;
                    };
                    let s = v.value();
                    if is_placeholder(s) {
                        continue;
                    }
                    let error = match classify_secret_ref(s) {
                        Ok(_) => continue,
                        Err(error) => error,
                    };
                    let who = secret.name().map_or_else(
                        || "a secret".to_owned(),
                        |n| format!("secret `{}`", n.value()),
                    );
                    let (message, help) = match error {
                        SecretRefError::OtherService(service) => (
                            format!("{who} reads from an `{service}` ARN; ECS reads secrets only from SSM Parameter Store or Secrets Manager"),
                            "use the ARN of an SSM parameter (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) or of a Secrets Manager secret (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)".to_owned(),
                        ),
                        SecretRefError::Malformed(why) => (format!("{who} has a malformed `valueFrom` ARN"), why.to_owned()),
                        SecretRefError::NotAName => (
                            format!("{who} has a `valueFrom` that is neither an ARN nor an SSM parameter name"),
                            "an SSM parameter name has only letters, digits and _ . - /; otherwise use the full ARN".to_owned(),
                        ),
                    };
                    out.report(&Self::META, v.range(), message).help(help);
                }
            }
        }
    }
}
