//! The one list of rules: every area's `RULES`, in order. `ecslint rules`, `ecslint explain`,
//! the configuration, the docs and the wasm `rules()` all read it.

use std::sync::OnceLock;

use crate::rule::{Rule, RuleMeta};
use crate::rules;

/// The areas, in the order `ecslint rules` lists them.
static AREAS: &[&[Rule]] = &[
    rules::syntax::RULES,
    rules::structure::RULES,
    rules::task::RULES,
    rules::fargate::RULES,
    rules::resources::RULES,
    rules::tags::RULES,
    rules::container::RULES,
    rules::references::RULES,
    rules::volumes::RULES,
    rules::security::RULES,
    rules::networking::RULES,
    rules::logging::RULES,
    rules::health::RULES,
    rules::linux::RULES,
    rules::windows::RULES,
    rules::service::RULES,
    rules::deploy::RULES,
    rules::service::deployment::RULES,
    rules::cloudformation::RULES,
    rules::terraform::RULES,
];

/// Every rule.
pub fn rules() -> &'static [&'static RuleMeta] {
    static ALL: OnceLock<Vec<&'static RuleMeta>> = OnceLock::new();
    ALL.get_or_init(|| all().map(|r| r.meta).collect())
}

/// Every registered rule with its check.
pub(crate) fn all() -> impl Iterator<Item = &'static Rule> {
    AREAS.iter().flat_map(|area| area.iter())
}

/// The rule with id `id`.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    rules().iter().copied().find(|m| m.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for meta in rules() {
            assert!(seen.insert(meta.id), "duplicate rule id {}", meta.id);
            assert!(
                meta.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                meta.id
            );
            let docs = meta.docs();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix",
            ] {
                assert!(docs.contains(section), "{} lacks {section}", meta.id);
            }
            assert!(!meta.sources.is_empty(), "{} cites no source", meta.id);
            assert!(!meta.summary().is_empty());
        }
    }
}
