use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `networkConfiguration` on a service whose task definition uses another network
    /// mode than `awsvpc`: `bridge` (also the default when `networkMode` is left out), `host` or
    /// `none`.
    ///
    /// ## Why is this bad?
    /// Only `awsvpc` tasks get their own network interface; for the other modes a network
    /// configuration has no meaning and CreateService refuses it. It is usually left over after
    /// the task definition was switched from `awsvpc` to `bridge`.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }
    /// // taskdef: { "family": "web", "networkMode": "bridge", … }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Remove `networkConfiguration`, or switch the task definition to `"networkMode": "awsvpc"`.
    pub NetworkConfigurationOnlyForAwsvpc {
        id: "network-configuration-only-for-awsvpc",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1783, 1783), quote: "it isn't supported for other network modes." },
        ],
    }
}

impl NetworkConfigurationOnlyForAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let Some(paired) = &doc.paired else {
            return;
        };
        let Some(member) = service.member("networkConfiguration") else {
            return;
        };
        if doc.service_awsvpc() != Some(false) {
            return;
        }
        let mode = paired.network_mode().unwrap_or("bridge");
        let written = paired.task_definition.network_mode();
        let d = out
            .report(&Self::META, member.key.range, format!("`networkConfiguration` is only for `awsvpc` tasks, and the task definition uses `{mode}`{}", if written.is_none() { " (the default)" } else { "" }))
            .help("remove `networkConfiguration`, or use \"networkMode\": \"awsvpc\" in the task definition");
        match written {
            Some(m) => related_td(
                d,
                paired,
                m.range(),
                format!("the network mode is `{mode}` here"),
            ),
            None => related_td_key(
                d,
                paired,
                "family",
                format!("no `networkMode`: the default is `{mode}`"),
            ),
        }
    }
}
