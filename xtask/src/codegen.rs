//! `cargo xtask codegen`: botocore's ECS model → `crates/ecslint-core/src/model/generated.rs`.
//!
//! The generated file holds, for every shape reachable from `RegisterTaskDefinitionRequest`
//! and `CreateServiceRequest`: a `Shape` or `EnumDef` descriptor static, and for each
//! structure a typed view (`structure_view!`) with one accessor per member. It also lists
//! the read-only members of `TaskDefinition` and `Service` (those the request shapes lack).

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use crate::docs;
use crate::naming::{screaming_snake, snake_ident};

/// The workspace root: the parent of the xtask crate's directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `$ECSLINT_BOTOCORE`, or the copy of botocore's ECS model in `crates/ecslint-core/data`.
pub fn default_botocore_path() -> PathBuf {
    match std::env::var_os("ECSLINT_BOTOCORE") {
        Some(p) => PathBuf::from(p),
        None => {
            workspace_root().join("crates/ecslint-core/data/botocore-ecs-2014-11-13-service-2.json")
        }
    }
}

/// Where the generated code goes.
pub fn generated_path() -> PathBuf {
    workspace_root().join("crates/ecslint-core/src/model/generated.rs")
}

/// Formats Rust source with `rustfmt --edition 2021`, run from `dir` so that it reads the
/// project's rustfmt configuration as `cargo fmt` would.
pub fn rustfmt(code: &str, dir: &Path) -> Result<String, String> {
    let program = std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into());
    let mut child = Command::new(program)
        .args(["--edition", "2021", "--emit", "stdout"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!("cannot run rustfmt ({e}); install it with `rustup component add rustfmt`")
        })?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = code.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "rustfmt input thread panicked".to_string())?
        .map_err(|e| format!("cannot write to rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt printed non-UTF-8: {e}"))
}

/// The request shapes the linter checks; everything reachable from them is generated.
pub const ROOTS: &[&str] = &[
    "RegisterTaskDefinitionRequest",
    "CreateServiceRequest",
    "UpdateServiceRequest",
];

/// `(static name, output shape, request shape)`: the members of the output shape that the
/// request lacks are read-only fields (what `describe-*` prints but `register`/`create`
/// rejects).
const OUTPUT_ONLY: &[(&str, &str, &str)] = &[
    (
        "TASK_DEFINITION_OUTPUT_ONLY",
        "TaskDefinition",
        "RegisterTaskDefinitionRequest",
    ),
    ("SERVICE_OUTPUT_ONLY", "Service", "CreateServiceRequest"),
];

/// Names the model module already exports (`shape.rs`, `view.rs`); a structure's view type
/// must not take one of them.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Shape", "Member", "Type", "EnumDef", "Str", "Int", "Long", "Double", "Bool", "Any", "List",
    "Map", "View",
];

/// Methods `structure_view!` and `View` already define on every view.
const RESERVED_METHODS: &[&str] = &["member", "get", "typed", "node", "range", "cast"];

/// A JSON object whose members keep their document order (botocore lists members in the
/// order of the API reference), whatever features `serde_json` is built with.
struct Ordered<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    entries.push((k, v));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(V(PhantomData))
    }
}

#[derive(serde::Deserialize)]
struct RawModel {
    #[serde(default)]
    metadata: BTreeMap<String, serde_json::Value>,
    shapes: Ordered<RawShape>,
}

#[derive(serde::Deserialize)]
struct RawRef {
    shape: String,
}

#[derive(serde::Deserialize)]
struct RawShape {
    #[serde(rename = "type")]
    ty: String,
    members: Option<Ordered<RawMember>>,
    member: Option<RawRef>,
    key: Option<RawRef>,
    value: Option<RawRef>,
    #[serde(default)]
    required: Vec<String>,
    #[serde(rename = "enum")]
    enum_values: Option<Vec<String>>,
    min: Option<serde_json::Number>,
    max: Option<serde_json::Number>,
    #[serde(default)]
    documentation: String,
    #[serde(default)]
    deprecated: bool,
    #[serde(default)]
    document: bool,
}

#[derive(serde::Deserialize)]
struct RawMember {
    shape: String,
    #[serde(default)]
    documentation: String,
    #[serde(default)]
    deprecated: bool,
}

