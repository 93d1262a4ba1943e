//! Which kernel parameters `systemControls` may set, and where.

use crate::rules::networking::helpers::{container_label, containers, network_mode};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `systemControls` namespace that ECS does not let a task set: only the IPC
    /// parameters (`kernel.msgmax`, `kernel.msgmnb`, `kernel.msgmni`, `kernel.sem`,
    /// `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`, `kernel.shm_rmid_forced`, and
    /// `fs.mqueue.*`) and network parameters (`net.*`) are namespaced.
    ///
    /// ## Why is this bad?
    /// Other sysctls (`vm.*`, `kernel.pid_max`, …) are host-wide and Docker refuses them for
    /// a container, so the container fails to start. The API reference lists the valid
    /// namespaces; the registration error is not quoted, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "db", "image": "example/db:1", "memory": 512,
    ///    "systemControls": [{ "namespace": "vm.max_map_count", "value": "262144" }] }]
    /// ```
    /// Use instead: set `vm.max_map_count` on the container instances (user data), and keep
    /// only namespaced parameters in the task.
    ///
    /// ## Fix
    /// Remove the parameter from the task definition and set it on the host.
    pub SystemControlsAllowedNamespaces {
        id: "system-controls-allowed-namespaces",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (23358, 23362), quote: "Valid IPC namespace values: \"kernel.msgmax\" | \"kernel.msgmnb\" | \"kernel.msgmni\" | \"kernel.sem\" | \"kernel.shmall\" | \"kernel.shmmax\" | \"kernel.shmmni\" | \"kernel.shm_rmid_forced\", and Sysctls that start with \"fs.mqueue.*\"; Valid network namespace values: Sysctls that start with \"net.*\"" }],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a network (`net.*`) `systemControls` entry in a task that uses the `host`
    /// network mode.
    ///
    /// ## Why is this bad?
    /// With `host` networking the container shares the instance's network namespace, so a
    /// network sysctl would change the host; ECS does not support it. Not proven to be
    /// rejected at registration: a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "proxy", "networkMode": "host", "containerDefinitions": [{ "name": "proxy", "image": "example/proxy:1",
    ///   "memory": 256, "systemControls": [{ "namespace": "net.core.somaxconn", "value": "4096" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Set the parameter on the container instances, or use `awsvpc` or `bridge` networking.
    pub SystemControlsHostNetworkNoNet {
        id: "system-controls-host-network-no-net",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (23329, 23329), quote: "For tasks that use the host network mode, the network namespace systemControls aren't supported." }],
    }
}

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

fn allowed(namespace: &str) -> bool {
    IPC_SYSCTLS.contains(&namespace)
        || namespace.starts_with("fs.mqueue.")
        || namespace.starts_with("net.")
}

impl SystemControlsAllowedNamespaces {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(controls) = c.system_controls() else {
                continue;
            };
            for (_, sc) in controls.iter() {
                let Some(ns) = sc.namespace() else { continue };
                if allowed(ns.value()) || is_placeholder(ns.value()) {
                    continue;
                }
                out.report(&Self::META, ns.range(), format!("{} sets the sysctl `{}`, which a container cannot set", container_label(i, c), ns.value()))
                    .help("only IPC sysctls (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*) and network sysctls (net.*) are namespaced: set host-wide ones on the container instances");
            }
        }
    }
}

impl SystemControlsHostNetworkNoNet {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if network_mode(doc) != Some("host") {
            return;
        }
        for (i, c) in containers(doc) {
            let Some(controls) = c.system_controls() else {
                continue;
            };
            for (_, sc) in controls.iter() {
                let Some(ns) = sc.namespace().filter(|n| n.value().starts_with("net.")) else {
                    continue;
                };
                out.report(&Self::META, ns.range(), format!("{} sets the network sysctl `{}` in `host` network mode", container_label(i, c), ns.value()))
                    .help("with host networking the container shares the instance's network namespace: set it on the instance, or use awsvpc or bridge");
            }
        }
    }
}
