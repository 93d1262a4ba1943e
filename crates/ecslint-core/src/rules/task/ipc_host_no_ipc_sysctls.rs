use crate::rules::prelude::*;

/// The IPC-namespace kernel parameters (plus everything under `fs.mqueue.`).
const IPC_SYSCTLS: &[&str] = &[
    "kernel.msgmax",
    "kernel.msgmnb",
    "kernel.msgmni",
    "kernel.sem",
    "kernel.shmall",
    "kernel.shmmax",
    "kernel.shmmni",
    "kernel.shm_rmid_forced",
];

pub(crate) fn is_ipc_sysctl(name: &str) -> bool {
    IPC_SYSCTLS.contains(&name) || name.starts_with("fs.mqueue.")
}

declare_rule! {
    /// ## What it does
    /// Reports IPC-namespace `systemControls` (`kernel.msgmax`, `kernel.sem`, `kernel.shm*`,
    /// `fs.mqueue.*`, …) in a task definition with `"ipcMode": "host"`.
    ///
    /// ## Why is this bad?
    /// With the host IPC mode the containers use the instance's IPC namespace, and ECS does
    /// not set IPC kernel parameters there: "For tasks that use the host IPC mode, IPC
    /// namespace related systemControls are not supported." The reference does not name the
    /// error, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "db", "ipcMode": "host", "containerDefinitions": [{ "name": "db", "image": "postgres:16",
    ///   "memory": 1024, "systemControls": [{ "namespace": "kernel.shmmax", "value": "68719476736" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "db", "ipcMode": "task", "containerDefinitions": [{ "name": "db", "image": "postgres:16",
    ///   "memory": 1024, "systemControls": [{ "namespace": "kernel.shmmax", "value": "68719476736" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use `"ipcMode": "task"` (or leave it out) to set IPC parameters for the task, or set
    /// them on the instance itself.
    pub IpcHostNoIpcSysctls {
        id: "ipc-host-no-ipc-sysctls",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11801, 11801), quote: "For tasks that use the host IPC mode, IPC namespace related systemControls are not supported." },
            Source::ApiReference { lines: (23358, 23358), quote: "Valid IPC namespace values: \"kernel.msgmax\" | \"kernel.msgmnb\" | \"kernel.msgmni\" | \"kernel.sem\" | \"kernel.shmall\" | \"kernel.shmmax\" | \"kernel.shmmni\" | \"kernel.shm_rmid_forced\", and Sysctls that start with \"fs.mqueue.*\"" },
        ],
    }
}

impl IpcHostNoIpcSysctls {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(mode) = task.ipc_mode().filter(|m| m.value() == "host") else {
            return;
        };
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            for control in c.system_controls().into_iter().flat_map(|l| l.values()) {
                let Some(ns) = control.namespace().filter(|n| is_ipc_sysctl(n.value())) else {
                    continue;
                };
                out.report(&Self::META, ns.range(), format!("`{}` is an IPC kernel parameter, and the task uses the host's IPC namespace", ns.value()))
                    .help("use \"ipcMode\": \"task\" to set IPC parameters for the task, or set them on the instance")
                    .related(mode.range(), "the host IPC mode is set here");
            }
        }
    }
}
