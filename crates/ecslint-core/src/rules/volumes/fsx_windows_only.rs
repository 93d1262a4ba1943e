use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an FSx for Windows File Server volume in a task definition that declares the
    /// Linux operating system.
    ///
    /// ## Why is this bad?
    /// FSx for Windows File Server volumes are supported for Windows containers only; a Linux
    /// task cannot mount them (use EFS, or FSx for NetApp ONTAP through the host). Not
    /// proven to be rejected at registration: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "runtimePlatform": { "operatingSystemFamily": "LINUX" },
    ///   "volumes": [{ "name": "share", "fsxWindowsFileServerVolumeConfiguration": {
    ///     "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "share",
    ///     "authorizationConfig": { "credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:fsx", "domain": "corp.example.com" } } }],
    ///   "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Use a Windows `operatingSystemFamily`, or another volume type (EFS) for Linux.
    pub FsxWindowsOnly {
        id: "fsx-windows-only",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html", note: "FSx for Windows File Server volumes are for Windows containers" }],
    }
}

impl FsxWindowsOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.linux {
            return;
        }
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for (_, v) in volumes.iter() {
            if let Some(fsx) = v.member("fsxWindowsFileServerVolumeConfiguration") {
                let name = v.name().map_or("?", |n| n.value());
                out.report(&Self::META, fsx.key.range, format!("volume `{name}` is an FSx for Windows File Server volume, and the task runs Linux"))
                    .help("FSx for Windows File Server volumes work with Windows containers only: use a Windows operatingSystemFamily, or an EFS volume for Linux");
            }
        }
    }
}
