use crate::rules::prelude::*;
use crate::rules::references::helpers::Containers;

declare_rule! {
    /// ## What it does
    /// Reports a `dependsOn` entry with condition `COMPLETE` or `SUCCESS` whose target
    /// container is essential (`essential` is `true` or left out, which means `true`).
    ///
    /// ## Why is this bad?
    /// `COMPLETE` and `SUCCESS` wait for the target to exit, and an essential container that
    /// exits stops the whole task. RegisterTaskDefinition rejects the combination with
    /// "ClientException: A dependency container with SUCCESS or COMPLETE condition cannot be
    /// an essential container". Init and migration containers are the usual case: they must
    /// set `"essential": false`.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }] },
    ///  { "name": "migrate", "image": "app:1", "command": ["migrate"] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }] },
    ///  { "name": "migrate", "image": "app:1", "command": ["migrate"], "essential": false }]
    /// ```
    ///
    /// ## Fix
    /// Set `"essential": false` on the target container (offered as an unsafe fix when the
    /// target says `"essential": true`: the task no longer stops when it exits), or wait for
    /// `START` or `HEALTHY` instead.
    pub DependsOnCompleteSuccessNotEssential {
        id: "depends-on-complete-success-not-essential",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19482, 19482), quote: "This condition can't be set on an essential container." },
            Source::ErrorMessage { text: "ClientException: A dependency container with SUCCESS or COMPLETE condition cannot be an essential container", seen_in: "boto/boto3#2436" },
            Source::ErrorMessage { text: "ClientException: A dependency container with SUCCESS or COMPLETE condition cannot be an essential container", seen_in: "klothoplatform/klotho#892" },
        ],
    }
}

impl DependsOnCompleteSuccessNotEssential {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        for c in &containers.all {
            let Some(deps) = c.def.depends_on() else {
                continue;
            };
            for dep in deps.values() {
                let (Some(target), Some(condition)) = (dep.container_name(), dep.condition())
                else {
                    continue;
                };
                if !matches!(condition.value(), "COMPLETE" | "SUCCESS") {
                    continue;
                }
                let Some(t) = containers.find(target.value()) else {
                    continue;
                };
                let essential = t.def.member("essential").filter(|m| !m.value.is_null());
                let (explicit, is_essential) = match essential {
                    None => (false, true),
                    Some(m) => match m.value.as_bool() {
                        Some(b) => (true, b),
                        None => continue,
                    },
                };
                if !is_essential {
                    continue;
                }
                let how = if explicit {
                    "is essential"
                } else {
                    "is essential (`essential` defaults to true)"
                };
                let d = out
                    .report(&Self::META, condition.range(), format!("container `{}` waits for `{}` to {}, but `{}` {how}", c.name(), t.name(), if condition.value() == "SUCCESS" { "exit successfully" } else { "exit" }, t.name()))
                    .help(format!("set \"essential\": false on `{}` (an essential container that exits stops the task), or wait for START or HEALTHY instead", t.name()));
                match essential {
                    Some(m) => {
                        d.related(
                            m.value.range,
                            format!("`{}` is marked essential here", t.name()),
                        );
                        d.fix(Fix::unsafe_(
                            format!("set \"essential\": false on `{}`", t.name()),
                            vec![Edit::replace(m.value.range, "false")],
                        ));
                    }
                    None => {
                        d.related(t.name.range(), format!("`{}` is declared here", t.name()));
                    }
                }
            }
        }
    }
}
