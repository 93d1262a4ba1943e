//! What the reference rules share: the containers of a document by name, the report of a
//! name that points at nothing (with the valid targets and a "did you mean"), and a cycle
//! finder for dependency graphs.

use crate::diagnostic::{Edit, Fix};
use crate::model::{ContainerDefinition, Str, View};
use crate::rule::RuleMeta;
use crate::rules::Reporter;
use crate::suggest::did_you_mean;
use crate::text::TextRange;

/// One container definition with a string name.
#[derive(Clone, Copy)]
pub(crate) struct Named<'a> {
    pub name: Str<'a>,
    pub def: ContainerDefinition<'a>,
}

impl<'a> Named<'a> {
    pub fn name(&self) -> &'a str {
        self.name.value()
    }
}

/// The containers of a document that have a name.
pub(crate) struct Containers<'a> {
    pub all: Vec<Named<'a>>,
    /// Some name is a template placeholder: any reference might resolve to it.
    pub templated: bool,
}

impl<'a> Containers<'a> {
    pub fn new(doc: &crate::document::Document<'a>) -> Option<Self> {
        let list = doc.container_definitions?;
        let mut all = Vec::new();
        let mut templated = false;
        for def in list.values() {
            if let Some(name) = def.name() {
                templated |= crate::template::is_placeholder(name.value());
                all.push(Named { name, def });
            } else {
                // A name known only when deployed could be any.
                templated |= def.get("name").is_some_and(|n| n.is_unknown());
            }
        }
        // So could a container known only when deployed.
        templated |= list.nodes().iter().any(|n| n.is_unknown());
        Some(Containers { all, templated })
    }

    /// The first container named `name`.
    pub fn find(&self, name: &str) -> Option<&Named<'a>> {
        self.all.iter().find(|c| c.name() == name)
    }

    /// The position in `all` of the first container named `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.all.iter().position(|c| c.name() == name)
    }

    pub fn candidates(&self) -> Vec<(&'a str, TextRange)> {
        self.all
            .iter()
            .map(|c| (c.name(), c.name.range()))
            .collect()
    }
}

/// "`a`, `b` and `c`" (at most eight, then "…").
pub(crate) fn list_names(names: &[&str]) -> String {
    let shown: Vec<String> = names.iter().take(8).map(|n| format!("`{n}`")).collect();
    let mut out = match shown.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        n => format!("{} and {}", shown[..n - 1].join(", "), shown[n - 1]),
    };
    if names.len() > 8 {
        out.push_str(&format!(" (and {} more)", names.len() - 8));
    }
    out
}

/// What a name that resolves to nothing refers to.
pub(crate) struct Target<'t> {
    /// "container" or "volume".
    pub kind: &'static str,
    /// The names it could have been, with where each is declared.
    pub candidates: &'t [(&'t str, TextRange)],
    /// A name excluded from the suggestions (the referring container itself).
    pub exclude: Option<&'t str>,
}

/// Reports `name` at `at` as unresolved: the help names the valid targets and, when one is
/// close, suggests it with a related location and an unsafe fix that writes `replacement`
/// (given the suggestion) over `at`.
pub(crate) fn report_unresolved<'a>(
    out: &mut Reporter<'a>,
    meta: &'static RuleMeta,
    at: TextRange,
    message: String,
    name: &str,
    target: &Target<'_>,
    replacement: impl Fn(&str) -> String,
) {
    let names: Vec<&str> = target
        .candidates
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| Some(*n) != target.exclude)
        .collect();
    let suggestion = did_you_mean(name, names.iter().copied());
    let plural = format!("{}s", target.kind);
    let other = if target.exclude.is_some() {
        "other "
    } else {
        ""
    };
    let help = match (suggestion, names.len()) {
        (_, 0) => format!(
            "there is no {other}{} to refer to: declare it or remove the reference",
            target.kind
        ),
        (Some(s), 1) => format!("did you mean `{s}`? it is the only {other}{}", target.kind),
        (Some(s), _) => format!(
            "did you mean `{s}`? the {plural} are {}",
            list_names(&names)
        ),
        (None, 1) => format!("the only {other}{} is {}", target.kind, list_names(&names)),
        (None, _) => format!("the {plural} are {}", list_names(&names)),
    };
    let d = out.report(meta, at, message).help(help);
    if let Some(s) = suggestion {
        if let Some((_, range)) = target.candidates.iter().find(|(n, _)| *n == s) {
            d.related(*range, format!("`{s}` is declared here"));
        }
        let text = serde_json::to_string(&replacement(s)).unwrap_or_default();
        d.fix(Fix::unsafe_(
            format!("refer to `{s}`"),
            vec![Edit::replace(at, text)],
        ));
    }
}

