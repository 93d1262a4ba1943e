use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `runtimePlatform` with `"cpuArchitecture": "ARM64"` and a Windows
    /// `operatingSystemFamily`.
    ///
    /// ## Why is this bad?
    /// ARM64 is available only for Linux tasks, on Linux EC2 instances or Linux containers on
    /// Fargate. No instance or Fargate platform runs Windows containers on ARM64, so the task
    /// never starts.
    ///
    /// ## Example
    /// ```json
    /// { "runtimePlatform": { "cpuArchitecture": "ARM64", "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "runtimePlatform": { "cpuArchitecture": "X86_64", "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" } }
    /// ```
    ///
    /// ## Fix
    /// Use `X86_64` for Windows images, or `LINUX` for ARM64 images.
    pub CpuArchitectureArm64LinuxOnly {
        id: "cpu-architecture-arm64-linux-only",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22275, 22275), quote: "This option is available for tasks that run on Linux Amazon EC2 instance or Linux containers on Fargate." },
        ],
    }
}

impl CpuArchitectureArm64LinuxOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(platform) = doc.task_definition.and_then(|t| t.runtime_platform()) else {
            return;
        };
        let (Some(arch), Some(os)) = (
            platform.cpu_architecture(),
            platform.operating_system_family(),
        ) else {
            return;
        };
        if arch.value() == "ARM64" && os.value().starts_with("WINDOWS") {
            out.report(
                &Self::META,
                arch.range(),
                format!(
                    "ARM64 is available only for Linux, and the operating system family is `{}`",
                    os.value()
                ),
            )
            .help("use \"X86_64\" for Windows containers, or \"LINUX\" for ARM64 images")
            .related(os.range(), "the operating system is set here");
        }
    }
}
