use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a Windows container on EC2 without a `cpu` value (or with `"cpu": 0`).
    ///
    /// ## Why is this bad?
    /// On Windows, container `cpu` is an absolute limit, not a share. No value or 0 is passed
    /// to Docker as 0, which Windows runs as 1% of one CPU. Task-level cpu does not help:
    /// Windows ignores it on EC2. (On Fargate the task size applies, so this is not reported
    /// there.)
    ///
    /// ## Example
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["EC2"],
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "iis", "requiresCompatibilities": ["EC2"],
    ///   "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048, "cpu": 1024 }] }
    /// ```
    ///
    /// ## Fix
    /// Set `cpu` on each Windows container to the CPU units it may use (1024 per vCPU).
    pub ContainerCpuWindowsAbsolute {
        id: "container-cpu-windows-absolute",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18942, 18942), quote: "A null or zero CPU value is passed to Docker as 0, which Windows interprets as 1% of one CPU." },
        ],
    }
}

impl ContainerCpuWindowsAbsolute {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.windows || doc.facts.fargate || doc.facts.launch_type_unknown {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            let anchor = match c.member("cpu") {
                None => c.member("name").map_or(opening(c.range()), |m| m.key.range),
                Some(m) if m.value.as_number().and_then(|n| n.as_i64()) == Some(0) => m.value.range,
                Some(_) => continue,
            };
            out.report(&Self::META, anchor, format!("{} has no `cpu`, and Windows runs such a container with 1% of one CPU", container_label(i, c)))
                .help("set \"cpu\" on the container: on Windows it is an absolute limit in CPU units (1024 = 1 vCPU)")
                .pointer(format!("{}/containerDefinitions/{i}/cpu", doc.task_pointer()));
        }
    }
}
