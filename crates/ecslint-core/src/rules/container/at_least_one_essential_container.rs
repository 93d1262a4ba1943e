use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition in which every container sets `"essential": false`.
    ///
    /// ## Why is this bad?
    /// A task runs as long as its essential containers run, so it needs at least one.
    /// RegisterTaskDefinition rejects a task definition without one: "ClientException: Task
    /// definition doesn't have any essential container.". `essential` defaults to `true`, so
    /// the rule fires only when all containers say `false` explicitly.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "essential": false },
    ///  { "name": "log_router", "image": "fluent-bit:3", "essential": false }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "essential": true },
    ///  { "name": "log_router", "image": "fluent-bit:3", "essential": false }]
    /// ```
    ///
    /// ## Fix
    /// Mark the main container `"essential": true` (or remove its `essential: false`).
    pub AtLeastOneEssentialContainer {
        id: "at-least-one-essential-container",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19100, 19100), quote: "All tasks must have at least one essential container." },
            Source::ErrorMessage { text: "Aws::ECS::Errors::ClientException: Task definition doesn't have any essential container.", seen_in: "eagletmt/hako#68" },
            Source::Peer { tool: "cfn-lint", rule: "E3042" },
        ],
    }
}

impl AtLeastOneEssentialContainer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let mut flags = Vec::new();
        for c in containers.nodes() {
            let Some(m) = c.member("essential").filter(|m| !m.value.is_null()) else {
                return; // absent (or not an object): essential by default, or unknown
            };
            match m.value.as_bool() {
                Some(false) => flags.push(m),
                _ => return,
            }
        }
        let Some((first, rest)) = flags.split_first() else {
            return;
        };
        let d = out
            .report(&Self::META, first.value.range, "every container is marked `\"essential\": false`; a task needs at least one essential container")
            .help("set \"essential\": true on the main container (the task stops when an essential container stops)");
        for m in rest {
            d.related(m.value.range, "also not essential");
        }
    }
}
