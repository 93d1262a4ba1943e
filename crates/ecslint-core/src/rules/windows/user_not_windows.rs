use crate::rules::prelude::*;
use crate::rules::windows::helpers::report_not_on_windows;

declare_rule! {
    /// ## What it does
    /// Reports `user` in a task definition whose `runtimePlatform.operatingSystemFamily` is a
    /// Windows family (or that `ecslint.toml` assumes runs on Windows).
    ///
    /// ## Why is this bad?
    /// The API reference says this parameter is not supported for Windows containers: it is
    /// ignored, or the container fails to start. The API accepts the task definition (it does
    /// not validate fields against the operating system), so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "iis", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 1024, "user": "ContainerUser" }] }
    /// ```
    /// Use instead: the same task definition without `user`.
    ///
    /// ## Fix
    /// Remove `user` (an unsafe fix: check that nothing relied on it). A value that asks
    /// for nothing (`false`, `null`, an empty list) is not reported.
    pub UserNotWindows {
        id: "user-not-windows",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19429, 19429), quote: "This parameter is not supported for Windows containers." },
        ],
    }
}

impl UserNotWindows {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        report_not_on_windows(
            doc,
            out,
            &Self::META,
            "user",
            "remove \"user\"; set the user in the Windows image instead (USER in the Dockerfile)",
            false,
        );
    }
}
