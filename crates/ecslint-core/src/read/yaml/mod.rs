//! YAML with exact positions: the same [`Node`](crate::json::Node) tree the JSON parser
//! builds, with a byte range on every key and value, from a CloudFormation template or a task
//! definition written in YAML.
//!
//! The syntax is read by `saphyr-parser` (YAML 1.2, every case of the yaml-test-suite
//! passes; `docs/yaml-reader.md` compares it with `yaml-rust2`); this module turns its events
//! into the tree and decides what the values mean:
//!
//! - **Scalars** follow the schema of the tool that reads the file ([`Schema`]): YAML 1.1 as
//!   PyYAML resolves it for CloudFormation (`yes` is `true`, `0x1F` is 31, `1e3` is a string),
//!   or the YAML 1.2 core schema of the `yaml` npm package that the ECS deploy GitHub action
//!   uses. Numbers keep JSON syntax in [`Number::raw`](crate::json::Number): borrowed when the
//!   text is already JSON (`512`), else rewritten (`0x1F` → `31`, `1_000` → `1000`). `.inf`,
//!   `.nan` and timestamps (`2010-09-09`) stay strings, as written.
//! - **CloudFormation short forms** (`!Ref X`, `!GetAtt A.B`, `!Sub`, …) become their long
//!   forms (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`): the key's range is the tag, the
//!   object's range is the whole tagged node, the inner value keeps its own range. A scalar
//!   under such a tag is always a string, as cfn-lint builds it (`!Ref 5` is `{"Ref": "5"}`).
//!   Another tag is reported (`unknown-yaml-tag`) and its value kept.
//! - **Anchors and aliases**: an alias is a copy of the anchored node in which every key and
//!   value takes the alias's range (`*base`), so that ranges stay nested and in order and a
//!   diagnostic lands where the copy is used; [`Output::aliases`] says which anchor each
//!   alias copies. The copies of a file (an alias's, and the one kept of each anchored node)
//!   count at most [`MAX_ALIAS_NODES`] nodes (cfn-lint's bound against "billion laughs");
//!   past that the reader stops.
//! - **Merge keys** (`<<: *base`, YAML 1.1 only, as PyYAML; the `yaml` npm package keeps `<<`
//!   as a plain key): merged members sit where the `<<` is, keys written in the mapping win,
//!   and among merged mappings the earlier wins.
//! - **One document**: a second document (`---`) is an error, as in cfn-lint and the `yaml`
//!   package's `parse`; the tree is the first document.
//! - **Problems**: duplicate keys (`duplicate-key`, both places), syntax errors
//!   (`invalid-yaml`, with the place and what was expected: tabs, bad indentation, unclosed
//!   brackets and quotes), nesting deeper than [`MAX_DEPTH`]. A syntax error stops the
//!   reader: no tree. Never panics.

mod build;
mod cfn;
mod errors;
mod scalar;
#[cfg(test)]
mod tests;

use crate::json::ParseOutput;
pub use crate::json::MAX_DEPTH;
use crate::text::TextRange;

/// The most nodes that anchors and aliases may copy in one file: cfn-lint's bound (250,000
/// alias-resolved nodes, `decode/cfn_yaml.py`), far above any real template and far below
/// what a "billion laughs" file expands to.
pub const MAX_ALIAS_NODES: usize = 250_000;

/// How plain scalars are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schema {
    /// YAML 1.1 as PyYAML's `SafeLoader` resolves it (what cfn-lint reads templates with;
    /// CloudFormation documents "the YAML Version 1.1 specification"): `yes`/`no`/`on`/`off`
    /// are booleans, `0x`/`0b`/leading-`0` octal/`_`/base-60 integers, floats need a dot, and
    /// `<<` merges.
    Yaml11,
    /// The YAML 1.2 core schema, the default of the `yaml` npm package 2.x (the ECS deploy
    /// GitHub action's `yaml.parse`): only `true`/`false` are booleans, `0o17` and `0x1F`
    /// are integers, `017` is 17, and `<<` is a plain key.
    Core,
}

/// What the reader is reading for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub schema: Schema,
    /// Turn CloudFormation's short-form tags (`!Ref`, `!Sub`, …) into their long forms.
    pub cloudformation_tags: bool,
}

impl Options {
    /// A CloudFormation template: YAML 1.1 and the short-form tags.
    pub const CLOUDFORMATION: Options = Options {
        schema: Schema::Yaml11,
        cloudformation_tags: true,
    };
    /// A task definition read by the ECS deploy GitHub action (`yaml` 2.x, core schema).
    pub const ECS_DEPLOY_ACTION: Options = Options {
        schema: Schema::Core,
        cloudformation_tags: false,
    };
}

impl Default for Options {
    fn default() -> Self {
        Options::CLOUDFORMATION
    }
}

/// An alias and the anchor it copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AliasUse {
    /// The alias (`*name`): the range of every key and value of the copy.
    pub range: TextRange,
    /// The anchor (`&name`).
    pub anchor: TextRange,
}

/// The tree and problems, and the YAML features CloudFormation itself does not support
/// (aliases and merge keys: "AWS CloudFormation doesn't support … Aliases, Hash merges"),
/// for the forms that want to say so.
#[derive(Debug)]
pub struct Output<'s> {
    pub parsed: ParseOutput<'s>,
    /// Every alias the tree copies, in document order.
    pub aliases: Vec<AliasUse>,
    /// Every `<<` key that merged (YAML 1.1 only).
    pub merge_keys: Vec<TextRange>,
}

/// Reads a CloudFormation template ([`Options::CLOUDFORMATION`]). Never panics.
///
/// ```
/// use ecslint_core::read::yaml;
/// let out = yaml::parse("Cpu: !Ref TaskCpu\nEssential: yes\n");
/// let root = out.root.unwrap();
/// assert_eq!(root.get("Cpu").unwrap().get("Ref").unwrap().as_str(), Some("TaskCpu"));
/// assert_eq!(root.get("Essential").unwrap().as_bool(), Some(true));
/// ```
pub fn parse(text: &str) -> ParseOutput<'_> {
    parse_with(text, &Options::CLOUDFORMATION).parsed
}

/// Reads `text` with `options`. Never panics.
pub fn parse_with<'s>(text: &'s str, options: &Options) -> Output<'s> {
    build::Builder::new(text, *options).run()
}
