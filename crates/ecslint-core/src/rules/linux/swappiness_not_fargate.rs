use crate::rules::linux::helpers::report_not_on_fargate;
use crate::rules::networking::helpers::{containers, is_set};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `linuxParameters.swappiness` in a container of a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// Fargate tasks have no swap space to tune. AWS lists it among the task definition parameters that "are not valid in Fargate
    /// tasks", and the API reference says RegisterTaskDefinition returns a client exception
    /// when a task definition does not validate against its `requiresCompatibilities`. No
    /// public report of the exact error message for this field was found, so this is a warning
    /// rather than an error; either way the task cannot run on Fargate as written.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [swappiness_not_fargate0] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [swappiness_not_fargate1] }
    /// ```
    ///
    /// ## Fix
    /// Remove `swappiness`. The fix that removes the field is unsafe: it changes what the container
    /// gets. A value that asks for nothing (`false`, `null`, an empty list) is not reported.
    pub SwappinessNotFargate {
        id: "swappiness-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (21285, 21285), quote: "If you're using tasks that use the Fargate launch type, the swappiness parameter isn't supported." },
            Source::ApiReference { lines: (11915, 11915), quote: "A client exception is returned if the task definition doesn't validate against the compatibilities specified." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "Task definition parameters not valid in Fargate tasks: ... maxSwap, swappiness" },
        ],
    }
}

impl SwappinessNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let Some(parent) = container.linux_parameters().map(|l| l.node()) else {
                continue;
            };
            let Some(member) = parent.member("swappiness") else {
                continue;
            };
            if !is_set(&member.value) {
                continue;
            }
            report_not_on_fargate(
                doc,
                out,
                &Self::META,
                i,
                container,
                parent,
                member,
                "`linuxParameters.swappiness`",
                "remove \"swappiness\"; Fargate tasks have no swap to tune",
            );
        }
    }
}