struct Model {
    metadata: BTreeMap<String, serde_json::Value>,
    shapes: BTreeMap<String, RawShape>,
}

impl Model {
    fn shape(&self, name: &str) -> Result<&RawShape, String> {
        self.shapes
            .get(name)
            .ok_or_else(|| format!("botocore refers to shape `{name}`, which it does not define"))
    }

    fn members(&self, name: &str) -> Result<&[(String, RawMember)], String> {
        let shape = self.shape(name)?;
        match (&shape.ty[..], &shape.members) {
            ("structure", Some(m)) => Ok(&m.0),
            ("structure", None) => Ok(&[]),
            _ => Err(format!("botocore shape `{name}` is not a structure")),
        }
    }

    fn is_enum(&self, name: &str) -> bool {
        self.shapes
            .get(name)
            .is_some_and(|s| s.ty == "string" && s.enum_values.is_some())
    }

    /// Shapes reachable from `roots`, following structure members, list members and map keys
    /// and values.
    fn reachable(&self, roots: &[&str]) -> Result<BTreeSet<String>, String> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<String> = roots.iter().map(|r| r.to_string()).collect();
        while let Some(name) = queue.pop_front() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let shape = self.shape(&name)?;
            let mut next: Vec<&str> = Vec::new();
            if let Some(members) = &shape.members {
                next.extend(members.0.iter().map(|(_, m)| m.shape.as_str()));
            }
            for r in [&shape.member, &shape.key, &shape.value]
                .into_iter()
                .flatten()
            {
                next.push(&r.shape);
            }
            queue.extend(next.into_iter().map(String::from));
        }
        Ok(seen)
    }
}

/// A botocore document (`"document": true`: any JSON value) or a structure without members:
/// neither gets a view type, and accessors for them return `Any`.
fn is_document(shape: &RawShape) -> bool {
    shape.ty == "structure"
        && (shape.document || shape.members.as_ref().is_none_or(|m| m.0.is_empty()))
}

fn int_bound(n: &Option<serde_json::Number>, shape: &str) -> Result<String, String> {
    match n {
        None => Ok("None".into()),
        Some(n) => n
            .as_i64()
            .map(|v| format!("Some({v})"))
            .ok_or_else(|| format!("botocore shape `{shape}` has a non-integer bound {n}")),
    }
}

fn len_bound(n: &Option<serde_json::Number>, shape: &str) -> Result<String, String> {
    match n {
        None => Ok("None".into()),
        Some(n) => n
            .as_u64()
            .map(|v| format!("Some({v})"))
            .ok_or_else(|| format!("botocore shape `{shape}` has a bad length bound {n}")),
    }
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    escape_into(&mut out, s);
    out.push('"');
    out
}

/// A Rust string literal for long text, broken after spaces into lines of about
/// [`WRAP`] characters with `\` line continuations (which drop the next line's leading
/// whitespace), so that rustfmt can lay out the code around it. Continuation lines are
/// indented by `indent` spaces.
fn wrapped_lit(s: &str, indent: usize) -> String {
    const WRAP: usize = 72;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut line_len = 0;
    let mut rest = s;
    while !rest.is_empty() {
        // The next piece: up to and including the next space that is followed by a
        // non-space (a continuation must not swallow significant whitespace).
        let mut end = rest
            .char_indices()
            .find(|&(i, c)| c == ' ' && rest[i + 1..].starts_with(|n: char| !n.is_whitespace()))
            .map_or(rest.len(), |(i, _)| i + 1);
        // A piece too long for a line (a URL) is cut anywhere the next character is not
        // whitespace.
        if end > WRAP {
            end = (WRAP / 2..=WRAP)
                .rev()
                .find(|&i| {
                    rest.is_char_boundary(i) && rest[i..].starts_with(|n: char| !n.is_whitespace())
                })
                .unwrap_or(end);
        }
        let mut piece = String::new();
        escape_into(&mut piece, &rest[..end]);
        if line_len > 0 && line_len + piece.len() > WRAP {
            out.push_str("\\\n");
            out.extend(std::iter::repeat_n(' ', indent));
            line_len = 0;
        }
        out.push_str(&piece);
        line_len += piece.len();
        rest = &rest[end..];
    }
    out.push('"');
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}

