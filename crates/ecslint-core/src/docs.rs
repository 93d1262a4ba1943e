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

use std::ops::Range;
use std::sync::OnceLock;

use serde_json::Value;

use crate::model::{Member, Shape};
use crate::rule::RuleMeta;

/// Whether this build has the documentation compiled in (the `docs` feature).
pub const COMPILED_IN: bool = cfg!(feature = "docs");

/// The first field of [`export`]'s text.
const MAGIC: &str = "ecslint-docs";

/// The documentation of every rule and shape of this build, for a build without the `docs`
/// feature to [`load`]; `npm/scripts/build.sh` writes it beside the WebAssembly. A flat table,
/// fields separated by NUL (U+0000, in no doc): `ecslint-docs`, the version, then `key`,
/// `text` pairs sorted by key:
///
/// | key | text |
/// | --- | --- |
/// | `rule ID` | the rule's docs (Markdown, [`RuleMeta::docs`]) |
/// | `sources ID` | the rule's sources as `rules()` lists them (JSON) |
/// | `shape NAME` | botocore's documentation of a shape |
/// | `member NAME.MEMBER` | of a member (left out when it has none) |
///
/// Not JSON: splitting it is all [`load`] has to do, a few milliseconds, where reading it as
/// JSON took the WebAssembly 60 to 90 (the docs are 470 KB). Fails if a text holds a NUL.
#[cfg(feature = "docs")]
pub fn export() -> Result<String, String> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for meta in crate::registry::rules() {
        let sources = serde_json::to_string(meta.sources).map_err(|e| e.to_string())?;
        entries.push((format!("rule {}", meta.id), meta.docs()));
        entries.push((format!("sources {}", meta.id), sources));
    }
    for shape in crate::model::SHAPES {
        entries.push((format!("shape {}", shape.name), shape.doc.to_owned()));
        for member in shape.members.iter().filter(|m| !m.doc.is_empty()) {
            let key = format!("member {}.{}", shape.name, member.name);
            entries.push((key, member.doc.to_owned()));
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = format!("{MAGIC}\0{}", env!("CARGO_PKG_VERSION"));
    for (key, text) in entries {
        if let Some(bad) = [&key, &text].into_iter().find(|s| s.contains('\0')) {
            return Err(format!("a documentation text holds a NUL: {bad:?}"));
        }
        out.push('\0');
        out.push_str(&key);
        out.push('\0');
        out.push_str(&text);
    }
    Ok(out)
}

/// Why [`load`] refused the documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The documentation [`load`] installs: [`export`]'s text and where its `(key, text)` pairs
/// are, sorted by key. One flat table rather than maps of structures (`BTreeMap`s of a
/// struct per rule and shape): 2.3 KB gzipped less code in the WebAssembly.
#[derive(Debug, Default)]
pub struct Loaded {
    text: String,
    entries: Vec<(Range<usize>, Range<usize>)>,
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
            .binary_search_by(|(k, _)| self.text[k.clone()].cmp(&key))
            .ok()?;
        Some(&self.text[self.entries[i].1.clone()])
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

/// Reads the documentation [`export`] wrote and checks that it is this build's: the same
/// version, every rule and every shape. Does not install it: [`load`].
pub fn parse(text: String) -> Result<Loaded, LoadError> {
    let not_ours =
        || LoadError("the documentation is not ecslint's (not what `export` writes)".into());
    let mut fields = field_ranges(&text);
    let (Some(magic), Some(version)) = (fields.next(), fields.next()) else {
        return Err(not_ours());
    };
    if text[magic] != *MAGIC {
        return Err(not_ours());
    }
    let ours = env!("CARGO_PKG_VERSION");
    if text[version.clone()] != *ours {
        return Err(LoadError(format!(
            "the documentation is ecslint {}'s, this is ecslint {ours}",
            &text[version]
        )));
    }
    let mut entries = Vec::new();
    while let Some(key) = fields.next() {
        entries.push((key, fields.next().ok_or_else(not_ours)?));
    }
    drop(fields);
    entries.sort_unstable_by(|a, b| text[a.0.clone()].cmp(&text[b.0.clone()]));
    let loaded = Loaded { text, entries };
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

/// The ranges of the NUL-separated fields of `text`.
fn field_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\0').map(move |field| {
        let range = start..start + field.len();
        start = range.end + 1;
        range
    })
}

/// The documentation handed over by [`load`].
static LOADED: OnceLock<Loaded> = OnceLock::new();

/// Installs the documentation [`export`] wrote, for a build without the `docs`
/// feature. Once per process (or WebAssembly instance): later calls check their text and
/// keep the first. A build with the feature has no use for it (its own text wins).
pub fn load(text: String) -> Result<(), LoadError> {
    let loaded = parse(text)?;
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
        let loaded = parse(export().unwrap()).unwrap();
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
        let text = export().unwrap();
        let refused = |text: String| parse(text).unwrap_err().0;
        let version = env!("CARGO_PKG_VERSION");
        let other = text.replacen(&format!("\0{version}\0"), "\u{0}0.0.0-other\u{0}", 1);
        let e = refused(other);
        assert!(
            e.starts_with("the documentation is ecslint 0.0.0-other's"),
            "{e}"
        );
        let start = text.find("\0rule unknown-field\0").unwrap();
        // Its key and its text: up to the NUL after the next.
        let text_start = start + "\0rule unknown-field\0".len();
        let end = text[text_start..].find('\0').unwrap() + text_start;
        let e = refused(format!("{}{}", &text[..start], &text[end..]));
        assert!(e.contains("no entry for the rule `unknown-field`"), "{e}");
        let e = refused(text.replace("\0shape ContainerDefinition\0", "\0shape Other\0"));
        assert!(e.contains("shape `ContainerDefinition`"), "{e}");
        let e = refused(format!("{text}\0a key without its text"));
        assert!(e.contains("not ecslint's"), "{e}");
        for text in ["", "{}", "ecslint-docs", "ecslint\u{0}0.1.0"] {
            assert!(parse(text.to_owned()).is_err(), "{text}");
        }
    }
}