/// An edge of a dependency graph: to the node at `to`, written at `at`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    pub to: usize,
    pub at: TextRange,
}

/// One cycle per strongly connected component that has one (a self-loop counts): the edges
/// in order, each leading to the next node, the last back to the first edge's source.
/// Returns `(source node, edge)` pairs.
pub(crate) fn find_cycles(graph: &[Vec<Edge>]) -> Vec<Vec<(usize, Edge)>> {
    // Most task definitions have no `dependsOn` or `links` at all.
    if graph.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let components = strongly_connected(graph);
    let mut cycles = Vec::new();
    let mut member = vec![false; graph.len()];
    for component in components {
        for &n in &component {
            member[n] = true;
        }
        let in_component = |n: usize| member[n];
        let start = *component.iter().min().expect("components are not empty");
        let self_loop = graph[start].iter().find(|e| e.to == start);
        if component.len() == 1 {
            if let Some(e) = self_loop {
                cycles.push(vec![(start, *e)]);
            }
            continue;
        }
        // A shortest path back to `start` inside the component (breadth first).
        let mut previous: Vec<Option<(usize, Edge)>> = vec![None; graph.len()];
        let mut queue = std::collections::VecDeque::from([start]);
        let mut seen = vec![false; graph.len()];
        seen[start] = true;
        let mut closing = None;
        'search: while let Some(node) = queue.pop_front() {
            for e in &graph[node] {
                if !in_component(e.to) {
                    continue;
                }
                if e.to == start {
                    closing = Some((node, *e));
                    break 'search;
                }
                if !seen[e.to] {
                    seen[e.to] = true;
                    previous[e.to] = Some((node, *e));
                    queue.push_back(e.to);
                }
            }
        }
        if let Some((last, edge)) = closing {
            let mut path = vec![(last, edge)];
            let mut node = last;
            while let Some((from, e)) = previous[node] {
                path.push((from, e));
                node = from;
            }
            path.reverse();
            cycles.push(path);
        }
        for &n in &component {
            member[n] = false;
        }
    }
    cycles
}

/// Tarjan's algorithm, iterative; only the components that can hold a cycle are returned:
/// more than one node, or one with a self-loop.
fn strongly_connected(graph: &[Vec<Edge>]) -> Vec<Vec<usize>> {
    let n = graph.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    let mut work = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        work.push((root, 0usize));
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            if *i == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(e) = graph[v].get(*i) {
                *i += 1;
                let w = e.to;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                if stack.last() == Some(&v) && !graph[v].iter().any(|e| e.to == v) {
                    // A single node without a self-loop: no cycle, nothing to allocate.
                    stack.pop();
                    on_stack[v] = false;
                    continue;
                }
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(component);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(to: usize) -> Edge {
        Edge {
            to,
            at: TextRange::empty(0),
        }
    }

    #[test]
    fn finds_one_cycle_per_component() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0
        let graph = vec![
            vec![edge(1)],
            vec![edge(2)],
            vec![edge(0)],
            vec![edge(3)],
            vec![edge(0)],
        ];
        let cycles = find_cycles(&graph);
        assert_eq!(cycles.len(), 2);
        let nodes: Vec<Vec<usize>> = cycles
            .iter()
            .map(|c| c.iter().map(|(n, _)| *n).collect())
            .collect();
        assert!(nodes.contains(&vec![0, 1, 2]));
        assert!(nodes.contains(&vec![3]));
    }

    #[test]
    fn no_cycle_in_a_chain() {
        let graph = vec![vec![edge(1)], vec![edge(2)], vec![]];
        assert!(find_cycles(&graph).is_empty());
    }

    #[test]
    fn lists_names() {
        assert_eq!(list_names(&["a"]), "`a`");
        assert_eq!(list_names(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
