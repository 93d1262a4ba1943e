use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `"pidMode": "host"`.
    ///
    /// ## Why is this bad?
    /// The containers share the host's process namespace: they see, and with enough
    /// privileges can signal or trace, every process on the container instance, including
    /// other tasks' containers and the ECS agent.
    ///
    /// ## Example
    /// ```json
    /// { "family": "agent", "pidMode": "host", "containerDefinitions": [{ "name": "agent", "image": "agent:1" }] }
    /// ```
    /// Use instead: `"pidMode": "task"` (processes shared within the task only), or leave it
    /// out.
    ///
    /// ## Fix
    /// Use `task`, unless the container is a host monitoring agent that must see host
    /// processes.
    pub PidHostSecurity {
        id: "pid-host-security",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11879, 11879), quote: "If the host PID mode is used, there's a heightened risk of undesired process namespace exposure." },
        ],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports `"ipcMode": "host"`.
    ///
    /// ## Why is this bad?
    /// The containers share the host's IPC namespace (shared memory, semaphores, message
    /// queues) with every other process on the container instance.
    ///
    /// ## Example
    /// ```json
    /// { "family": "db", "ipcMode": "host", "containerDefinitions": [{ "name": "db", "image": "db:1" }] }
    /// ```
    /// Use instead: `"ipcMode": "task"` (IPC shared within the task only), or leave it out.
    ///
    /// ## Fix
    /// Use `task` or `none`.
    pub IpcHostSecurity {
        id: "ipc-host-security",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11797, 11797), quote: "If the host IPC mode is used, be aware that there is a heightened risk of undesired IPC namespace expose." },
        ],
    }
}

impl PidHostSecurity {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode) = doc.task_definition.and_then(|t| t.pid_mode()) else {
            return;
        };
        if mode.value() == "host" {
            out.report(
                &Self::META,
                mode.range(),
                "`pidMode` `host` shares the host's process namespace with the task's containers",
            )
            .help("use \"pidMode\": \"task\" unless the container must see the host's processes");
        }
    }
}

impl IpcHostSecurity {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode) = doc.task_definition.and_then(|t| t.ipc_mode()) else {
            return;
        };
        if mode.value() == "host" {
            out.report(
                &Self::META,
                mode.range(),
                "`ipcMode` `host` shares the host's IPC namespace with the task's containers",
            )
            .help("use \"ipcMode\": \"task\" or \"none\"");
        }
    }
}
