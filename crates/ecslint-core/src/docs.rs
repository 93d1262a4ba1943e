//! Documentation text: the rules' docs (their `declare_rule!` doc comments) and sources, and
//! botocore's documentation of the model's shapes and members (`Shape.doc`, `Member.doc`).
//!
//! None of it is needed to lint: it is what `explain`, `rules`, SARIF's rule help and the JSON
//! Schema's `description`s show. With the `docs` feature (on by default: the CLI, the library)
//! the text is compiled in. Without it (the npm package's WebAssembly, where it was a fifth of
//! the gzipped module: `npm/README.md`), every doc string and rule source is left out of the
//! binary, and the host hands the same text over at run time, read from the asset that
//! [`export`] writes from a build with the feature (`npm/scripts/build.sh`): [`load`]. Until
//! then the docs read as empty and rules cite no sources; everything else works.
//!
//! Lookups go through this module ([`crate::rule::RuleMeta::docs`], [`rule_sources`],
//! [`shape_doc`], [`member_doc`]), so a build with and a build without the feature (once
//! [`load`]ed) produce the same bytes.

use std::sync::OnceLock;

use serde_json::Value;

use crate::model::{Member, Shape};
use crate::rule::RuleMeta;

/// Whether this build has the documentation compiled in (the `docs` feature).
pub const COMPILED_IN: bool = cfg!(feature = "docs");

/// The documentation of every rule and shape of this build as JSON, for a build without the
/// `docs` feature to [`load`]; `npm/scripts/build.sh` writes it beside the WebAssembly:
///
/// ```json
/// {"version": "0.1.0",
///  "rules": {"unknown-field": {"docs": "## What it does\n…", "sources": [{"type": "botocore", …}]}, …},
///  "shapes": {"ContainerDefinition": {"doc": "…", "members": {"image": "…", …}}, …}}
/// ```
///
/// `docs` is [`RuleMeta::docs`], `sources` the rule's sources as `rules()` lists them;
/// members without documentation are left out.
#[cfg(feature = "docs")]
pub fn export() -> Value {
    let rules: serde_json::Map<String, Value> = crate::registry::rules()
        .iter()
        .map(|meta| {
            let rule = serde_json::json!({ "docs": meta.docs(), "sources": meta.sources });
            (meta.id.to_owned(), rule)
        })
        .collect();
    let shapes: serde_json::Map<String, Value> = crate::model::SHAPES
        .iter()
        .map(|shape| {
            let members: serde_json::Map<String, Value> = shape
                .members
                .iter()
                .filter(|m| !m.doc.is_empty())
                .map(|m| (m.name.to_owned(), Value::from(m.doc)))
                .collect();
            let entry = serde_json::json!({ "doc": shape.doc, "members": members });
            (shape.name.to_owned(), entry)
        })
        .collect();
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
        "shapes": shapes,
    })
}

/// Why [`load`] refused the documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The documentation [`load`] installs: `(key, text)` sorted by key, where the key is
/// `rule ID`, `sources ID` (the sources' JSON text), `shape NAME` or `member NAME.MEMBER`. One
/// flat table rather than maps of structures (`BTreeMap`s of a struct per rule and shape):
/// 2.3 KB gzipped less code in the WebAssembly.
#[derive(Debug, Default)]
pub struct Loaded {
    entries: Vec<(String, String)>,
}

impl Loaded {
    fn get(&self, kind: &str, name: &str, member: Option<&str>) -> Option<&str> {
        let mut key = format!("{kind} {name}");
        if let Some(member) = member {
            key.push('.');
            key.push_str(member);
        }
        let i = self
            .entries
            .binary_search_by(|(k, _)| k.as_str().cmp(&key))
            .ok()?;
        Some(self.entries[i].1.as_str())
    }

    /// A rule's docs (Markdown).
    pub fn rule_docs(&self, id: &str) -> Option<&str> {
        self.get("rule", id, None)
    }

    /// A rule's sources as `rules()` lists them.
    pub fn rule_sources(&self, id: &str) -> Option<Value> {
        serde_json::from_str(self.get("sources", id, None)?).ok()
    }

