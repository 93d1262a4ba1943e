use crate::rules::prelude::*;
use crate::rules::references::helpers::{find_cycles, Containers, Edge};

declare_rule! {
    /// ## What it does
    /// Reports containers whose `dependsOn` entries form a cycle (`a` waits for `b`, which
    /// waits for `a`), once per cycle, naming it. A container that depends on itself is a
    /// cycle of one.
    ///
    /// ## Why is this bad?
    /// ECS starts a container only when every container it depends on has reached the
    /// condition. In a cycle each container waits for another that is itself waiting, so none
    /// of them ever starts and the task never leaves PENDING. No rejection message from the
    /// API has been seen for it, so this is a warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoy", "condition": "START" }] },
    ///  { "name": "envoy", "image": "envoy:1", "dependsOn": [{ "containerName": "app", "condition": "START" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "dependsOn": [{ "containerName": "envoy", "condition": "START" }] },
    ///  { "name": "envoy", "image": "envoy:1" }]
    /// ```
    ///
    /// ## Fix
    /// Remove one of the dependencies of the cycle: decide which container must start first.
    pub DependsOnCycle {
        id: "depends-on-cycle",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18978, 18978), quote: "A container can contain multiple dependencies on other containers in a task definition." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_dependson", note: "a container starts only after each container it depends on reaches the condition" },
        ],
    }
}

impl DependsOnCycle {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        let graph: Vec<Vec<Edge>> = containers
            .all
            .iter()
            .map(|c| {
                c.def.depends_on().map_or_else(Vec::new, |deps| {
                    deps.values()
                        .filter_map(|d| {
                            let target = d.container_name()?;
                            Some(Edge {
                                to: containers.position(target.value())?,
                                at: target.range(),
                            })
                        })
                        .collect()
                })
            })
            .collect();
        report(
            out,
            &Self::META,
            &containers,
            &graph,
            "dependsOn",
            "waits for",
        );
    }
}

/// Reports each cycle of `graph` once, at its first edge, with the other edges as related
/// places.
pub(crate) fn report<'a>(
    out: &mut Reporter<'a>,
    meta: &'static crate::rule::RuleMeta,
    containers: &Containers<'a>,
    graph: &[Vec<Edge>],
    field: &str,
    verb: &str,
) {
    for cycle in find_cycles(graph) {
        let name = |n: usize| containers.all[n].name();
        let (first_node, first_edge) = cycle[0];
        let message = if cycle.len() == 1 {
            format!(
                "container `{}` {verb} itself in `{field}`",
                name(first_node)
            )
        } else {
            let mut path: Vec<String> = cycle
                .iter()
                .map(|(n, _)| format!("`{}`", name(*n)))
                .collect();
            path.push(format!("`{}`", name(first_node)));
            format!("`{field}` forms a cycle: {}", path.join(" → "))
        };
        let d = out
            .report(meta, first_edge.at, message)
            .help(format!("remove one `{field}` entry of the cycle so that one of these containers can start first"));
        for (n, e) in &cycle[1..] {
            d.related(e.at, format!("`{}` {verb} `{}` here", name(*n), name(e.to)));
        }
    }
}
