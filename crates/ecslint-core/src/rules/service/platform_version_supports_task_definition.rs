use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Linux Fargate `platformVersion` older than a feature of the paired task
    /// definition needs: 1.4.0 for 8, 16 or 32 vCPU, `pidMode`, `ephemeralStorage` and added
    /// Linux capabilities; 1.3.0 for `dependsOn`; 1.1.0 for container health checks.
    ///
    /// ## Why is this bad?
    /// CreateService fails with PlatformTaskDefinitionIncompatibilityException.
    ///
    /// ## Example
    /// ```json
    /// { "launchType": "FARGATE", "platformVersion": "1.3.0", "taskDefinition": "web" }
    /// // taskdef: "ephemeralStorage": { "sizeInGiB": 50 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "launchType": "FARGATE", "platformVersion": "LATEST", "taskDefinition": "web" }
    /// ```
    ///
    /// ## Fix
    /// Use `LATEST` (or 1.4.0), or drop the feature.
    pub PlatformVersionSupportsTaskDefinition {
        id: "platform-version-supports-task-definition",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (2284, 2284), quote: "The specified platform version doesn't satisfy the required capabilities of the task definition." },
            Source::ApiReference { lines: (23835, 23835), quote: "This option requires Linux platform 1.4.0 or later." },
            Source::ApiReference { lines: (23982, 23982), quote: "This parameter is only supported for tasks that are hosted on AWS Fargate if the tasks are using platform version 1.4.0 or later (Linux)." },
            Source::ApiReference { lines: (20560, 20560), quote: "- Linux platform version 1.4.0 or later." },
            Source::ApiReference { lines: (21223, 21223), quote: "the `add` parameter is only supported if using platform version 1.4.0 or later." },
            Source::ApiReference { lines: (18984, 18984), quote: "- Linux platform version 1.3.0 or later." },
            Source::ApiReference { lines: (20892, 20892), quote: "Container health checks are supported for Fargate tasks if you're using platform version 1.1.0 or greater." },
        ],
    }
}

/// The minor version of a `1.x.0` platform version.
fn minor(v: &str) -> Option<u32> {
    let rest = v.strip_prefix("1.")?;
    let (minor, patch) = rest.split_once('.')?;
    patch.parse::<u32>().ok()?;
    minor.parse().ok()
}

impl PlatformVersionSupportsTaskDefinition {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        if !doc.service_facts.fargate || paired.facts.windows {
            return;
        }
        let Some(pv) = service.platform_version() else {
            return;
        };
        let Some(have) = minor(pv.value()) else {
            return;
        };
        let td = paired.task_definition;
        // (needed minor version, what needs it, where)
        let mut needs: Vec<(u32, String, TextRange)> = Vec::new();
        if let Some(cpu) = td.member("cpu") {
            let v = cpu.value.as_str().map(|s| s.trim().to_ascii_lowercase());
            if matches!(
                v.as_deref(),
                Some("8192" | "16384" | "32768" | "8 vcpu" | "16 vcpu" | "32 vcpu")
            ) {
                needs.push((4, "8, 16 or 32 vCPU".to_owned(), cpu.value.range));
            }
        }
        for key in ["pidMode", "ephemeralStorage"] {
            if let Some(m) = td.member(key) {
                needs.push((4, format!("`{key}`"), m.key.range));
            }
        }
        for (_, c) in paired.containers() {
            let name = c.name().map_or_else(
                || "a container".to_owned(),
                |n| format!("the container `{}`", n.value()),
            );
            if let Some(add) = c
                .get("linuxParameters")
                .and_then(|l| l.get("capabilities"))
                .and_then(|c| c.member("add"))
                .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
            {
                needs.push((
                    4,
                    format!("added Linux capabilities in {name}"),
                    add.key.range,
                ));
            }
            if let Some(m) = c
                .member("dependsOn")
                .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
            {
                needs.push((3, format!("`dependsOn` in {name}"), m.key.range));
            }
            if let Some(m) = c.member("healthCheck") {
                needs.push((1, format!("the health check of {name}"), m.key.range));
            }
        }
        let Some((need, what, at)) = needs
            .into_iter()
            .filter(|(n, _, _)| *n > have)
            .max_by_key(|(n, _, _)| *n)
        else {
            return;
        };
        let d = out
            .report(
                &Self::META,
                pv.range(),
                format!("platform version {} does not support {what} of the task definition, which needs 1.{need}.0 or later", pv.value()),
            )
            .help("use \"LATEST\" (or \"1.4.0\")");
        related_td(d, paired, at, format!("needs platform version 1.{need}.0"));
    }
}
