use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports `"pidMode": "host"` in a task definition for Fargate.
    ///
    /// ## Why is this bad?
    /// A Fargate task cannot share the host's process namespace; the only value Fargate takes
    /// is `task` (all containers of the task share one namespace). RegisterTaskDefinition
    /// fails with "Tasks using the Fargate launch type do not support pidMode 'host'. The
    /// supported value for pidMode is 'task'."
    ///
    /// ## Example
    /// ```json
    /// { "family": "monitor", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "pidMode": "host", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "monitor", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "pidMode": "task", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// The unsafe fix writes `task`: a monitoring sidecar then sees the processes of its own
    /// task, not of the host.
    pub PidModeFargateTaskOnly {
        id: "pid-mode-fargate-task-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11871, 11871), quote: "On Fargate for Linux containers, the only valid value is task." },
            Source::ErrorMessage { text: "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.", seen_in: "aws/aws-cdk#29619" },
        ],
    }
}

impl PidModeFargateTaskOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate {
            return;
        }
        let Some(mode) = task.pid_mode().filter(|m| m.value() == "host") else {
            return;
        };
        out.report(&Self::META, mode.range(), "Fargate supports only `\"pidMode\": \"task\"`, not `host`")
            .help("use \"task\" (the containers of the task share one process namespace), or run on EC2 to see the host's processes")
            .fix(Fix::unsafe_("set pidMode to task", vec![Edit::replace(mode.range(), "\"task\"")]));
    }
}
