use crate::rules::prelude::*;
use crate::rules::task::ipc_host_no_ipc_sysctls::is_ipc_sysctl;

declare_rule! {
    /// ## What it does
    /// Reports an IPC kernel parameter that containers of a task with `"ipcMode": "task"`
    /// set to different values.
    ///
    /// ## Why is this bad?
    /// With the task IPC mode all containers share one IPC namespace, and "IPC namespace
    /// related systemControls will apply to all containers within a task": one of the values
    /// wins for every container, which the per-container settings hide.
    ///
    /// ## Example
    /// ```json
    /// { "ipcMode": "task", "containerDefinitions": [
    ///   { "name": "a", "image": "a:1", "memory": 256, "systemControls": [{ "namespace": "kernel.shmmax", "value": "1073741824" }] },
    ///   { "name": "b", "image": "b:1", "memory": 256, "systemControls": [{ "namespace": "kernel.shmmax", "value": "2147483648" }] } ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "ipcMode": "task", "containerDefinitions": [
    ///   { "name": "a", "image": "a:1", "memory": 256, "systemControls": [{ "namespace": "kernel.shmmax", "value": "2147483648" }] },
    ///   { "name": "b", "image": "b:1", "memory": 256 } ] }
    /// ```
    ///
    /// ## Fix
    /// Set each IPC parameter once, on one container, to the value the task needs.
    pub IpcTaskSysctlsTaskWide {
        id: "ipc-task-sysctls-task-wide",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11802, 11802), quote: "For tasks that use the task IPC mode, IPC namespace related systemControls will apply to all containers within a task." },
        ],
    }
}

impl IpcTaskSysctlsTaskWide {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if task.ipc_mode().is_none_or(|m| m.value() != "task") {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let mut first: Vec<(Str<'a>, Str<'a>)> = Vec::new();
        for c in containers.values() {
            for control in c.system_controls().into_iter().flat_map(|l| l.values()) {
                let (Some(ns), Some(value)) = (control.namespace(), control.value()) else {
                    continue;
                };
                if !is_ipc_sysctl(ns.value()) {
                    continue;
                }
                match first.iter().find(|(n, _)| n.value() == ns.value()) {
                    Some((_, v)) if v.value() != value.value() => {
                        out.report(&Self::META, value.range(), format!("`{}` is set to `{}` here and to `{}` elsewhere, but the task's containers share one IPC namespace", ns.value(), value.value(), v.value()))
                            .help("set each IPC parameter once: with \"ipcMode\": \"task\" one value applies to every container")
                            .related(v.range(), "the other value");
                    }
                    Some(_) => {}
                    None => first.push((ns, value)),
                }
            }
        }
    }
}
