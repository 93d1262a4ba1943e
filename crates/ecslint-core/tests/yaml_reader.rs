//! The YAML reader (`read::yaml`) against references:
//!
//! - the yaml-test-suite (`tests/data/yaml-test-suite.json`): saphyr-parser's events against
//!   the suite's expected event streams, and the reader's tree against the suite's JSON;
//! - the JSON parser: a JSON file of the corpus (`../shared/corpus`) gives the same tree,
//!   ranges included, through the YAML reader (JSON is YAML 1.2's flow syntax);
//! - PyYAML (`yaml.safe_load`, the YAML 1.1 loader cfn-lint builds on) and cfn-lint's own
//!   template loader (`cfnlint.decode.cfn_yaml.loads`), on generated documents: skipped, with
//!   a message, where `python3` lacks them (`pip install pyyaml cfn-lint`);
//! - property tests: any text keeps the invariants of `fuzz/src/yaml_check.rs` (never a
//!   panic, ranges inside the text and nested, pointers that resolve).

#[path = "../fuzz/src/yaml_check.rs"]
mod yaml_check;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ecslint_core::json::{self, Node, Value};
use ecslint_core::read::yaml::{self, Options};
use proptest::prelude::*;
use serde_json::Value as J;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tree as `serde_json` data (numbers parsed from their JSON text).
fn to_json(node: &Node<'_>) -> J {
    match &node.value {
        Value::Null | Value::Unknown => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => serde_json::from_str(&n.raw).expect("a number in JSON syntax"),
        Value::String(s) => J::String(s.to_string()),
        Value::Array(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Object(members) => {
            let mut map = serde_json::Map::new();
            for m in members {
                map.insert(m.key.name.to_string(), to_json(&m.value));
            }
            J::Object(map)
        }
    }
}

/// Equal as data: numbers by value (`1.0` and `1`, `1e3` and `1000.0` are the same).
fn same(a: &J, b: &J) -> bool {
    match (a, b) {
        (J::Number(x), J::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (J::Array(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

// ----- the yaml-test-suite -----------------------------------------------------------------

struct Case {
    id: String,
    yaml: String,
    tree: Option<String>,
    json: Option<String>,
    fail: bool,
}

fn suite() -> Vec<Case> {
    let text =
        std::fs::read_to_string(manifest_dir().join("tests/data/yaml-test-suite.json")).unwrap();
    let cases: Vec<J> = serde_json::from_str(&text).unwrap();
    cases
        .into_iter()
        .map(|c| Case {
            id: c["id"].as_str().unwrap().to_owned(),
            yaml: c["yaml"].as_str().unwrap().to_owned(),
            tree: c["tree"].as_str().map(str::to_owned),
            json: c["json"].as_str().map(str::to_owned),
            fail: c["fail"].as_bool().unwrap(),
        })
        .collect()
}

/// The suite's event stream, with anchors numbered in order of definition (saphyr-parser
/// gives anchors numbers, not names), `{}`/`[]` flow marks and `---`/`...` markers dropped.
fn normalize_tree(tree: &str) -> Vec<String> {
    let mut defined: HashMap<String, usize> = HashMap::new();
    let mut count = 0;
    tree.lines()
        .map(|line| {
            let line = line
                .trim_start()
                .replace("+MAP {}", "+MAP")
                .replace("+SEQ []", "+SEQ");
            let line = match line.as_str() {
                "+DOC ---" => "+DOC".to_owned(),
                "-DOC ..." => "-DOC".to_owned(),
                _ => line,
            };
            let (head, mut rest) = line.split_once(' ').unwrap_or((&line, ""));
            let mut out = vec![head.to_owned()];
            loop {
                if let Some(r) = rest.strip_prefix('&') {
                    let end = r.find(' ').unwrap_or(r.len());
                    count += 1;
                    defined.insert(r[..end].to_owned(), count);
                    out.push(format!("&{count}"));
                    rest = r[end..].trim_start();
                } else if let Some(r) = rest.strip_prefix('*') {
                    out.push(format!("*{}", defined.get(r).copied().unwrap_or(0)));
                    rest = "";
                } else if rest.starts_with('<') {
                    let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                    out.push(rest[..end].to_owned());
                    rest = rest[end..].trim_start();
                } else {
                    break;
                }
            }
            if !rest.is_empty() {
                out.push(rest.to_owned());
            }
            out.join(" ")
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
        .replace('\u{8}', "\\b")
}

/// saphyr-parser's events for `text`, in the suite's notation, or its error.
fn saphyr_events(text: &str) -> Result<Vec<String>, String> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    let mut ids: HashMap<usize, usize> = HashMap::new();
    let define = |ids: &mut HashMap<usize, usize>, id: usize| -> String {
        if id == 0 {
            return String::new();
        }
        let n = ids.len() + 1;
        ids.insert(id, n);
        format!(" &{n}")
    };
    let tag = |t: &Option<Cow<'_, saphyr_parser::Tag>>| {
        t.as_ref()
            .map(|t| format!(" <{}{}>", t.handle, t.suffix))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, _) = next.map_err(|e| e.info().to_owned())?;
        out.push(match event {
            Event::Nothing => continue,
            Event::StreamStart => "+STR".to_owned(),
            Event::StreamEnd => "-STR".to_owned(),
            Event::DocumentStart(_) => "+DOC".to_owned(),
            Event::DocumentEnd => "-DOC".to_owned(),
            Event::Alias(id) => format!("=ALI *{}", ids.get(&id).copied().unwrap_or(0)),
            Event::Scalar(v, style, anchor, t) => {
                let a = define(&mut ids, anchor);
                let c = match style {
                    ScalarStyle::Plain => ':',
                    ScalarStyle::SingleQuoted => '\'',
                    ScalarStyle::DoubleQuoted => '"',
                    ScalarStyle::Literal => '|',
                    ScalarStyle::Folded => '>',
                };
                format!("=VAL{a}{} {c}{}", tag(&t), escape(&v))
            }
            Event::SequenceStart(anchor, t) => {
                format!("+SEQ{}{}", define(&mut ids, anchor), tag(&t))
            }
            Event::MappingStart(anchor, t) => {
                format!("+MAP{}{}", define(&mut ids, anchor), tag(&t))
            }
            Event::SequenceEnd => "-SEQ".to_owned(),
            Event::MappingEnd => "-MAP".to_owned(),
        });
    }
    Ok(out)
}

#[test]
fn saphyr_parser_passes_the_yaml_test_suite() {
    let (mut pass, mut no_tree, mut failures) = (0, 0, Vec::new());
    for case in suite() {
        let got = saphyr_events(&case.yaml);
        let ok = if case.fail {
            got.is_err()
        } else if let Some(tree) = &case.tree {
            got.as_ref().is_ok_and(|g| *g == normalize_tree(tree))
        } else {
            no_tree += 1;
            got.is_ok()
        };
        if ok {
            pass += 1;
        } else {
            failures.push(format!("{}: {got:?}", case.id));
        }
    }
    println!("saphyr-parser on the yaml-test-suite: {pass} pass ({no_tree} without an event tree: parsed without error), {} fail", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the reader makes of each case, under the YAML 1.2 core schema the suite is written for.
#[test]
fn the_reader_reads_the_yaml_test_suite_as_its_json() {
    let options = Options::ECS_DEPLOY_ACTION;
    let (mut invalid_refused, mut invalid_in_later_document) = (0, 0);
    let (mut same_data, mut not_json, mut multi, mut empty) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in suite() {
        let out = yaml::parse_with(&case.yaml, &options);
        let checked =
            std::panic::catch_unwind(|| yaml_check::check_output(&case.yaml, &out.parsed));
        assert!(
            checked.is_ok(),
            "{} {:?}: the invariants fail",
            case.id,
            case.yaml
        );
        let p = &out.parsed;
        if case.fail {
            if p.root.is_none() {
                invalid_refused += 1;
            } else if p
                .problems
                .iter()
                .any(|p| p.message.contains("second YAML document"))
            {
                // The error is in a later document, which the reader does not read.
                invalid_in_later_document += 1;
            } else {
                failures.push(format!("{}: invalid YAML read as a tree", case.id));
            }
            continue;
        }
        let Some(root) = &p.root else {
            if p.problems.iter().any(|p| p.message == "the file is empty") {
                // A stream without a document (only comments or directives).
                empty += 1;
            } else {
                failures.push(format!("{}: valid YAML refused: {:?}", case.id, p.problems));
            }
            continue;
        };
        let Some(expected) = &case.json else {
            // No JSON in the suite: keys that are mappings, and the like.
            not_json += 1;
            continue;
        };
        let values: Vec<J> = serde_json::Deserializer::from_str(expected)
            .into_iter::<J>()
            .collect::<Result<_, _>>()
            .unwrap();
        if values.len() > 1 {
            // The reader keeps the first document and reports the next.
            multi += 1;
            assert!(
                p.problems
                    .iter()
                    .any(|p| p.message.contains("second YAML document")),
                "{}",
                case.id
            );
        }
        let first = values.first().cloned().unwrap_or(J::Null);
        if same(&to_json(root), &first) {
            same_data += 1;
        } else if p
            .problems
            .iter()
            .any(|p| p.rule == "invalid-yaml" && p.message.contains("key must be"))
        {
            not_json += 1;
        } else {
            failures.push(format!("{}: {} instead of {first}", case.id, to_json(root)));
        }
    }
    println!(
        "the YAML reader on the yaml-test-suite: {invalid_refused} invalid cases refused ({invalid_in_later_document} more invalid in a later document, reported as a second document), {same_data} valid cases read as their JSON ({multi} of them several documents: the first kept, the next reported), {empty} without a document (reported as an empty file), {not_json} valid cases without JSON data (complex keys), {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ----- JSON is YAML -------------------------------------------------------------------------

fn corpus_files() -> Vec<(String, String)> {
    let dir = std::env::var_os("ECSLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../../../shared/corpus"));
    assert!(
        dir.join("INDEX.tsv").is_file(),
        "the corpus is expected at {}",
        dir.display()
    );
    let mut files = Vec::new();
    for group in ["taskdefs", "services"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    text,
                ));
            }
        }
    }
    files
}

#[test]
fn a_json_file_gives_the_same_tree_through_the_yaml_reader() {
    let (mut same_tree, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for (name, text) in corpus_files() {
        let from_json = json::parse(&text);
        if !from_json.problems.is_empty() {
            // Not strict JSON (comments, placeholders): nothing to compare.
            skipped += 1;
            continue;
        }
        let root = from_json.root.unwrap();
        for options in [Options::ECS_DEPLOY_ACTION, Options::CLOUDFORMATION] {
            let from_yaml = yaml::parse_with(&text, &options).parsed;
            if from_yaml.root.as_ref() != Some(&root) || !from_yaml.problems.is_empty() {
                failures.push(format!("{name} ({options:?}): {:?}", from_yaml.problems));
            }
        }
        same_tree += 1;
    }
    println!("{same_tree} corpus files read to the same tree (ranges included) by both readers; {skipped} not strict JSON");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ----- generated documents, against PyYAML and cfn-lint ------------------------------------

/// A small deterministic generator of YAML documents in every style the reader handles.
struct Gen {
    state: u64,
    out: String,
    /// Anchors defined so far: `(name, is a mapping)`.
    anchors: Vec<(String, bool)>,
    named: usize,
    cfn: bool,
}

const PLAIN: &[&str] = &[
    "web",
    "hello world",
    "nginx",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "False",
    "~",
    "null",
    "0",
    "12",
    "-7",
    "+3",
    "0x1F",
    "017",
    "0o17",
    "1_000",
    "1.5",
    "1.",
    ".5",
    "1e3",
    "1.0e+3",
    "2010-09-09",
    "3:25:45",
    "a-b_c",
    "/path/to",
    "${Var}",
    "09",
    "0b101",
    "-0",
    "y",
    "n",
    "NULL",
    "TRUE",
    "1_0.5",
    "-1.25",
];
const QUOTED: &[&str] = &[
    "\"double \\\"q\\\" \\n esc\"",
    "'single ''q'''",
    "\"é \\u00e9 \\t tab\"",
    "\"\"",
    "''",
    "\"12\"",
    "'yes'",
    "\"a: b\"",
    "'# not a comment'",
];
const KEYS: &[&str] = &[
    "a",
    "b",
    "cpu",
    "memory",
    "name",
    "Image",
    "x y",
    "10",
    "yes",
    "\"quoted key\"",
    "'k2'",
    "on",
];
const CFN_TAGS: &[&str] = &[
    "!Ref",
    "!Sub",
    "!GetAtt",
    "!Base64",
    "!ImportValue",
    "!GetAZs",
    "!Condition",
];
const CFN_LIST_TAGS: &[&str] = &[
    "!Join",
    "!If",
    "!Select",
    "!Equals",
    "!Or",
    "!And",
    "!Not",
    "!Split",
    "!FindInMap",
    "!GetAtt",
    "!Cidr",
];

impl Gen {
    fn new(seed: u64, cfn: bool) -> Self {
        Gen {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            out: String::new(),
            anchors: Vec::new(),
            named: 0,
            cfn,
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn document(mut self) -> String {
        let start = if self.below(4) == 0 {
            "---\n"
        } else {
            "# a document\n"
        };
        self.out.push_str(start);
        self.block_mapping(0, 0);
        self.out
    }

    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    /// A scalar that reads the same in block and flow context.
    fn scalar(&mut self) -> String {
        if self.cfn && self.below(6) == 0 {
            let tag = self.pick(CFN_TAGS);
            let arg = if tag == "!GetAtt" {
                "Res.Attr"
            } else {
                self.pick(&["X", "'quoted'", "12", "\"${AWS::Region}\""])
            };
            return format!("{tag} {arg}");
        }
        match self.below(10) {
            0..=5 => self.pick(PLAIN).to_owned(),
            6..=8 => self.pick(QUOTED).to_owned(),
            _ => match self.anchors.iter().filter(|a| !a.1).count() {
                0 => "plain".to_owned(),
                n => {
                    let i = self.below(n);
                    let name = self
                        .anchors
                        .iter()
                        .filter(|a| !a.1)
                        .nth(i)
                        .unwrap()
                        .0
                        .clone();
                    format!("*{name}")
                }
            },
        }
    }

    /// An anchor for the node about to be written; usable once the node is complete
    /// ([`Gen::complete`]), so that no alias copies the node it is in.
    fn anchor(&mut self, is_map: bool) -> Option<(String, bool)> {
        if self.below(5) != 0 {
            return None;
        }
        self.named += 1;
        Some((format!("a{}", self.named), is_map))
    }

    fn complete(&mut self, anchor: Option<(String, bool)>) {
        self.anchors.extend(anchor);
    }

    fn shown(anchor: &Option<(String, bool)>) -> String {
        anchor
            .as_ref()
            .map(|(name, _)| format!("&{name}"))
            .unwrap_or_default()
    }

    fn flow(&mut self, depth: usize) -> String {
        match if depth > 2 { 2 } else { self.below(3) } {
            0 => {
                let n = self.below(4);
                let items: Vec<String> = (0..n).map(|_| self.flow(depth + 1)).collect();
                if self.cfn && n > 0 && self.below(3) == 0 {
                    format!("{} [{}]", self.pick(CFN_LIST_TAGS), items.join(", "))
                } else {
                    format!("[{}]", items.join(", "))
                }
            }
            1 => {
                let n = self.below(4);
                let mut keys: Vec<&str> = KEYS.to_vec();
                let mut entries = Vec::new();
                for _ in 0..n {
                    let k = keys.remove(self.below(keys.len()));
                    let v = self.flow(depth + 1);
                    entries.push(format!("{k}: {v}"));
                }
                format!("{{{}}}", entries.join(", "))
            }
            _ => {
                let mut s = self.scalar();
                if s.contains(['{', '}']) && !s.contains(['"', '\'']) {
                    // `${Var}` is not a plain scalar in flow context.
                    s = format!("'{s}'");
                }
                // An alias in flow context needs a space before `,` or `]`.
                if s.starts_with('*') {
                    format!("{s} ")
                } else {
                    s
                }
            }
        }
    }

    /// After `key:` or `-`: the value, ending with a newline.
    fn block_value(&mut self, indent: usize, depth: usize) {
        let choice = if depth > 3 {
            4 + self.below(5)
        } else {
            self.below(10)
        };
        match choice {
            0 | 1 => {
                let a = self.anchor(true);
                self.out.push_str(&format!(" {}\n", Self::shown(&a)));
                self.block_mapping(indent + 2, depth + 1);
                self.complete(a);
            }
            2 | 3 => {
                let a = self.anchor(false);
                let tag = if self.cfn && self.below(4) == 0 {
                    self.pick(CFN_LIST_TAGS)
                } else {
                    ""
                };
                self.out.push_str(&format!(" {} {tag}\n", Self::shown(&a)));
                self.block_sequence(indent + 2, depth + 1);
                self.complete(a);
            }
            4 => {
                let header = self.pick(&["|", "|-", "|+", ">", ">-", ">+"]);
                self.out.push_str(&format!(" {header}\n"));
                for i in 0..1 + self.below(3) {
                    self.indent(indent + 2);
                    // The first line sets the block's indentation.
                    let lines: &[&str] = if i == 0 {
                        &["some text", "${X} and $Y"]
                    } else {
                        &["some text", "  more indented", "${X} and $Y", "end."]
                    };
                    let line = self.pick(lines);
                    self.out.push_str(line);
                    self.out.push('\n');
                    if self.below(4) == 0 {
                        self.out.push('\n');
                    }
                }
            }
            5 => {
                self.out.push_str(" first line\n");
                self.indent(indent + 2);
                self.out.push_str("second line\n");
            }
            6 => {
                let f = self.flow(depth);
                self.out.push_str(&format!(" {f}\n"));
            }
            _ => {
                let s = self.scalar();
                let comment = if self.below(5) == 0 { " # note" } else { "" };
                self.out.push_str(&format!(" {s}{comment}\n"));
            }
        }
    }

    fn block_mapping(&mut self, indent: usize, depth: usize) {
        let maps: Vec<String> = self
            .anchors
            .iter()
            .filter(|a| a.1)
            .map(|a| a.0.clone())
            .collect();
        if !maps.is_empty() && self.below(4) == 0 {
            let name = &maps[self.below(maps.len())];
            self.indent(indent);
            self.out.push_str(&format!("<<: *{name}\n"));
        }
        let mut keys: Vec<&str> = KEYS.to_vec();
        for _ in 0..1 + self.below(4) {
            let k = keys.remove(self.below(keys.len()));
            self.indent(indent);
            self.out.push_str(k);
            self.out.push(':');
            self.block_value(indent, depth);
        }
    }

    fn block_sequence(&mut self, indent: usize, depth: usize) {
        for _ in 0..1 + self.below(4) {
            self.indent(indent);
            self.out.push('-');
            self.block_value(indent, depth);
        }
    }
}

/// Runs `script` with the documents (a JSON list) on its standard input; `None` when
/// `python3` or the module the script needs is missing.
fn python(script: &str, docs: &[String]) -> Option<Vec<J>> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()?
        .write_all(serde_json::to_string(docs).unwrap().as_bytes())
        .ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("ModuleNotFoundError"),
            "the oracle failed: {err}"
        );
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

const PYYAML: &str = r#"
import json, sys, yaml
out = []
for doc in json.load(sys.stdin):
    try:
        out.append({"ok": json.loads(json.dumps(yaml.safe_load(doc), default=str))})
    except Exception as e:
        out.append({"error": str(e).splitlines()[0]})
json.dump(out, sys.stdout)
"#;

const CFN_LINT: &str = r#"
import json, sys
from cfnlint.decode import cfn_yaml
out = []
for doc in json.load(sys.stdin):
    try:
        out.append({"ok": json.loads(json.dumps(cfn_yaml.loads(doc), default=str))})
    except Exception as e:
        out.append({"error": str(e).splitlines()[0]})
json.dump(out, sys.stdout)
"#;

fn differential(name: &str, script: &str, docs: &[String], options: Options) {
    let Some(expected) = python(script, docs) else {
        println!("skipped: python3 has no {name} here");
        return;
    };
    let (mut agree, mut both_refuse, mut oracle_failed) = (0, 0, 0);
    let mut failures = Vec::new();
    for (doc, want) in docs.iter().zip(&expected) {
        let out = yaml::parse_with(doc, &options);
        yaml_check::check_output(doc, &out.parsed);
        match (&out.parsed.root, want.get("ok")) {
            (Some(root), Some(want)) if same(&to_json(root), want) => agree += 1,
            (None, None) => {
                both_refuse += 1;
                if let Some(dir) = std::env::var_os("YAML_DIFF_DUMP") {
                    std::fs::write(
                        Path::new(&dir).join(format!("{name}-refused-{both_refuse}.yaml")),
                        doc,
                    )
                    .unwrap();
                }
            }
            (_, None)
                if want["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("has no attribute 'start_mark'")) =>
            {
                // cfn-lint 1.58 fails on repeated keys that are not strings (`yes:` twice).
                oracle_failed += 1;
            }
            (got, _) => {
                if let Some(dir) = std::env::var_os("YAML_DIFF_DUMP") {
                    let path = Path::new(&dir).join(format!("{name}-{}.yaml", failures.len()));
                    std::fs::write(path, doc).unwrap();
                }
                let mut f = String::new();
                let _ = write!(
                    f,
                    "{doc}\n--- {name}: {want}\n--- ecslint: {:?} {:?}",
                    got.as_ref().map(to_json),
                    out.parsed.problems
                );
                failures.push(f);
            }
        }
    }
    println!(
        "{name}: {agree} documents read the same, {both_refuse} refused by both, {oracle_failed} {name} could not read (its own error), {} disagree",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements, the first:\n{}",
        failures.len(),
        failures[0]
    );
}

#[test]
fn generated_documents_read_as_pyyaml_reads_them() {
    let docs: Vec<String> = (0..600).map(|i| Gen::new(i, false).document()).collect();
    differential(
        "PyYAML",
        PYYAML,
        &docs,
        Options {
            cloudformation_tags: false,
            ..Options::CLOUDFORMATION
        },
    );
}

#[test]
fn templates_read_as_cfn_lint_reads_them() {
    let mut docs: Vec<String> = (0..400)
        .map(|i| Gen::new(1000 + i, true).document())
        .collect();
    docs.push(
        std::fs::read_to_string(manifest_dir().join("tests/yaml/ecs-fargate-service.yaml"))
            .unwrap(),
    );
    differential("cfn-lint", CFN_LINT, &docs, Options::CLOUDFORMATION);
}

// ----- properties ---------------------------------------------------------------------------

fn yamlish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "b: ",
        "- ",
        ": ",
        "\n",
        "\n  ",
        "\n    ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "\"",
        "'",
        "\\",
        "#",
        "&x ",
        "*x",
        "&y ",
        "*y",
        "<<: ",
        "!Ref ",
        "!GetAtt ",
        "!!str ",
        "!Foo ",
        "|",
        ">-",
        "---\n",
        "...\n",
        "?",
        "1",
        "0x1F",
        "yes",
        "~",
        "é",
        "${A}",
        "%YAML 1.2\n",
        "!",
        "&",
        "*",
        "\r\n",
    ]);
    proptest::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// What the property tests found once: empty values of `?` alone on a line and of `- ` after
/// a multi-line entry, placed on the next key or the end of the entry before (so that a
/// pointer to them named another value).
#[test]
fn empty_values_found_by_the_property_tests() {
    for text in [
        "?\na<<: ",
        "---\n?\n",
        "- !Ref \n  ---\n- ",
        "- a\n- \n",
        "- \n- b\n",
        "a:\n- \n- b: 1\n",
    ] {
        yaml_check::check_yaml(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn yamlish_text_keeps_the_invariants(text in yamlish()) {
        yaml_check::check_yaml(&text);
    }

    #[test]
    fn any_text_keeps_the_invariants(text in "\\PC{0,200}") {
        yaml_check::check_yaml(&text);
    }

}

proptest! {
    // Larger documents: fewer cases.
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_keep_the_invariants(seed in any::<u64>(), cfn in any::<bool>()) {
        yaml_check::check_yaml(&Gen::new(seed, cfn).document());
    }

    #[test]
    fn a_cut_template_keeps_the_invariants(at in 0usize..12_000, cut in 0usize..40) {
        let text = std::fs::read_to_string(manifest_dir().join("tests/yaml/ecs-fargate-service.yaml")).unwrap();
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}", &text[..at], &text[end..]);
        yaml_check::check_yaml(&mutated);
    }
}
