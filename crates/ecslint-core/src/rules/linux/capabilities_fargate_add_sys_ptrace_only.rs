use crate::rules::linux::capabilities::canonical;
use crate::rules::networking::helpers::{container_label, containers, fargate_origin};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a capability other than `SYS_PTRACE` in `linuxParameters.capabilities.add` of a
    /// container in a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// Fargate lets a container add only `SYS_PTRACE` (for debuggers and tracing agents);
    /// anything else, such as `NET_ADMIN` or `SYS_ADMIN`, is not available. Dropping
    /// capabilities is unrestricted. This is a warning: the API reference states the limit but
    /// no public report of the exact error message was found.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "vpn", "image": "example/vpn",
    ///     "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } } }] }
    /// ```
    /// Use instead: run a container that needs `NET_ADMIN` on EC2, or keep only
    /// `"add": ["SYS_PTRACE"]` on Fargate.
    ///
    /// ## Fix
    /// Remove the capability, or run the task on EC2. No automatic fix.
    pub CapabilitiesFargateAddSysPtraceOnly {
        id: "capabilities-fargate-add-sys-ptrace-only",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21146, 21146), quote: "Tasks launched on AWS Fargate only support adding the SYS_PTRACE kernel capability." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "for capabilities the only capability you can add is CAP_SYS_PTRACE" },
        ],
    }
}

impl CapabilitiesFargateAddSysPtraceOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(add) = container
                .linux_parameters()
                .and_then(|l| l.capabilities())
                .and_then(|c| c.add())
            else {
                continue;
            };
            for name in add.values() {
                let v = name.value();
                if is_placeholder(v) || canonical(v) == Some("SYS_PTRACE") {
                    continue;
                }
                let d = out.report(
                    &Self::META,
                    name.range(),
                    format!(
                        "Fargate only allows adding the SYS_PTRACE capability, not \"{v}\" ({})",
                        container_label(i, container)
                    ),
                );
                d.help("remove it from capabilities.add, or run the task on EC2 if the container needs it");
                if let Some(range) = fargate_origin(doc) {
                    d.related(range, "the task targets Fargate here");
                }
            }
        }
    }
}
