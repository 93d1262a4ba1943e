use crate::rules::linux::helpers::report_not_on_fargate;
use crate::rules::networking::helpers::{containers, is_set};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `linuxParameters.sharedMemorySize` in a container of a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// The size of `/dev/shm` cannot be set on Fargate. AWS lists it among the task definition parameters that "are not valid in Fargate
    /// tasks", and the API reference says RegisterTaskDefinition returns a client exception
    /// when a task definition does not validate against its `requiresCompatibilities`. No
    /// public report of the exact error message for this field was found, so this is a warning
    /// rather than an error; either way the task cannot run on Fargate as written.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [shared_memory_size_not_fargate0] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [shared_memory_size_not_fargate1] }
    /// ```
    ///
    /// ## Fix
    /// Remove `sharedMemorySize`. Applications that need a large `/dev/shm` (headless browsers) can often be told not to use it (e.g. Chrome's `--disable-dev-shm-usage`); otherwise run the task on EC2. The fix that removes the field is unsafe: it changes what the container
    /// gets. A value that asks for nothing (`false`, `null`, an empty list) is not reported.
    pub SharedMemorySizeNotFargate {
        id: "shared-memory-size-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (21273, 21273), quote: "If you are using tasks that use the Fargate launch type, the sharedMemorySize parameter is not supported." },
            Source::ApiReference { lines: (11915, 11915), quote: "A client exception is returned if the task definition doesn't validate against the compatibilities specified." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "linuxParameters: The devices, sharedMemorySize, and tmpfs parameters are not supported" },
        ],
    }
}

impl SharedMemorySizeNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(parent) = container.linux_parameters().map(|l| l.node()) else {
                continue;
            };
            let Some(member) = parent.member("sharedMemorySize") else {
                continue;
            };
            if !is_set(&member.value) {
                continue;
            }
            report_not_on_fargate(doc, out, &Self::META, i, container, parent, member, "`linuxParameters.sharedMemorySize`", "remove \"sharedMemorySize\"; the size of /dev/shm cannot be set on Fargate (for Chrome, --disable-dev-shm-usage avoids needing it); run the task on EC2 if it must be larger");
        }
    }
}
