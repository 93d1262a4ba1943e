use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an FSx for Windows File Server `authorizationConfig.domain` that is not a
    /// fully qualified domain name (no dot, such as a NetBIOS name `CORP`).
    ///
    /// ## Why is this bad?
    /// The share is mounted by joining the Active Directory domain by its DNS name; a short
    /// name usually fails to resolve.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "volumes": [{ "name": "share", "fsxWindowsFileServerVolumeConfiguration": {
    ///     "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "share",
    ///     "authorizationConfig": { "credentialsParameter": "arn:aws:ssm:us-east-1:123456789012:parameter/fsx", "domain": "CORP" } } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `"domain": "corp.example.com"`.
    ///
    /// ## Fix
    /// Use the directory's fully qualified DNS name.
    pub FsxDomainFqdn {
        id: "fsx-domain-fqdn",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20784, 20784), quote: "A fully qualified domain name hosted by an AWS Directory Service Managed Microsoft AD (Active Directory) or self-hosted AD on Amazon EC2." },
        ],
    }
}

impl FsxDomainFqdn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(domain) = v
                .fsx_windows_file_server_volume_configuration()
                .and_then(|f| f.authorization_config())
                .and_then(|a| a.domain())
            else {
                continue;
            };
            let s = domain.value().trim_end_matches('.');
            if is_placeholder(s) || (s.contains('.') && !s.starts_with('.')) {
                continue;
            }
            out.report(
                &Self::META,
                domain.range(),
                format!(
                    "domain `{}` is not a fully qualified domain name",
                    domain.value()
                ),
            )
            .help("use the Active Directory's DNS name, such as corp.example.com");
        }
    }
}
