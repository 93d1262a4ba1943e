use crate::rules::fargate::helpers::platform_versions;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a service pinned to a retired Fargate platform version: on Linux 1.0.0, 1.1.0
    /// and 1.2.0 (retired 2020-12-14) and 1.3.0 (retired 2026-06-15, its last tasks stopped
    /// 2026-06-30). The table, with its sources, is `data/fargate-platform-versions.json`.
    ///
    /// ## Why is this bad?
    /// Once a platform version is retired no new task or service can use it: the service
    /// cannot start tasks, so every deployment fails. This is newer than the 2024 API reference
    /// (which still lists 1.3.0); AWS's platform version retirement page decides. Linux and
    /// Windows number their versions apart (Windows' only version is 1.0.0, current), so
    /// `1.0.0` is reported only when the paired task definition runs Linux.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "platformVersion": "1.3.0" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "platformVersion": "LATEST" }
    /// ```
    ///
    /// ## Fix
    /// Use `LATEST` (1.4.0 on Linux) or `1.4.0`. The fix sets `LATEST`; it is unsafe because
    /// 1.4.0 changed the network path of tasks (ENI traffic, EFS, ephemeral storage), which a
    /// service pinned to 1.3.0 may have relied on.
    pub PlatformVersionRetired {
        id: "platform-version-retired",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html", note: "Linux platform version 1.3.0 is marked Retired on 2026-06-15 and its remaining tasks are terminated on 2026-06-30; 1.0.0-1.2.0 were deprecated on 2020-12-14" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html", note: "LATEST is Linux platform version 1.4.0" },
        ],
    }
}

impl PlatformVersionRetired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let facts = &doc.service_facts;
        // On EC2 or EXTERNAL a platform version is wrong anyway (platform-version-fargate-only).
        if !facts.fargate && (facts.ec2 || facts.external) {
            return;
        }
        let Some(pv) = service.platform_version() else {
            return;
        };
        let value = pv.value().trim();
        let value = value.strip_prefix('v').unwrap_or(value);
        let table = platform_versions();
        // An operating system known only when deployed is neither.
        let linux = doc
            .paired
            .as_ref()
            .is_some_and(|p| !p.facts.windows && (!p.facts.os_declared || p.facts.linux));
        let windows = doc.paired.as_ref().is_some_and(|p| p.facts.windows);
        let family = if windows {
            &table.windows
        } else {
            &table.linux
        };
        let Some(version) = family.find(value) else {
            return;
        };
        if version.status != "retired" {
            return;
        }
        // Windows numbers its versions apart: a bare 1.0.0 may be Windows' current one.
        if !linux && table.windows.find(value).is_some() {
            return;
        }
        let retired = version.retired_on.as_deref().unwrap_or("earlier");
        let stopped = version
            .tasks_stopped_on
            .as_deref()
            .map(|d| format!(", and its last tasks were stopped on {d}"))
            .unwrap_or_default();
        out.report(&Self::META, pv.range(), format!("Fargate platform version {value} was retired on {retired}{stopped}: a service pinned to it cannot start tasks"))
            .help(format!("use \"LATEST\" ({} on Linux) or \"{}\"", table.linux.latest, table.linux.latest))
            .fix(Fix::unsafe_(
                "use \"LATEST\"",
                vec![Edit::replace(pv.range(), "\"LATEST\"")],
            ));
    }
}