    /// A shape's documentation.
    pub fn shape_doc(&self, shape: &str) -> Option<&str> {
        self.get("shape", shape, None)
    }

    /// A member's documentation.
    pub fn member_doc(&self, shape: &str, member: &str) -> Option<&str> {
        self.get("member", shape, Some(member))
    }
}

/// Reads the documentation [`export`] wrote (JSON text) and checks that it is this build's:
/// the same version, every rule and every shape. Does not install it: [`load`].
///
/// Read with the core's own JSON parser, which the WebAssembly has anyway.
pub fn parse(json: &str) -> Result<Loaded, LoadError> {
    let (version, loaded) = read(json).ok_or_else(|| {
        LoadError("the documentation is not ecslint's (not the JSON `export` writes)".into())
    })?;
    let ours = env!("CARGO_PKG_VERSION");
    if version != ours {
        return Err(LoadError(format!(
            "the documentation is ecslint {version}'s, this is ecslint {ours}"
        )));
    }
    if let Some(meta) = crate::registry::rules()
        .iter()
        .find(|meta| loaded.rule_docs(meta.id).is_none())
    {
        return Err(LoadError(format!(
            "the documentation has no entry for the rule `{}`: it is from another build",
            meta.id
        )));
    }
    if let Some(shape) = crate::model::SHAPES
        .iter()
        .find(|shape| loaded.shape_doc(shape.name).is_none())
    {
        return Err(LoadError(format!(
            "the documentation has no entry for the shape `{}`: it is from another build",
            shape.name
        )));
    }
    Ok(loaded)
}

/// The version and the table of [`export`]'s JSON, if it has that layout.
fn read(json: &str) -> Option<(String, Loaded)> {
    let parsed = crate::json::parse(json);
    if !parsed.problems.is_empty() {
        return None;
    }
    let root = parsed.root?;
    let version = root.get("version")?.as_str()?.to_owned();
    let mut entries = Vec::new();
    for rule in root.get("rules")?.as_object()? {
        let id = &rule.key.name;
        let docs = rule.value.get("docs")?.as_str()?;
        let sources = rule.value.get("sources")?.range;
        let sources = json.get(sources.start..sources.end)?;
        entries.push((format!("rule {id}"), docs.to_owned()));
        entries.push((format!("sources {id}"), sources.to_owned()));
    }
    for shape in root.get("shapes")?.as_object()? {
        let name = &shape.key.name;
        let doc = shape.value.get("doc")?.as_str()?;
        entries.push((format!("shape {name}"), doc.to_owned()));
        for member in shape.value.get("members")?.as_object()? {
            let doc = member.value.as_str()?;
            entries.push((format!("member {name}.{}", member.key.name), doc.to_owned()));
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Some((version, Loaded { entries }))
}

/// The documentation handed over by [`load`].
static LOADED: OnceLock<Loaded> = OnceLock::new();

/// Installs the documentation [`export`] wrote (JSON text), for a build without the `docs`
/// feature. Once per process (or WebAssembly instance): later calls check their text and
/// keep the first. A build with the feature has no use for it (its own text wins).
pub fn load(json: &str) -> Result<(), LoadError> {
    let loaded = parse(json)?;
    let _ = LOADED.set(loaded);
    Ok(())
}

/// Whether the documentation is there: compiled in, or [`load`]ed.
pub fn available() -> bool {
    COMPILED_IN || LOADED.get().is_some()
}

/// The docs of a rule, if [`load`]ed: [`RuleMeta::docs`].
pub(crate) fn loaded_rule_docs(id: &str) -> Option<&'static str> {
    LOADED.get()?.rule_docs(id)
}

/// A rule's sources as JSON (what `rules()` lists).
pub fn rule_sources(meta: &RuleMeta) -> Value {
    if !meta.sources.is_empty() {
        return serde_json::to_value(meta.sources).unwrap_or(Value::Null);
    }
    LOADED
        .get()
        .and_then(|d| d.rule_sources(meta.id))
        .unwrap_or_else(|| Value::Array(Vec::new()))
}

/// botocore's documentation of a shape (plain text; empty when it has none).
pub fn shape_doc(shape: &Shape) -> &'static str {
    if !shape.doc.is_empty() {
        return shape.doc;
    }
    LOADED
        .get()
        .and_then(|d| d.shape_doc(shape.name))
        .unwrap_or("")
}

