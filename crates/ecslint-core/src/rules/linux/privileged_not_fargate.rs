use crate::rules::linux::helpers::report_not_on_fargate;
use crate::rules::networking::helpers::{containers, is_set};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `"privileged": true` in a container of a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// Fargate runs every task in its own micro-VM and gives no container elevated privileges on the host. AWS lists it among the task definition parameters that "are not valid in Fargate
    /// tasks", and the API reference says RegisterTaskDefinition returns a client exception
    /// when a task definition does not validate against its `requiresCompatibilities`. No
    /// public report of the exact error message for this field was found, so this is a warning
    /// rather than an error; either way the task cannot run on Fargate as written.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [privileged_not_fargate0] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [privileged_not_fargate1] }
    /// ```
    ///
    /// ## Fix
    /// Remove `privileged`. If the container needs one specific capability, Fargate allows only `SYS_PTRACE` in `linuxParameters.capabilities.add`; for anything more (Docker-in-Docker, kernel modules, raw devices) run the task on EC2 or ECS Managed Instances. The fix that removes the field is unsafe: it changes what the container
    /// gets. A value that asks for nothing (`false`, `null`, an empty list) is not reported.
    pub PrivilegedNotFargate {
        id: "privileged-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19294, 19294), quote: "This parameter is not supported for Windows containers or tasks run on AWS Fargate." },
            Source::ApiReference { lines: (11915, 11915), quote: "A client exception is returned if the task definition doesn't validate against the compatibilities specified." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "Task definition parameters not valid in Fargate tasks: ... privileged ..." },
        ],
    }
}

impl PrivilegedNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let parent = container.node();
            let Some(member) = parent.member("privileged") else {
                continue;
            };
            if !is_set(&member.value) {
                continue;
            }
            report_not_on_fargate(doc, out, &Self::META, i, container, parent, member, "`privileged` mode", "remove \"privileged\"; Fargate gives no container elevated privileges (only SYS_PTRACE can be added, in linuxParameters.capabilities.add); run the task on EC2 if it needs privileged mode");
        }
    }
}
