use crate::rules::prelude::*;
use crate::rules::windows::helpers::report_not_on_windows;

declare_rule! {
    /// ## What it does
    /// Reports `extraHosts` in a task definition whose `runtimePlatform.operatingSystemFamily` is a
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
    ///   "containerDefinitions": [{ "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 1024, "extraHosts": [{ "hostname": "db", "ipAddress": "10.0.0.5" }] }] }
    /// ```
    /// Use instead: the same task definition without `extraHosts`.
    ///
    /// ## Fix
    /// Remove `extraHosts` (an unsafe fix: check that nothing relied on it). A value that asks
    /// for nothing (`false`, `null`, an empty list) is not reported.
    pub ExtraHostsNotWindows {
        id: "extra-hosts-not-windows",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19112, 19112), quote: "This parameter isn't supported for Windows containers or tasks that use the awsvpc network mode." },
        ],
    }
}

impl ExtraHostsNotWindows {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        report_not_on_windows(doc, out, &Self::META, "extraHosts", "remove \"extraHosts\"; use DNS (for example a Route 53 private hosted zone) instead of /etc/hosts entries", false);
    }
}
