use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a Fargate task definition whose `networkMode` is not `awsvpc`, or that leaves
    /// it out (the default is `bridge`).
    ///
    /// ## Why is this bad?
    /// Fargate gives every task its own elastic network interface and supports no other mode:
    /// RegisterTaskDefinition fails with "ClientException: Fargate only supports network mode
    /// 'awsvpc'". This usually happens when an EC2 task definition gets `FARGATE` added to
    /// `requiresCompatibilities`.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
    ///   "cpu": "256", "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Set `"networkMode": "awsvpc"` (safe when the value is another mode; when the field is
    /// missing it is added). With awsvpc, `hostPort` must equal `containerPort`, `links` and
    /// `hostname` are not supported, and a service needs a `networkConfiguration`.
    pub FargateRequiresAwsvpc {
        id: "fargate-requires-awsvpc",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (11849, 11849), quote: "For Amazon ECS tasks on Fargate, the awsvpc network mode is required." },
            Source::ErrorMessage { text: "ClientException: Fargate only supports network mode ‘awsvpc’.", seen_in: "aws/amazon-ecs-cli#1145" },
        ],
    }
}

impl FargateRequiresAwsvpc {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if !doc.facts.fargate {
            return;
        }
        // A value of the wrong type was reported by the structural walk.
        if task.network_mode().is_none() && task.member("networkMode").is_some() {
            return;
        }
        match task.network_mode() {
            Some(mode) if mode.value() == "awsvpc" || is_placeholder(mode.value()) => {}
            Some(mode) => {
                out.report(&Self::META, mode.range(), format!("Fargate requires the `awsvpc` network mode, not `{}`", mode.value()))
                    .help("set \"networkMode\": \"awsvpc\"; with it, hostPort must equal containerPort and links are not supported")
                    .fix(Fix::safe("set networkMode to awsvpc", vec![Edit::replace(mode.range(), "\"awsvpc\"")]));
            }
            None => {
                let compat = task
                    .member("requiresCompatibilities")
                    .map_or(crate::rules::edits::opening(task.range()), |m| m.key.range);
                let fix = task.member("requiresCompatibilities").map(|m| {
                    Fix::safe(
                        "add \"networkMode\": \"awsvpc\"",
                        vec![insert_member_before(
                            doc.text,
                            m,
                            "\"networkMode\": \"awsvpc\"",
                        )],
                    )
                });
                let d = out
                    .report(&Self::META, compat, "Fargate requires the `awsvpc` network mode, and `networkMode` is not set (the default is `bridge`)")
                    .help("add \"networkMode\": \"awsvpc\"")
                    .pointer(format!("{}/networkMode", doc.task_pointer()));
                if let Some(fix) = fix {
                    d.fix(fix);
                }
            }
        }
    }
}
