use crate::rules::container::helpers::{classify_secret_ref, SecretRef};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an FSx for Windows File Server `authorizationConfig.credentialsParameter` that
    /// is not the ARN of a Secrets Manager secret or of an SSM parameter.
    ///
    /// ## Why is this bad?
    /// ECS reads the domain user's credentials through that ARN to mount the share; a name,
    /// another service's ARN or a malformed ARN cannot be resolved and the task fails to
    /// start. No rejection at registration has been seen, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "share", "fsxWindowsFileServerVolumeConfiguration": {
    ///     "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "share",
    ///     "authorizationConfig": { "credentialsParameter": "fsx-credentials", "domain": "corp.example.com" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `"credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:fsx-credentials-AbCdEf"`.
    ///
    /// ## Fix
    /// Give the full ARN of the secret or parameter.
    pub FsxCredentialsParameterArn {
        id: "fsx-credentials-parameter-arn",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20776, 20776), quote: "either the Amazon Resource Name (ARN) of an AWS Secrets Manager secret or SSM Parameter Store parameter." },
        ],
    }
}

impl FsxCredentialsParameterArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(p) = v
                .fsx_windows_file_server_volume_configuration()
                .and_then(|f| f.authorization_config())
                .and_then(|a| a.credentials_parameter())
            else {
                continue;
            };
            if is_placeholder(p.value()) {
                continue;
            }
            if matches!(
                classify_secret_ref(p.value()),
                Ok(SecretRef::SsmArn | SecretRef::SecretsManagerArn)
            ) {
                continue;
            }
            out.report(&Self::META, p.range(), format!("`credentialsParameter` `{}` is not the ARN of a Secrets Manager secret or an SSM parameter", p.value()))
                .help("use arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME or arn:aws:ssm:REGION:ACCOUNT:parameter/NAME");
        }
    }
}
