use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a Docker volume `driver` other than `local` in a task definition for Windows.
    ///
    /// ## Why is this bad?
    /// Windows containers support only the `local` Docker volume driver; a third-party driver
    /// fails when the task starts.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "volumes": [{ "name": "data", "dockerVolumeConfiguration": { "driver": "rexray/ebs" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `"driver": "local"`, or an FSx for Windows File Server volume.
    ///
    /// ## Fix
    /// Use the `local` driver, or `fsxWindowsFileServerVolumeConfiguration` for shared data.
    pub DockerVolumeWindowsLocalDriver {
        id: "docker-volume-windows-local-driver",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (20305, 20305), quote: "Windows containers only support the use of the local driver." },
        ],
    }
}

impl DockerVolumeWindowsLocalDriver {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.windows {
            return;
        }
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        for v in volumes.values() {
            let Some(driver) = v.docker_volume_configuration().and_then(|d| d.driver()) else {
                continue;
            };
            if driver.value() == "local" || is_placeholder(driver.value()) {
                continue;
            }
            out.report(&Self::META, driver.range(), format!("Windows containers support only the `local` volume driver, not `{}`", driver.value()))
                .help("use \"driver\": \"local\", or an FSx for Windows File Server volume for shared data");
        }
    }
}
