use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `ipcMode` in a task definition for Fargate.
    ///
    /// ## Why is this bad?
    /// Fargate does not let containers share IPC resources with the host or set the IPC
    /// namespace: RegisterTaskDefinition fails with "ClientException: Tasks using the Fargate
    /// launch type do not support ipcMode." Any value is refused, `none` and `task` included;
    /// an empty string (written by tools for "unset") is not reported.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "ipcMode": "task", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// The unsafe fix removes `ipcMode`. Containers that relied on shared IPC (shared memory
    /// between containers) need another channel, or EC2.
    pub IpcModeNotFargate {
        id: "ipc-mode-not-fargate",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11806, 11806), quote: "This parameter is not supported for Windows containers or tasks run on AWS Fargate." },
            Source::ErrorMessage { text: "ClientException: Tasks using the Fargate launch type do not support ipcMode.", seen_in: "cn-terraform/terraform-aws-ecs-fargate#2" },
        ],
    }
}

impl IpcModeNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate {
            return;
        }
        let (Some(mode), Some(member), Some(members)) = (
            task.ipc_mode(),
            task.member("ipcMode"),
            task.node().as_object(),
        ) else {
            return;
        };
        // An empty string is what `ecspresso init` writes for "unset" (the SDK's enum zero
        // value), and ecspresso's Go SDK omits it when sending.
        if mode.value().is_empty() || is_placeholder(mode.value()) {
            return;
        }
        out.report(&Self::META, member.key.range, format!("Fargate does not support `ipcMode` (here `{}`)", mode.value()))
            .help("remove \"ipcMode\": Fargate tasks cannot share IPC resources with the host, and the API refuses any value")
            .fix(Fix::unsafe_("remove \"ipcMode\"", vec![remove_member(members, member)]));
    }
}
