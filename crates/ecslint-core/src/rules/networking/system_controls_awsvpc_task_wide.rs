use crate::rules::networking::helpers::{container_label, containers, network_mode};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a network sysctl (`net.*` in `systemControls`) that two containers of an
    /// `awsvpc` task (Fargate included) set to different values.
    ///
    /// ## Why is this bad?
    /// The containers of an awsvpc task share one network namespace, so network sysctls
    /// apply task-wide and the container started last wins: one of the values is silently
    /// ignored, and which one depends on start order.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "systemControls": [{ "namespace": "net.core.somaxconn", "value": "1024" }] },
    ///  { "name": "proxy", "systemControls": [{ "namespace": "net.core.somaxconn", "value": "4096" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "systemControls": [{ "namespace": "net.core.somaxconn", "value": "4096" }] },
    ///  { "name": "proxy" }]
    /// ```
    ///
    /// ## Fix
    /// Set each network sysctl on one container only, with the value the task needs.
    pub SystemControlsAwsvpcTaskWide {
        id: "system-controls-awsvpc-task-wide",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23328, 23328), quote: "For tasks that use the awsvpc network mode including Fargate, if you set systemControls for any container, it applies to all containers in the task. If you set different systemControls for multiple containers in a single task, the container that's started last determines which systemControls take effect." },
        ],
    }
}

impl SystemControlsAwsvpcTaskWide {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if network_mode(doc) != Some("awsvpc") {
            return;
        }
        // namespace → (container index, value view) of the first container that sets it.
        let mut first: Vec<(&str, usize, Str<'a>)> = Vec::new();
        for (i, c) in containers(doc) {
            let Some(controls) = c.system_controls() else {
                continue;
            };
            for (_, sc) in controls.iter() {
                let (Some(ns), Some(value)) = (sc.namespace(), sc.value()) else {
                    continue;
                };
                if !ns.value().starts_with("net.") {
                    continue;
                }
                match first.iter().find(|(n, _, _)| *n == ns.value()) {
                    None => first.push((ns.value(), i, value)),
                    Some(&(_, j, earlier)) if j != i && earlier.value() != value.value() => {
                        let this = container_label(i, c);
                        let d = out.report(
                            &Self::META,
                            value.range(),
                            format!(
                                "{this} sets `{}` to \"{}\", another container to \"{}\": in an awsvpc task network sysctls apply to the whole task and the container started last wins",
                                ns.value(),
                                value.value(),
                                earlier.value()
                            ),
                        );
                        d.help("set it on one container only, with the value the task needs")
                            .related(earlier.range(), "the other value");
                    }
                    Some(_) => {}
                }
            }
        }
    }
}