/// botocore's documentation of a member of `shape` (plain text; empty when it has none).
pub fn member_doc(shape: &Shape, member: &Member) -> &'static str {
    if !member.doc.is_empty() {
        return member.doc;
    }
    LOADED
        .get()
        .and_then(|d| d.member_doc(shape.name, member.name))
        .unwrap_or("")
}

/// A doc string: the text with the `docs` feature, `""` without (the text is not compiled).
/// `declare_rule!` wraps the rules' doc comments in it, generated code the model's docs.
#[cfg(feature = "docs")]
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_text {
    ($text:expr) => {
        $text
    };
}

/// A doc string: the text with the `docs` feature, `""` without (the text is not compiled).
/// `declare_rule!` wraps the rules' doc comments in it, generated code the model's docs.
#[cfg(not(feature = "docs"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_text {
    ($text:expr) => {
        ""
    };
}

/// A rule's sources: the list with the `docs` feature; without, none (the list is still
/// type-checked, in a constant that nothing reads, so it is not compiled into the binary).
#[cfg(feature = "docs")]
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_sources {
    ($sources:expr) => {
        $sources
    };
}

/// A rule's sources: the list with the `docs` feature; without, none (the list is still
/// type-checked, in a constant that nothing reads, so it is not compiled into the binary).
#[cfg(not(feature = "docs"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_sources {
    ($sources:expr) => {{
        const _: &[$crate::rule::Source] = $sources;
        &[]
    }};
}

#[cfg(all(test, feature = "docs"))]
mod tests {
    use super::*;

    #[test]
    fn export_then_parse_gives_the_compiled_text() {
        let json = export().to_string();
        let loaded = parse(&json).unwrap();
        for meta in crate::registry::rules() {
            assert_eq!(loaded.rule_docs(meta.id), Some(meta.docs().as_str()));
            assert_eq!(loaded.rule_sources(meta.id), Some(rule_sources(meta)));
            assert!(!meta.sources.is_empty());
        }
        let mut members = 0;
        for shape in crate::model::SHAPES {
            assert_eq!(loaded.shape_doc(shape.name), Some(shape_doc(shape)));
            for member in shape.members {
                let doc = member_doc(shape, member);
                let expected = if doc.is_empty() { None } else { Some(doc) };
                assert_eq!(loaded.member_doc(shape.name, member.name), expected);
                members += usize::from(expected.is_some());
            }
        }
        assert!(members > 300, "{members}");
        assert_eq!(loaded.rule_docs("no-such-rule"), None);
        assert_eq!(loaded.member_doc("ContainerDefinition", "nope"), None);
    }

    #[test]
    fn parse_refuses_another_build() {
        let edit = |f: &dyn Fn(&mut Value)| {
            let mut docs = export();
            f(&mut docs);
            parse(&docs.to_string()).unwrap_err().0
        };
        let e = edit(&|d| d["version"] = "0.0.0-other".into());
        assert!(
            e.starts_with("the documentation is ecslint 0.0.0-other's"),
            "{e}"
        );
        let e = edit(&|d| {
            d["rules"].as_object_mut().unwrap().remove("unknown-field");
        });
        assert!(e.contains("no entry for the rule `unknown-field`"), "{e}");
        let e = edit(&|d| {
            d["shapes"]
                .as_object_mut()
                .unwrap()
                .remove("ContainerDefinition");
        });
        assert!(e.contains("shape `ContainerDefinition`"), "{e}");
        let e = edit(&|d| d["rules"]["unknown-field"]["docs"] = 3.into());
        assert!(e.contains("not ecslint's"), "{e}");
        for text in ["{}", "[", "", "{\"version\": \"0.1.0\",}"] {
            assert!(parse(text).is_err(), "{text}");
        }
    }
}