struct Generator<'m> {
    model: &'m Model,
    /// botocore shape name → the name of its static.
    statics: BTreeMap<String, String>,
    /// Names of the `crate::model` items the generated code uses.
    uses: BTreeSet<&'static str>,
    /// Bytes of documentation text in `Shape.doc` / `Member.doc` strings.
    doc_bytes: usize,
}

impl Generator<'_> {
    fn static_name(&self, shape: &str) -> &str {
        &self.statics[shape]
    }

    /// The `Type` expression for a botocore shape.
    fn type_expr(&mut self, name: &str) -> Result<String, String> {
        let shape = self.model.shape(name)?;
        Ok(match shape.ty.as_str() {
            "string" if shape.enum_values.is_some() => {
                format!("Type::Enum(&{})", self.static_name(name))
            }
            "string" => format!(
                "Type::String {{ min: {}, max: {} }}",
                len_bound(&shape.min, name)?,
                len_bound(&shape.max, name)?
            ),
            "integer" | "long" => format!(
                "Type::{} {{ min: {}, max: {} }}",
                if shape.ty == "integer" {
                    "Integer"
                } else {
                    "Long"
                },
                int_bound(&shape.min, name)?,
                int_bound(&shape.max, name)?
            ),
            "boolean" => "Type::Boolean".into(),
            "double" | "float" => "Type::Double".into(),
            "timestamp" => "Type::Timestamp".into(),
            "list" => {
                let member = shape
                    .member
                    .as_ref()
                    .ok_or_else(|| format!("botocore list `{name}` has no member"))?;
                format!(
                    "Type::List {{ member: &{}, min: {}, max: {} }}",
                    self.type_expr(&member.shape)?,
                    len_bound(&shape.min, name)?,
                    len_bound(&shape.max, name)?
                )
            }
            "map" => {
                let key = shape
                    .key
                    .as_ref()
                    .ok_or_else(|| format!("botocore map `{name}` has no key"))?;
                let value = shape
                    .value
                    .as_ref()
                    .ok_or_else(|| format!("botocore map `{name}` has no value"))?;
                if self.model.shape(&key.shape)?.ty != "string" {
                    return Err(format!("botocore map `{name}` has non-string keys"));
                }
                format!("Type::Map {{ value: &{} }}", self.type_expr(&value.shape)?)
            }
            "structure" => format!("Type::Structure(&{})", self.static_name(name)),
            other => {
                return Err(format!(
                    "botocore shape `{name}` has type `{other}`, which the model cannot describe"
                ))
            }
        })
    }

    /// The Rust type a view accessor returns for a botocore shape.
    fn view_type(&mut self, name: &str) -> Result<String, String> {
        let shape = self.model.shape(name)?;
        let (item, ty) = match shape.ty.as_str() {
            "string" => ("Str", "Str<'a>".to_string()),
            "integer" => ("Int", "Int<'a>".into()),
            "long" => ("Long", "Long<'a>".into()),
            "double" | "float" => ("Double", "Double<'a>".into()),
            "boolean" => ("Bool", "Bool<'a>".into()),
            "timestamp" => ("Any", "Any<'a>".into()),
            "structure" if is_document(shape) => ("Any", "Any<'a>".into()),
            "structure" => return Ok(format!("{name}<'a>")),
            "list" => {
                let member = &shape.member.as_ref().expect("checked by type_expr").shape;
                let elem = self.view_type(member)?;
                ("List", format!("List<'a, {elem}>"))
            }
            "map" => {
                let value = &shape.value.as_ref().expect("checked by type_expr").shape;
                let elem = self.view_type(value)?;
                ("Map", format!("Map<'a, {elem}>"))
            }
            other => return Err(format!("no view type for botocore type `{other}`")),
        };
        self.uses.insert(item);
        Ok(ty)
    }

    /// The value of a `doc` field (continuation lines indented by `indent`): the literal in
    /// `__doc_text!`, which leaves it out of builds without the core's `docs` feature (the
    /// npm package's WebAssembly loads it at run time: `crates/ecslint-core/src/docs.rs`).
    fn doc(&mut self, text: &str, indent: usize) -> String {
        let text = docs::cap(text);
        self.doc_bytes += text.len();
        if text.is_empty() {
            return lit("");
        }
        // rustfmt puts a long literal on its own line, one level deeper than the field.
        format!("crate::__doc_text!({})", wrapped_lit(&text, indent + 4))
    }
}

