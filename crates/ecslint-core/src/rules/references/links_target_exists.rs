use crate::rules::prelude::*;
use crate::rules::references::helpers::{report_unresolved, Containers, Target};

declare_rule! {
    /// ## What it does
    /// Reports a `links` entry (`name` or `name:alias`) whose name part is not a container of
    /// the task definition.
    ///
    /// ## Why is this bad?
    /// A link connects a container to another container of the same task (bridge networking
    /// only). Docker cannot link to a container that does not exist, so the task fails to
    /// start. The API reference states the requirement but no rejection message for it has
    /// been seen, so this is a warning rather than an error.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["mysq:db"] },
    ///  { "name": "mysql", "image": "mysql:8.4" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "links": ["mysql:db"] },
    ///  { "name": "mysql", "image": "mysql:8.4" }]
    /// ```
    ///
    /// ## Fix
    /// Name an existing container before the `:` (the help lists them and suggests the
    /// closest). The offered fix keeps the alias; it is unsafe because another container may
    /// have been meant.
    pub LinksTargetExists {
        id: "links-target-exists",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (19264, 19264), quote: "the name of one container can be entered in the links of another container to connect the containers." },
        ],
    }
}

impl LinksTargetExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        if containers.templated {
            return;
        }
        let candidates = containers.candidates();
        for c in &containers.all {
            let Some(links) = c.def.links() else { continue };
            for link in links.values() {
                let text = link.value();
                if is_placeholder(text) {
                    continue;
                }
                let (name, alias) = match text.split_once(':') {
                    Some((n, a)) => (n, Some(a)),
                    None => (text, None),
                };
                if name.is_empty() || containers.find(name).is_some() {
                    continue;
                }
                report_unresolved(
                    out,
                    &Self::META,
                    link.range(),
                    format!("container `{}` links to `{name}`, which is not a container of this task definition", c.name()),
                    name,
                    &Target { kind: "container", candidates: &candidates, exclude: Some(c.name()) },
                    |s| match alias {
                        Some(a) => format!("{s}:{a}"),
                        None => s.to_owned(),
                    },
                );
            }
        }
    }
}
