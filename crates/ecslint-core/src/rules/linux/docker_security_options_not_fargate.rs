use crate::rules::linux::helpers::report_not_on_fargate;
use crate::rules::networking::helpers::{containers, is_set};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `dockerSecurityOptions` in a container of a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// Fargate manages the security profile of its containers itself: there is no SELinux label, AppArmor profile or credential spec file on a host you control. AWS lists it among the task definition parameters that "are not valid in Fargate
    /// tasks", and the API reference says RegisterTaskDefinition returns a client exception
    /// when a task definition does not validate against its `requiresCompatibilities`. No
    /// public report of the exact error message for this field was found, so this is a warning
    /// rather than an error; either way the task cannot run on Fargate as written.
    ///
    /// ## Example
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [docker_security_options_not_fargate0] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "app", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [docker_security_options_not_fargate1] }
    /// ```
    ///
    /// ## Fix
    /// Remove `dockerSecurityOptions`. For gMSA on Windows Fargate use `credentialSpecs`. The fix that removes the field is unsafe: it changes what the container
    /// gets. A value that asks for nothing (`false`, `null`, an empty list) is not reported.
    pub DockerSecurityOptionsNotFargate {
        id: "docker-security-options-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19038, 19038), quote: "This field isn't valid for containers in tasks using the Fargate launch type." },
            Source::ApiReference { lines: (11915, 11915), quote: "A client exception is returned if the task definition doesn't validate against the compatibilities specified." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html", note: "Task definition parameters not valid in Fargate tasks: ... dockerSecurityOptions ..." },
        ],
    }
}

impl DockerSecurityOptionsNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, container) in containers(doc) {
            let parent = container.node();
            let Some(member) = parent.member("dockerSecurityOptions") else {
                continue;
            };
            if !is_set(&member.value) {
                continue;
            }
            report_not_on_fargate(doc, out, &Self::META, i, container, parent, member, "`dockerSecurityOptions`", "remove \"dockerSecurityOptions\"; Fargate does not accept custom SELinux, AppArmor or no-new-privileges options");
        }
    }
}