/// Appends `/// …` lines for `text` (its first sentence) at `indent`.
fn doc_comment(out: &mut String, indent: &str, text: &str, fallback: &str) {
    let sentence = docs::first_sentence(text);
    let line = if sentence.is_empty() {
        fallback.to_string()
    } else {
        docs::doc_comment_line(&sentence)
    };
    // Wrapped to fit 100 columns; never before a word that would start a Markdown block.
    let width = 96usize.saturating_sub(indent.len()).max(40);
    let mut current = String::new();
    for word in line.split(' ') {
        let starts_block = word.starts_with(['-', '+', '*', '#', '=', '|'])
            || word
                .trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && word.ends_with(['.', ')']);
        if !current.is_empty() && current.len() + 1 + word.len() > width && !starts_block {
            let _ = writeln!(out, "{indent}/// {current}");
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    let _ = writeln!(out, "{indent}/// {current}");
}

/// What `generate` produced, with figures for the report.
pub struct Output {
    pub code: String,
    pub doc_bytes: usize,
    pub structures: usize,
    pub enums: usize,
}

/// Generates `generated.rs` from botocore's ECS model (`service-2.json`), not yet formatted.
pub fn generate(botocore_json: &str) -> Result<String, String> {
    generate_output(botocore_json).map(|o| o.code)
}

/// Like [`generate`], with figures about the output.
pub fn generate_output(botocore_json: &str) -> Result<Output, String> {
    let raw: RawModel = serde_json::from_str(botocore_json)
        .map_err(|e| format!("cannot read the botocore model: {e}"))?;
    let model = Model {
        metadata: raw.metadata,
        shapes: raw.shapes.0.into_iter().collect(),
    };
    let reachable = model.reachable(ROOTS)?;
    let structures: Vec<&str> = reachable
        .iter()
        .filter(|n| model.shapes[*n].ty == "structure")
        .map(String::as_str)
        .collect();
    let enums: Vec<&str> = reachable
        .iter()
        .filter(|n| model.is_enum(n))
        .map(String::as_str)
        .collect();

    // Static names: SCREAMING_SNAKE of the shape name; an enum that would collide with a
    // structure (or anything else) gets `_ENUM`.
    let mut taken: BTreeSet<String> = ["SHAPES", "ENUMS"]
        .iter()
        .map(|s| s.to_string())
        .chain(OUTPUT_ONLY.iter().map(|(s, _, _)| s.to_string()))
        .collect();
    let mut statics = BTreeMap::new();
    for name in &structures {
        if RESERVED_TYPE_NAMES.contains(name) {
            return Err(format!(
                "botocore structure `{name}` would shadow `crate::model::{name}`"
            ));
        }
        let s = screaming_snake(name);
        if !taken.insert(s.clone()) {
            return Err(format!("two botocore structures are both named `{s}`"));
        }
        statics.insert(name.to_string(), s);
    }
    for name in &enums {
        let mut s = screaming_snake(name);
        while !taken.insert(s.clone()) {
            s.push_str("_ENUM");
        }
        statics.insert(name.to_string(), s);
    }

    let mut gen = Generator {
        model: &model,
        statics,
        uses: BTreeSet::new(),
        doc_bytes: 0,
    };

    let mut body = String::new();

    // Descriptor statics.
    for name in &structures {
        let shape = model.shape(name)?;
        let members = model.members(name)?;
        let required: BTreeSet<&str> = shape.required.iter().map(String::as_str).collect();
        for r in &required {
            if !members.iter().any(|(m, _)| m == r) {
                return Err(format!(
                    "botocore `{name}` requires `{r}`, which is not one of its members"
                ));
            }
        }
        let shape_doc = gen.doc(&docs::html_to_text(&shape.documentation), 4);
        let _ = writeln!(
            body,
            "pub static {}: Shape = Shape {{ name: {}, doc: {shape_doc}, members: &[",
            gen.static_name(name),
            lit(name)
        );
        for (member_name, member) in members {
            let target = model.shape(&member.shape)?;
            let doc_html = if member.documentation.is_empty() {
                &target.documentation
            } else {
                &member.documentation
            };
            let doc = gen.doc(&docs::html_to_text(doc_html), 12);
            let ty = gen.type_expr(&member.shape)?;
            let deprecated = member.deprecated || target.deprecated;
            let _ = writeln!(
                body,
                "Member {{ name: {}, doc: {doc}, ty: &{ty}, required: {}, deprecated: {deprecated} }},",
                lit(member_name),
                required.contains(member_name.as_str()),
            );
        }
        body.push_str("] };\n\n");
    }
    for name in &enums {
        let values = model.shape(name)?.enum_values.as_ref().expect("an enum");
        let values: Vec<String> = values.iter().map(|v| lit(v)).collect();
        let _ = writeln!(
            body,
            "pub static {}: EnumDef = EnumDef {{ name: {}, values: &[{}] }};\n",
            gen.static_name(name),
            lit(name),
            values.join(", ")
        );
    }

    // Tables.
    let _ = writeln!(
        body,
        "/// Every structure reachable from {},\n/// sorted by name.\npub static SHAPES: &[&Shape] = &[{}];\n",
        ROOTS.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(" and "),
        structures
            .iter()
            .map(|n| format!("&{}", gen.static_name(n)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        body,
        "/// Every enum reachable from the request shapes, sorted by name.\npub static ENUMS: &[&EnumDef] = &[{}];\n",
        enums
            .iter()
            .map(|n| format!("&{}", gen.static_name(n)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (static_name, output, request) in OUTPUT_ONLY {
        let request_members: BTreeSet<&str> = model
            .members(request)?
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        let only: BTreeSet<&str> = model
            .members(output)?
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !request_members.contains(n))
            .collect();
        let _ = writeln!(
            body,
            "/// Members of botocore `{output}` that `{request}` lacks:\n/// read-only output fields, sorted.\npub static {static_name}: &[&str] = &[{}];\n",
            only.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", ")
        );
    }

    // Typed views.
    for name in &structures {
        let shape = model.shape(name)?;
        let members = model.members(name)?;
        if is_document(shape) {
            let _ = writeln!(
                body,
                "// `{name}` is a botocore document (any JSON value): no view; accessors return `Any`.\n"
            );
            continue;
        }
        let doc_text = docs::html_to_text(&shape.documentation);
        body.push_str("crate::structure_view!(\n");
        doc_comment(
            &mut body,
            "    ",
            &doc_text,
            &format!("The `{name}` structure."),
        );
        let _ = writeln!(body, "    {name},\n    {}\n);\n", gen.static_name(name));
        let _ = writeln!(body, "impl<'a> {name}<'a> {{");
        let mut methods = BTreeSet::new();
        for (member_name, member) in members {
            let target = model.shape(&member.shape)?;
            let doc_html = if member.documentation.is_empty() {
                &target.documentation
            } else {
                &member.documentation
            };
            let method = snake_ident(member_name);
            if RESERVED_METHODS.contains(&method.as_str()) {
                return Err(format!(
                    "`{name}.{member_name}` would be accessor `{method}`, which views already define"
                ));
            }
            if !methods.insert(method.clone()) {
                return Err(format!(
                    "two members of `{name}` map to accessor `{method}`"
                ));
            }
            doc_comment(
                &mut body,
                "    ",
                &docs::html_to_text(doc_html),
                &format!("The `{member_name}` member."),
            );
            if member.deprecated || target.deprecated {
                body.push_str("    ///\n    /// Deprecated in the API.\n");
            }
            let ty = gen.view_type(&member.shape)?;
            let _ = writeln!(
                body,
                "    pub fn {method}(self) -> Option<{ty}> {{\n        self.typed({})\n    }}\n",
                lit(member_name)
            );
        }
        body.push_str("}\n\n");
    }

    // Header.
    let mut out = String::new();
    let meta = |k: &str| {
        model
            .metadata
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string()
    };
    let _ = writeln!(
        out,
        "// @generated by cargo xtask codegen from botocore's ECS model\n// (uid {}, apiVersion {}, input fnv1a64 {:016x}). Do not edit.",
        meta("uid"),
        meta("apiVersion"),
        fnv1a64(botocore_json.as_bytes())
    );
    let _ = writeln!(
        out,
        "//\n// {} structures and {} enums reachable from\n// {}.\n",
        structures.len(),
        enums.len(),
        ROOTS.join(" and ")
    );
    let mut uses: Vec<&str> = vec!["EnumDef", "Shape", "Member", "Type"];
    uses.extend(gen.uses.iter().copied());
    uses.sort_unstable();
    uses.dedup();
    let _ = writeln!(out, "use crate::model::{{{}}};\n", uses.join(", "));
    out.push_str(&body);
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(Output {
        code: out,
        doc_bytes: gen.doc_bytes,
        structures: structures.len(),
        enums: enums.len(),
    })
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn botocore() -> Option<String> {
        let path = default_botocore_path();
        std::fs::read_to_string(&path).ok()
    }

    #[test]
    fn generate_is_deterministic() {
        let Some(json) = botocore() else {
            eprintln!("botocore model not found; skipping");
            return;
        };
        let a = generate(&json).expect("generate");
        let b = generate(&json).expect("generate");
        assert_eq!(a, b);
        assert!(a.contains("pub static PORT_MAPPING: Shape"));
        assert!(a.contains("pub fn enable_ecs_managed_tags(self) -> Option<Bool<'a>>"));
    }

    /// Reads back a literal made by `lit` / `wrapped_lit`, as rustc would.
    fn unescape(literal: &str) -> String {
        let inner = &literal[1..literal.len() - 1];
        let mut out = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('\n') => {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
                other => panic!("unexpected escape {other:?}"),
            }
        }
        out
    }

    #[test]
    fn wrapped_literals_keep_the_text() {
        let text = format!(
            "{} \"quoted\" back\\slash  two  spaces\n\n- item {} (https://{}/x)",
            "word ".repeat(30),
            "x".repeat(100),
            "y".repeat(200)
        );
        let literal = wrapped_lit(&text, 12);
        assert!(literal.lines().count() > 2, "{literal}");
        assert!(literal.lines().all(|l| l.len() < 120), "{literal}");
        assert_eq!(unescape(&literal), text);
    }

    #[test]
    fn small_model() {
        let json = r#"{
          "metadata": {"uid": "t-1", "apiVersion": "1"},
          "shapes": {
            "RegisterTaskDefinitionRequest": {"type": "structure", "required": ["family"],
              "members": {
                "family": {"shape": "String", "documentation": "<p>The \"family\" \\ name. More.</p>"},
                "type": {"shape": "Kind"},
                "ports": {"shape": "Ports"},
                "hook": {"shape": "Doc"}
              }},
            "CreateServiceRequest": {"type": "structure", "members": {}},
            "UpdateServiceRequest": {"type": "structure", "members": {}},
            "TaskDefinition": {"type": "structure", "members": {
                "family": {"shape": "String"}, "revision": {"shape": "Integer"}}},
            "Service": {"type": "structure", "members": {"serviceArn": {"shape": "String"}}},
            "String": {"type": "string"},
            "Integer": {"type": "integer"},
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "Ports": {"type": "list", "member": {"shape": "Port"}, "min": 1},
            "Port": {"type": "structure", "members": {"n": {"shape": "Integer"}}},
            "Doc": {"type": "structure", "members": {}, "document": true}
          }
        }"#;
        let out = generate(json).expect("generate");
        assert!(
            out.contains(r#"doc: crate::__doc_text!("The \"family\" \\ name. More."),"#),
            "{out}"
        );
        assert!(
            out.contains("pub fn r#type(self) -> Option<Str<'a>>"),
            "{out}"
        );
        assert!(
            out.contains("Type::List { member: &Type::Structure(&PORT), min: Some(1), max: None }"),
            "{out}"
        );
        assert!(
            out.contains("pub fn hook(self) -> Option<Any<'a>>"),
            "{out}"
        );
        assert!(
            out.contains(r#"TASK_DEFINITION_OUTPUT_ONLY: &[&str] = &["revision"]"#),
            "{out}"
        );
        assert!(
            out.contains(r#"SERVICE_OUTPUT_ONLY: &[&str] = &["serviceArn"]"#),
            "{out}"
        );
        assert!(out.contains(
            r#"pub static KIND: EnumDef = EnumDef { name: "Kind", values: &["a", "b"] };"#
        ));
    }
}
