use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `ephemeralStorage` in a task definition that does not run on Fargate (its
    /// launch type is known and is not `FARGATE`).
    ///
    /// ## Why is this bad?
    /// `ephemeralStorage` expands the ephemeral storage of tasks hosted on AWS Fargate; on EC2
    /// and EXTERNAL instances the storage is the instance's, and the setting does nothing.
    ///
    /// ## Example
    /// ```json
    /// { "family": "etl", "requiresCompatibilities": ["EC2"], "ephemeralStorage": { "sizeInGiB": 100 }, "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "etl", "requiresCompatibilities": ["EC2"], "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Remove `ephemeralStorage`, and size the instance's volume instead (the unsafe fix
    /// removes it).
    pub EphemeralStorageFargateOnly {
        id: "ephemeral-storage-fargate-only",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11756, 11756), quote: "This parameter is used to expand the total amount of ephemeral storage available, beyond the default amount, for tasks hosted on AWS Fargate." },
        ],
    }
}

impl EphemeralStorageFargateOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if doc.facts.fargate || !doc.facts.launch_type_known() {
            return;
        }
        let (Some(_), Some(member), Some(members)) = (
            task.ephemeral_storage(),
            task.member("ephemeralStorage"),
            task.node().as_object(),
        ) else {
            return;
        };
        out.report(&Self::META, member.key.range, "`ephemeralStorage` only applies to tasks on Fargate, and this task definition is not for Fargate")
            .help("remove \"ephemeralStorage\" and size the instance's storage instead")
            .fix(Fix::unsafe_("remove \"ephemeralStorage\"", vec![remove_member(members, member)]));
    }
}
