//! The one list of rules. `ecslint rules`, `ecslint explain`, the configuration, the docs and
//! the wasm `rules()` all read it.

use crate::document::Document;
use crate::rule::RuleMeta;
use crate::rules::structure::{
    DescribeOutputWrapper, InvalidEnumValue, InvalidType, MissingRequiredField, NullValue,
    ReadOnlyField, UnknownDocumentKind, UnknownField,
};
use crate::rules::syntax::{
    DuplicateKey, InvalidJson, InvalidUtf8, JsonBom, JsonTooDeep, NumberOutOfRange,
};
use crate::rules::Reporter;

/// A rule's check over a recognised document.
pub type CheckFn = for<'a> fn(&Document<'a>, &mut Reporter<'a>);

/// Every rule, in the order `ecslint rules` lists them.
static RULES: &[&RuleMeta] = &[
    // syntax
    &InvalidJson::META,
    &InvalidUtf8::META,
    &JsonBom::META,
    &JsonTooDeep::META,
    &DuplicateKey::META,
    &NumberOutOfRange::META,
    // structure
    &UnknownDocumentKind::META,
    &UnknownField::META,
    &InvalidType::META,
    &InvalidEnumValue::META,
    &MissingRequiredField::META,
    &NullValue::META,
    &ReadOnlyField::META,
    &DescribeOutputWrapper::META,
];

/// The rules that check a recognised document, beyond the structural walk.
pub(crate) static CHECKS: &[(&RuleMeta, CheckFn)] = &[];

/// Every rule.
pub fn rules() -> &'static [&'static RuleMeta] {
    RULES
}

/// The rule with id `id`.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|m| m.id == id)
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
        for (meta, _) in CHECKS {
            assert!(
                find(meta.id).is_some(),
                "{} has a check but is not listed",
                meta.id
            );
        }
    }
}
