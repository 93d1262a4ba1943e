//! Integrations (issue 7): the outputs that CI systems read, checked the way those systems
//! read them, and the pre-commit hooks and the GitHub Action run with the real tools.
//!
//! - SARIF is validated against the OASIS SARIF 2.1.0 JSON Schema
//!   (`tests/fixtures/integrations/sarif-schema-2.1.0.json`, see the README there) and checked
//!   for what GitHub code scanning reads (rule help, tags, `security-severity`, fingerprints,
//!   relative URIs).
//! - `--format github` lines are parsed back as the Actions runner does and compared with the
//!   JSON report; `--format junit` is parsed as XML (a strict, small well-formedness checker).
//! - No format shows the value of an environment variable (secret-looking or not).
//!
//! Tests that need more than the binary are `#[ignore]`d, so that `cargo test` stays fast, and
//! named `external_*`; `scripts/test-integrations` runs them (`-- --ignored external_`):
//! - `external_pre_commit_*`: pre-commit (from PyPI) installs and runs the hooks of
//!   `.pre-commit-hooks.yaml` (`language: rust` builds the CLI with `cargo install`,
//!   `language: node` installs the repository as an npm package, building the WebAssembly) on a
//!   sample repository, from a snapshot of this working tree committed in a cache directory
//!   (`~/.cache/ecslint-pre-commit`, or `$ECSLINT_PRE_COMMIT_CACHE`): the commit, and so
//!   pre-commit's environments, are reused while the sources are unchanged.
//! - `external_python_wheel_*` and `external_pre_commit_python_hook`: the Python wheel built
//!   from this checkout (`scripts/build-wheel`: maturin; unoptimised, in the Rust hook's build
//!   directory), installed in a fresh virtualenv and run; then the `language: python` hook installing it with pip from
//!   that wheel alone (no index, no cargo on PATH), checked against the Rust hook.
//! - `external_github_action`: the `run:` steps of `action.yml`, executed as the runner does
//!   (`tests/fixtures/integrations/run_action.py`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/integrations")
}

/// The corpus of real files beside the checkout, relative to the repository root (where the
/// binary runs, so that paths in the outputs stay relative).
const CORPUS: &str = "../shared/corpus";

fn ecslint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .output()
        .expect("runs ecslint")
}

fn ecslint_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs ecslint");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `ecslint check --format FORMAT ARGS…` in the repository root; exit code 0 or 1.
fn check(format: &str, args: &[&str]) -> String {
    let mut all = vec!["check", "--format", format];
    all.extend_from_slice(args);
    let out = ecslint(root(), &all);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "ecslint {all:?}: {}",
        text(&out)
    );
    stdout(&out)
}

/// A file's text, read from stdin under `name`; exit code 0 or 1.
fn check_stdin(format: &str, name: &str, input: &str, extra: &[&str]) -> String {
    let mut args = vec!["check", "--format", format, "--stdin-filename", name];
    args.extend_from_slice(extra);
    args.push("-");
    let out = ecslint_stdin(root(), &args, input);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "ecslint {args:?}: {}",
        text(&out)
    );
    stdout(&out)
}

// ---- SARIF ---------------------------------------------------------------------------------

fn sarif_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(
            &fs::read_to_string(fixtures().join("sarif-schema-2.1.0.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-04/schema#",
            "the OASIS schema is draft-04"
        );
        jsonschema::draft4::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

fn assert_valid_sarif(log: &Value, what: &str) {
    let errors: Vec<String> = sarif_validator()
        .iter_errors(log)
        .take(20)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

fn sarif(args: &[&str]) -> Value {
    serde_json::from_str(&check("sarif", args)).expect("SARIF is JSON")
}

/// Every kind of result the linter makes, in one run: the CLI fixtures, the rule specs (every
/// rule, with fixes and related locations) and the corpus of real files, all rules on.
fn everything() -> Value {
    static LOG: OnceLock<Value> = OnceLock::new();
    LOG.get_or_init(|| {
        sarif(&[
            "--select",
            "ALL",
            "tests/fixtures/cli",
            "tests/fixtures/integrations",
            "crates/ecslint-core/tests/specs",
            CORPUS,
        ])
    })
    .clone()
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let everything = everything();
    assert!(
        everything["runs"][0]["results"].as_array().unwrap().len() > 500,
        "a broad sample"
    );
    assert_valid_sarif(&everything, "fixtures, specs and corpus");

    let cases: Vec<(&str, Value)> = vec![
        ("the CLI fixtures", sarif(&["tests/fixtures/cli"])),
        (
            "an absolute path",
            sarif(&[root()
                .join("tests/fixtures/cli/problems.json")
                .to_str()
                .unwrap()]),
        ),
        (
            "a path that needs escaping",
            serde_json::from_str(&check_stdin(
                "sarif",
                "dir with space/ünï,code:task#1?.json",
                &fs::read_to_string(root().join("tests/fixtures/cli/problems.json")).unwrap(),
                &[],
            ))
            .unwrap(),
        ),
        (
            "secrets",
            sarif(&["--select", "ALL", "tests/fixtures/integrations"]),
        ),
        ("no files", {
            let empty = tempfile::tempdir().unwrap();
            serde_json::from_str(&stdout(&ecslint(
                empty.path(),
                &["check", "--format", "sarif"],
            )))
            .unwrap()
        }),
    ];
    for (what, log) in &cases {
        assert_valid_sarif(log, what);
    }
    let absolute = &cases[1].1["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"];
    assert!(absolute["uri"].as_str().unwrap().starts_with("file:///"));
    assert!(absolute.get("uriBaseId").is_none());
    let escaped = &cases[2].1["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"];
    assert_eq!(
        escaped["uri"],
        "dir%20with%20space/%C3%BCn%C3%AF%2Ccode%3Atask%231%3F.json"
    );
    assert_eq!(cases[4].1["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_has_what_github_code_scanning_reads() {
    let log = everything();
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ecslint");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let mut ids = HashSet::new();
    let mut security = 0;
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert!(ids.insert(id), "{id} twice");
        for field in ["shortDescription", "fullDescription"] {
            let text = rule[field]["text"].as_str().unwrap();
            assert!(!text.is_empty() && text.len() <= 1024, "{id}: {field}");
        }
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.contains("## What it does"), "{id}: help.markdown");
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        assert!(["error", "warning", "note"]
            .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
        let properties = &rule["properties"];
        let tags: Vec<&str> = properties["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(
            tags.len() <= 20 && tags.iter().collect::<HashSet<_>>().len() == tags.len(),
            "{id}: tags {tags:?}"
        );
        assert!(tags.contains(&"ecs"));
        assert!(tags.contains(&properties["category"].as_str().unwrap()));
        assert!(["very-high", "high", "medium", "low"]
            .contains(&properties["precision"].as_str().unwrap()));
        if properties["category"] == "security" {
            security += 1;
            assert!(
                tags.contains(&"security"),
                "{id}: code scanning's security tag"
            );
            let score: f64 = properties["security-severity"]
                .as_str()
                .expect("security-severity is a string")
                .parse()
                .unwrap();
            assert!((0.1..=10.0).contains(&score), "{id}: {score}");
        } else {
            assert!(properties.get("security-severity").is_none(), "{id}");
            assert!(!tags.contains(&"security"), "{id}");
        }
    }
    assert!(security >= 5, "the security rules are tagged");
    assert_eq!(
        rules
            .iter()
            .find(|r| r["id"] == "environment-no-plaintext-secrets")
            .unwrap()["properties"]["security-severity"],
        "7.5"
    );

    let results = run["results"].as_array().unwrap();
    assert!(results.len() <= 25_000, "code scanning's limit per run");
    let mut fingerprints: HashMap<&str, HashSet<&str>> = HashMap::new();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        if uri.starts_with("file:") {
            assert!(physical["artifactLocation"].get("uriBaseId").is_none());
        } else {
            assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
            assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        }
        let region = &physical["region"];
        let (start, end) = (
            region["startLine"].as_u64().unwrap(),
            region["endLine"].as_u64().unwrap(),
        );
        assert!(start >= 1 && end >= start);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        let fingerprint = result["partialFingerprints"]["ecslint/v1"]
            .as_str()
            .unwrap();
        assert!(
            fingerprints.entry(uri).or_default().insert(fingerprint),
            "{uri}: fingerprint {fingerprint} twice"
        );
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            assert!(related["id"].is_u64());
            assert!(!related["message"]["text"].as_str().unwrap().is_empty());
        }
    }
    assert!(results.iter().any(|r| r.get("relatedLocations").is_some()));
    assert!(results.iter().any(|r| r.get("fixes").is_some()));
}

#[test]
fn sarif_fingerprints_follow_a_finding_when_lines_move() {
    let text = fs::read_to_string(root().join("tests/fixtures/cli/problems.json")).unwrap();
    let before: Value =
        serde_json::from_str(&check_stdin("sarif", "taskdef.json", &text, &[])).unwrap();
    let moved = format!("\n\n\n{text}");
    let after: Value =
        serde_json::from_str(&check_stdin("sarif", "taskdef.json", &moved, &[])).unwrap();
    let fingerprints = |log: &Value| -> Vec<(String, u64)> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["ecslint/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let (a, b) = (fingerprints(&before), fingerprints(&after));
    assert!(a.len() >= 5);
    assert_eq!(a.len(), b.len());
    for ((fa, la), (fb, lb)) in a.iter().zip(&b) {
        assert_eq!(fa, fb, "the same finding, the same fingerprint");
        assert_eq!(la + 3, *lb, "three lines further down");
    }
    // Another file: other fingerprints.
    let other: Value =
        serde_json::from_str(&check_stdin("sarif", "other.json", &text, &[])).unwrap();
    assert_ne!(fingerprints(&other)[0].0, a[0].0);
}

// ---- GitHub annotations --------------------------------------------------------------------

/// A workflow command, unescaped as the runner does.
#[derive(Debug)]
struct Annotation {
    command: String,
    properties: BTreeMap<String, String>,
    message: String,
}

fn unescape_data(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

fn unescape_property(s: &str) -> String {
    unescape_data(&s.replace("%3A", ":").replace("%2C", ","))
}

fn parse_annotation(line: &str) -> Annotation {
    let rest = line
        .strip_prefix("::")
        .unwrap_or_else(|| panic!("not a command: {line}"));
    let (head, message) = rest
        .split_once("::")
        .unwrap_or_else(|| panic!("no message: {line}"));
    let (command, properties) = head.split_once(' ').unwrap_or((head, ""));
    let properties = properties
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p
                .split_once('=')
                .unwrap_or_else(|| panic!("bad property {p}: {line}"));
            (k.to_owned(), unescape_property(v))
        })
        .collect();
    Annotation {
        command: command.to_owned(),
        properties,
        message: unescape_data(message),
    }
}

/// The annotations of a run, compared with its JSON report finding by finding.
fn assert_annotations_match_report(args: &[&str], stdin: Option<(&str, &str)>) {
    let (github, json) = match stdin {
        Some((name, input)) => (
            check_stdin("github", name, input, args),
            check_stdin("json", name, input, args),
        ),
        None => (check("github", args), check("json", args)),
    };
    let report: Value = serde_json::from_str(&json).unwrap();
    let annotations: Vec<Annotation> = github.lines().map(parse_annotation).collect();
    let mut expected = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            expected.push((file["path"].as_str().unwrap().to_owned(), d.clone()));
        }
    }
    assert_eq!(annotations.len(), expected.len(), "one line per finding");
    for (a, (path, d)) in annotations.iter().zip(&expected) {
        let command = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(a.command, command);
        let p = &a.properties;
        assert_eq!(p["file"], path.replace('\\', "/"));
        assert_eq!(p["line"], d["range"]["start"]["line"].to_string());
        assert_eq!(p["col"], d["range"]["start"]["column"].to_string());
        assert_eq!(p["endLine"], d["range"]["end"]["line"].to_string());
        assert_eq!(p["endColumn"], d["range"]["end"]["column"].to_string());
        let deployed = match file_deployer(&report, path) {
            Some(name) if name != "aws-cli" => format!(" (deployed by {name})"),
            _ => String::new(),
        };
        assert_eq!(
            p["title"],
            format!("ecslint {}{deployed}", d["rule"].as_str().unwrap())
        );
        assert_eq!(a.message, d["message"].as_str().unwrap());
    }
}

#[test]
fn github_annotations_carry_every_finding_escaped_as_the_runner_reads_them() {
    assert_annotations_match_report(&["tests/fixtures/cli", "tests/fixtures/integrations"], None);
    assert_annotations_match_report(&["--select", "ALL", CORPUS], None);
    // A path with the characters that must be escaped in a property.
    let problems = fs::read_to_string(root().join("tests/fixtures/cli/problems.json")).unwrap();
    assert_annotations_match_report(&[], Some(("deploy,prod/50%:task.json", &problems)));
    let raw = check_stdin("github", "deploy,prod/50%:task.json", &problems, &[]);
    assert!(
        raw.lines()
            .all(|l| l.contains("file=deploy%2Cprod/50%25%3Atask.json,")),
        "{raw}"
    );
}

// ---- JUnit ---------------------------------------------------------------------------------

/// An XML element, as a small and strict well-formedness checker reads it.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.all(name, out);
        }
    }

    fn count(&self, name: &str) -> usize {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out.len()
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn xml_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'))
}

/// Character data: references resolved, `<` refused, only XML characters.
fn xml_text(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<']) {
        out.push_str(&rest[..i]);
        if rest[i..].starts_with('<') {
            return Err(format!("a raw `<` in {s:?}"));
        }
        let end = rest[i..]
            .find(';')
            .ok_or_else(|| format!("an unterminated reference in {s:?}"))?;
        let name = &rest[i + 1..i + end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16)
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse()
                } else {
                    return Err(format!("an unknown entity &{name}; in {s:?}"));
                };
                code.ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("a bad character reference &{name};"))?
            }
        };
        out.push(c);
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    match out.chars().find(|c| !xml_char(*c)) {
        Some(c) => Err(format!("U+{:04X} is not an XML character", c as u32)),
        None => Ok(out),
    }
}

fn parse_attributes(s: &str) -> Result<BTreeMap<String, String>, String> {
    let mut attributes = BTreeMap::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("an attribute without a value: {rest:?}"))?;
        let name = rest[..eq].trim_end();
        if !xml_name(name) {
            return Err(format!("a bad attribute name {name:?}"));
        }
        let after = rest[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|q| *q == '"' || *q == '\'')
            .ok_or_else(|| format!("an unquoted attribute {name}"))?;
        let close = after[1..]
            .find(quote)
            .ok_or_else(|| format!("an unterminated attribute {name}"))?;
        let value = xml_text(&after[1..1 + close])?;
        if attributes.insert(name.to_owned(), value).is_some() {
            return Err(format!("attribute {name} twice"));
        }
        let next = &after[close + 2..];
        if !next.is_empty() && !next.starts_with(char::is_whitespace) {
            return Err(format!("no space after attribute {name}"));
        }
        rest = next.trim_start();
    }
    Ok(attributes)
}

fn parse_xml(s: &str) -> Result<Element, String> {
    let mut rest = s
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .ok_or("no XML declaration")?;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let (text, after) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        let text = xml_text(text)?;
        match stack.last_mut() {
            Some(top) => top.text.push_str(&text),
            None if text.trim().is_empty() => {}
            None => return Err(format!("text outside the root element: {text:?}")),
        }
        if after.is_empty() {
            break;
        }
        let end = after.find('>').ok_or("an unclosed tag")?;
        let tag = &after[1..end];
        rest = &after[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let element = stack.pop().ok_or("a closing tag without an opening one")?;
            if element.name != name.trim_end() {
                return Err(format!("</{name}> closes <{}>", element.name));
            }
            match stack.last_mut() {
                Some(parent) => parent.children.push(element),
                None => root = Some(element),
            }
            continue;
        }
        if root.is_some() {
            return Err("a second root element".into());
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(tag) => (tag, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !xml_name(name) {
            return Err(format!("a bad element name {name:?}"));
        }
        let element = Element {
            name: name.to_owned(),
            attributes: parse_attributes(&tag[name_end..])?,
            ..Element::default()
        };
        if empty {
            match stack.last_mut() {
                Some(parent) => parent.children.push(element),
                None => root = Some(element),
            }
        } else {
            stack.push(element);
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> is not closed", open.name));
    }
    root.ok_or_else(|| "no root element".into())
}

#[test]
fn the_xml_checker_refuses_what_is_not_well_formed() {
    let ok = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &amp; 2\"><b/>t&#13;</a>\n";
    assert_eq!(parse_xml(ok).unwrap().attributes["x"], "1 & 2");
    for bad in [
        "<a></a>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a><b></a></b>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a x=\"<\"/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>&nbsp;</a>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u{1}</a>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a x=1/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/><b/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>",
    ] {
        assert!(parse_xml(bad).is_err(), "{bad}");
    }
}

/// Parses the JUnit document of a run and checks its structure against the JSON report.
fn assert_junit_matches_report(junit: &str, json: &str) {
    let doc = parse_xml(junit).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{junit}"));
    let report: Value = serde_json::from_str(json).unwrap();
    let files = report["files"].as_array().unwrap();
    let failing = |f: &Value| {
        f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] != "info")
            .count()
    };
    let failures: usize = files.iter().map(failing).sum();
    assert_eq!(doc.name, "testsuites");
    assert_eq!(doc.attributes["tests"], files.len().to_string());
    assert_eq!(doc.attributes["failures"], failures.to_string());
    assert_eq!(doc.children.len(), 1);
    let suite = &doc.children[0];
    assert_eq!(suite.name, "testsuite");
    assert_eq!(suite.attributes["name"], "ecslint");
    assert_eq!(suite.attributes["tests"], files.len().to_string());
    assert_eq!(suite.count("testcase"), files.len());
    assert_eq!(doc.count("failure"), failures);
    for (case, file) in suite.children.iter().zip(files) {
        assert_eq!(case.name, "testcase");
        assert_eq!(case.attributes["name"], file["path"].as_str().unwrap());
        assert_eq!(case.attributes["classname"], file["path"].as_str().unwrap());
        let case_failures: Vec<&Element> = case
            .children
            .iter()
            .filter(|c| c.name == "failure")
            .collect();
        assert_eq!(case_failures.len(), failing(file));
        for (failure, d) in case_failures.iter().zip(
            file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] != "info"),
        ) {
            assert_eq!(
                failure.attributes["message"],
                d["message"].as_str().unwrap()
            );
            assert_eq!(failure.attributes["type"], d["rule"].as_str().unwrap());
            assert!(failure.text.contains(d["message"].as_str().unwrap()));
        }
    }
}

#[test]
fn junit_is_well_formed_xml_with_one_test_case_per_file() {
    let args = ["tests/fixtures/cli", "tests/fixtures/integrations"];
    assert_junit_matches_report(&check("junit", &args), &check("json", &args));
    let args = ["--select", "ALL", CORPUS];
    assert_junit_matches_report(&check("junit", &args), &check("json", &args));
    // Markup and control characters in a path and in the linted text.
    let name = "a<b>&\"c\"'d'.json";
    let input = "{\"family\": \"x\u{1}<&>\", \"cpu\": 256, \"containerDefinitions\": [],}";
    let junit = check_stdin("junit", name, input, &[]);
    assert_junit_matches_report(&junit, &check_stdin("json", name, input, &[]));
    assert!(junit.contains("name=\"a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;.json\""));
}

// ---- secrets -------------------------------------------------------------------------------

/// The environment values of the secrets fixtures: secret-looking or not, none may be shown.
const STRING_VALUES: &[&str] = &[
    "correct-horse-battery-staple",
    "AKIAZ7QXEXAMPLE4KEY9",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Pl3Xw2T",
    "ghp_Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2V",
    "plain-value-not-secret-either",
    "xoxb-7730184412-Vq2Lr8Nn3Kp6",
    "k3y-Rw7pLq9zMx2v",
];

/// Values written as JSON numbers: `invalid-type` offers a fix that quotes them.
const NUMBER_VALUES: &[&str] = &["48213", "0.4375", "907531"];

const SECRETS: &[&str] = &[
    "tests/fixtures/integrations/secrets.json",
    "tests/fixtures/integrations/secrets-describe.json",
];

/// The raw values found in `out`, in any of the escaped forms the formats use.
fn leaks(out: &str, values: &[&str]) -> Vec<String> {
    values
        .iter()
        .filter(|v| {
            let json = serde_json::to_string(v).unwrap();
            out.contains(*v) || out.contains(json.trim_matches('"')) || out.contains(&json)
        })
        .map(|v| v.to_string())
        .collect()
}

#[test]
fn no_output_format_shows_an_environment_value() {
    // The rules see them: findings at those values, and a fix that would write one.
    let json = check("json", SECRETS);
    assert!(json.contains("environment-no-plaintext-secrets"));
    assert!(json.contains("\"pointer\":\"/containerDefinitions/0/environment/5/value\""));
    for format in ["pretty", "json", "sarif", "github", "junit"] {
        for select in [&[][..], &["--select", "ALL"][..]] {
            let mut args = select.to_vec();
            args.extend_from_slice(SECRETS);
            let out = check(format, &args);
            let found = leaks(&out, STRING_VALUES);
            assert!(
                found.is_empty(),
                "--format {format} shows {found:?}:\n{out}"
            );
            if format != "pretty" {
                let found = leaks(&out, NUMBER_VALUES);
                assert!(
                    found.is_empty(),
                    "--format {format} shows {found:?}:\n{out}"
                );
            }
        }
    }
    // The masked help and the withheld fix edits, in the formats that carry them.
    let report: Value = serde_json::from_str(&json).unwrap();
    let quoted = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["pointer"] == "/containerDefinitions/0/environment/5/value")
        .unwrap();
    assert_eq!(quoted["rule"], "invalid-type");
    assert_eq!(quoted["help"], "write it as a string: \"***\"");
    assert_eq!(quoted["fix"]["applicability"], "safe");
    assert_eq!(quoted["fix"]["edits"], serde_json::json!([]));
    // `--fix` still fixes it (it works on the linter's findings, not on an output).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taskdef.json");
    fs::copy(root().join(SECRETS[0]), &path).unwrap();
    let out = ecslint(
        dir.path(),
        &["check", "--fix", "--format", "json", "taskdef.json"],
    );
    assert!(
        leaks(&stdout(&out), NUMBER_VALUES).is_empty(),
        "{}",
        text(&out)
    );
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("\"value\": \"48213\""), "{fixed}");
}

/// `pretty` masks environment values in its snippets (src/output/redact.rs), numbers
/// included, and in the help of the fix that would quote them.
#[test]
fn pretty_masks_numeric_environment_values() {
    let out = check("pretty", SECRETS);
    let found = leaks(&out, NUMBER_VALUES);
    assert!(found.is_empty(), "--format pretty shows {found:?}:\n{out}");
}

// ---- pre-commit ----------------------------------------------------------------------------

/// pre-commit, run as `python3 -m pre_commit` (independent of PATH and pyenv shims).
fn pre_commit(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("python3");
    command
        .args(["-m", "pre_commit"])
        .args(args)
        .current_dir(dir)
        .env("PRE_COMMIT_COLOR", "never")
        .env_remove("PRE_COMMIT_HOME")
        .env_remove("SKIP");
    command
}

fn require_pre_commit() {
    let ok = Command::new("python3")
        .args(["-m", "pre_commit", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "pre-commit is not installed: `python3 -m pip install pre-commit` (scripts/test-integrations does it)"
    );
}

/// Where the Rust hook's build directory and the node hook's npm cache are kept between runs.
fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("ECSLINT_PRE_COMMIT_CACHE") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("ecslint-pre-commit")
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=ecslint tests",
            "-c",
            "user.email=tests@ecslint.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        // The same tree gives the same commit, so pre-commit's cache is reused.
        .env("GIT_AUTHOR_DATE", "2000-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2000-01-01T00:00:00Z")
        .output()
        .expect("runs git");
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    stdout(&out)
}

/// A sample repository (git, files staged) with the fixtures of `precommit/`.
fn sample_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixtures().join("precommit");
    for file in [
        "task-definition.json",
        "deploy/ecs-task-def.json",
        "package.json",
        "infra/ecs.tf",
        "infra/s3.tf",
    ] {
        let to = dir.path().join(file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(from.join(file), to).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    dir
}

/// One hook at a time: they share the build directory and two cores.
static HOOKS: Mutex<()> = Mutex::new(());

/// How a hook is installed and run: extra environment variables, and ones to remove.
#[derive(Default)]
struct HookEnv {
    set: Vec<(String, String)>,
    remove: Vec<&'static str>,
}

impl HookEnv {
    fn apply(&self, command: &mut Command) {
        for (k, v) in &self.set {
            command.env(k, v);
        }
        for k in &self.remove {
            command.env_remove(k);
        }
    }

    fn new(set: &[(&str, &str)], remove: &[&'static str]) -> Self {
        HookEnv {
            set: set
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            remove: remove.to_vec(),
        }
    }
}

/// `pre-commit try-repo REPOSITORY HOOK ARGS…` in `sample`, timed.
fn try_repo(sample: &Path, repository: &Path, hook: &str, args: &[&str], env: &HookEnv) -> Output {
    let mut command = pre_commit(
        sample,
        &[
            "try-repo",
            repository.to_str().unwrap(),
            hook,
            "--color",
            "never",
        ],
    );
    command.args(args);
    env.apply(&mut command);
    let started = Instant::now();
    let out = command.output().expect("runs pre-commit");
    eprintln!(
        "pre-commit try-repo {args:?} ({hook}): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    out
}

/// What a hook printed, from its result line on (`ecslint.....Failed`), without the lines
/// that name the hook or the repository: what two hooks running the same CLI share.
fn hook_report(output: &Output) -> String {
    let all = text(output);
    let from = all
        .lines()
        .position(|l| l.starts_with("ecslint") && l.contains("..."))
        .unwrap_or_else(|| panic!("no hook result line: {all}"));
    all.lines()
        .skip(from)
        .filter(|l| !l.starts_with("- hook id: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Runs `hook` with `pre-commit try-repo` against this repository (as committed, plus tracked
/// files' uncommitted changes; each try-repo installs the hook from scratch in a temporary
/// store) on the sample repository four ways: every file (the bad ones fail with their
/// diagnostics, a JSON task definition's and a `.tf` file's; the good one, a `.tf` file
/// without an ECS resource and package.json are not reported), the good file alone (passes),
/// the `.tf` file without an ECS resource alone (passes), and package.json alone (not
/// matched: skipped). Returns the first run's report
/// ([`hook_report`]).
fn assert_hook_works(hook: &str, env: &HookEnv) -> String {
    require_pre_commit();
    let _one_at_a_time = HOOKS.lock().unwrap_or_else(|e| e.into_inner());
    let sample = sample_repository();
    let run = |args: &[&str]| try_repo(sample.path(), root(), hook, args, env);

    let out = run(&["--all-files"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("Failed"), "{all}");
    assert!(all.contains(&format!("- hook id: {hook}")), "{all}");
    assert!(all.contains("deploy/ecs-task-def.json"), "{all}");
    assert!(
        all.contains("`cpu` must be a string, found an integer"),
        "{all}"
    );
    assert!(all.contains("invalid-type"), "{all}");
    // Terraform: the task definition's Fargate size; the bucket's file says nothing.
    assert!(all.contains("infra/ecs.tf"), "{all}");
    assert!(all.contains("fargate-cpu-memory-combination"), "{all}");
    assert!(!all.contains("s3.tf"), "{all}");
    assert!(!all.contains("package.json"), "not an ECS file name: {all}");
    assert!(
        !all.contains("task-definition.json ("),
        "the good file: {all}"
    );
    let report = hook_report(&out);

    let out = run(&["--files", "task-definition.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Passed"), "{}", text(&out));

    let out = run(&["--files", "infra/s3.tf"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Passed"), "{}", text(&out));

    let out = run(&["--files", "package.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("(no files to check)Skipped"),
        "{}",
        text(&out)
    );
    report
}

/// The Rust hook's environment: `cargo install` builds the release profile. The test keeps
/// the build directory between runs and builds without LTO or optimisation, so that a
/// changed source costs a rebuild of the two ecslint crates only; users get the optimised
/// build.
fn rust_hook_env() -> HookEnv {
    let target = cache_dir().join("target");
    HookEnv::new(
        &[
            ("CARGO_TARGET_DIR", target.to_str().unwrap()),
            ("CARGO_PROFILE_RELEASE_LTO", "false"),
            ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
        ],
        &[],
    )
}

#[test]
#[ignore = "needs pre-commit (PyPI); run by scripts/test-integrations"]
fn external_pre_commit_rust_hook() {
    assert_hook_works("ecslint", &rust_hook_env());
}

#[test]
#[ignore = "needs pre-commit (PyPI), Node and npm; run by scripts/test-integrations"]
fn external_pre_commit_node_hook() {
    // npm installs the hook repository as a git dependency: it clones it into its cache's
    // tmp/ (and leaves the clone there, build directory included: hence a cache of our own,
    // whose tmp/ is emptied first), then runs the root package.json's `prepare`, which
    // builds the WebAssembly with npm/scripts/build.sh. When build.sh honours
    // CARGO_TARGET_DIR, the build directory is kept between runs like the Rust hook's;
    // otherwise it builds in the clone's own target/ and CARGO_TARGET_DIR must not leak in.
    let npm_cache = cache_dir().join("npm");
    let _ = fs::remove_dir_all(npm_cache.join("_cacache/tmp"));
    let target = cache_dir().join("target");
    let build_sh = fs::read_to_string(root().join("npm/scripts/build.sh")).unwrap();
    let mut set = vec![
        ("npm_config_audit", "false"),
        ("npm_config_fund", "false"),
        ("npm_config_update_notifier", "false"),
        ("npm_config_cache", npm_cache.to_str().unwrap()),
    ];
    let mut remove = vec!["CARGO_BUILD_TARGET_DIR"];
    if build_sh.contains("CARGO_TARGET_DIR") {
        set.push(("CARGO_TARGET_DIR", target.to_str().unwrap()));
    } else {
        remove.push("CARGO_TARGET_DIR");
    }
    assert_hook_works("ecslint-node", &HookEnv::new(&set, &remove));
}

// ---- the Python wheel ----------------------------------------------------------------------

/// Where the wheel's tools and the pip files of the tests are kept between runs.
fn wheel_cache() -> PathBuf {
    if let Some(dir) = std::env::var_os("ECSLINT_WHEEL_CACHE") {
        return PathBuf::from(dir);
    }
    cache_dir().with_file_name("ecslint-wheel")
}

/// The wheel of this checkout, built once per test run by `scripts/build-wheel` (maturin), in
/// a folder of its own. Built as the Rust hook's test builds (its build directory in the
/// cache, the release profile without LTO or optimisation), so that a changed source costs
/// seconds, not the minutes of an LTO build: the test is about the package, and a release
/// builds the wheel with the real profile (`scripts/build-wheel` without these variables).
fn wheel() -> &'static Path {
    static WHEEL: OnceLock<PathBuf> = OnceLock::new();
    WHEEL.get_or_init(|| {
        let out = wheel_cache().join("test-wheels");
        let started = Instant::now();
        let mut build = Command::new(root().join("scripts/build-wheel"));
        build
            .arg("--out")
            .arg(&out)
            .env("ECSLINT_WHEEL_CACHE", wheel_cache())
            .stderr(Stdio::inherit());
        rust_hook_env().apply(&mut build);
        let built = build.output().expect("runs scripts/build-wheel");
        assert!(built.status.success(), "scripts/build-wheel failed");
        let path = PathBuf::from(stdout(&built).lines().last().unwrap().trim());
        eprintln!(
            "scripts/build-wheel: {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
        path
    })
}

/// PATH without the folders that hold `cargo` or `rustc`, and the variables that name them:
/// what a machine without Rust has. Anything that tried to build ecslint from source fails.
fn without_rust(env: &mut HookEnv) {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|dir| !dir.join("cargo").exists() && !dir.join("rustc").exists())
        .collect();
    let kept = std::env::join_paths(kept).unwrap();
    env.set
        .push(("PATH".to_owned(), kept.to_str().unwrap().to_owned()));
    env.remove.extend([
        "CARGO",
        "RUSTC",
        "RUSTC_WRAPPER",
        "RUSTUP_TOOLCHAIN",
        "CARGO_TARGET_DIR",
    ]);
}

/// `python -m venv DIR`; the venv's bin folder.
fn virtualenv(dir: &Path) -> PathBuf {
    let out = Command::new("python3")
        .args(["-m", "venv"])
        .arg(dir)
        .output()
        .expect("runs python3 -m venv");
    assert!(out.status.success(), "{}", text(&out));
    dir.join("bin")
}

#[test]
#[ignore = "needs Python, maturin (PyPI) and a release build; run by scripts/test-integrations"]
fn external_python_wheel_installs_and_runs() {
    let wheel = wheel();
    let version = env!("CARGO_PKG_VERSION");
    // The name says: this version, any Python 3, no ABI (a binary, not an extension module),
    // a manylinux platform.
    let name = wheel.file_name().unwrap().to_str().unwrap();
    let prefix = format!("ecslint-{version}-py3-none-");
    assert!(name.starts_with(&prefix), "{name}");
    if cfg!(target_os = "linux") {
        assert!(name.contains("manylinux"), "{name}");
    }
    // Its files: the binary as a script (pip puts it on PATH), the metadata and maturin's
    // software bill of materials (CycloneDX, PEP 770), nothing else.
    let listing = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print('\\n'.join(z.namelist())); \
             print('---'); print(z.read(f'ecslint-{sys.argv[2]}.dist-info/METADATA').decode())",
        ])
        .arg(wheel)
        .arg(version)
        .output()
        .unwrap();
    assert!(listing.status.success(), "{}", text(&listing));
    let listing = stdout(&listing);
    let (files, metadata) = listing.split_once("---\n").unwrap();
    let mut files: Vec<&str> = files.lines().collect();
    files.sort();
    let info = format!("ecslint-{version}.dist-info");
    assert_eq!(
        files,
        [
            format!("ecslint-{version}.data/scripts/ecslint"),
            format!("{info}/METADATA"),
            format!("{info}/RECORD"),
            format!("{info}/WHEEL"),
            format!("{info}/sboms/ecslint.cyclonedx.json"),
        ],
        "{listing}"
    );
    assert!(metadata.contains("\nName: ecslint\n"), "{metadata}");
    assert!(
        metadata.contains(&format!("\nVersion: {version}\n")),
        "{metadata}"
    );
    assert!(
        metadata.contains("Summary: Lint Amazon ECS task definitions"),
        "{metadata}"
    );

    // A fresh virtualenv, no index, no Rust: pip installs the file and nothing else.
    let venv = tempfile::tempdir().unwrap();
    let bin = virtualenv(venv.path());
    let mut env = HookEnv::default();
    without_rust(&mut env);
    let started = Instant::now();
    let mut install = Command::new(bin.join("pip"));
    install
        .args([
            "install",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
        ])
        .arg(wheel);
    env.apply(&mut install);
    let out = install.output().expect("runs pip");
    assert!(out.status.success(), "{}", text(&out));
    eprintln!(
        "pip install of the wheel into a fresh virtualenv: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let installed = bin.join("ecslint");
    let out = Command::new(&installed).arg("--version").output().unwrap();
    assert_eq!(stdout(&out).trim(), format!("ecslint {version}"));

    // It lints as the CLI built by cargo does: the same report, byte for byte, and the
    // same exit codes.
    let sample = sample_repository();
    for (files, code) in [
        (&["task-definition.json", "deploy/ecs-task-def.json"][..], 1),
        (&["task-definition.json"][..], 0),
    ] {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(files);
        let wheel_out = Command::new(&installed)
            .args(&args)
            .current_dir(sample.path())
            .output()
            .unwrap();
        let cargo_out = ecslint(sample.path(), &args);
        assert_eq!(wheel_out.status.code(), Some(code), "{}", text(&wheel_out));
        assert_eq!(cargo_out.status.code(), Some(code));
        assert_eq!(stdout(&wheel_out), stdout(&cargo_out));
    }
}

#[test]
#[ignore = "needs pre-commit, maturin and setuptools (PyPI) and a release build; run by scripts/test-integrations"]
fn external_pre_commit_python_hook() {
    // What a release gives a machine without Rust, here without PyPI: pip finds `ecslint`
    // only in a folder holding the wheel built from this checkout, and setuptools (which
    // builds the hook's own package, the root pyproject.toml) in a folder of wheels
    // downloaded once from PyPI; no index, and no cargo on PATH.
    let links = tempfile::tempdir().unwrap();
    fs::copy(wheel(), links.path().join(wheel().file_name().unwrap())).unwrap();
    let setuptools = wheel_cache().join("setuptools");
    let have_setuptools = fs::read_dir(&setuptools).is_ok_and(|mut d| {
        d.any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("setuptools-")
        })
    });
    if !have_setuptools {
        let out = Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--only-binary=:all:",
                "--no-deps",
                "setuptools>=61",
                "-d",
            ])
            .arg(&setuptools)
            .output()
            .expect("runs pip download");
        assert!(out.status.success(), "{}", text(&out));
    }
    let find_links = format!(
        "{} {}",
        links.path().to_str().unwrap(),
        setuptools.to_str().unwrap()
    );
    let mut env = HookEnv::new(
        &[
            ("PIP_NO_INDEX", "1"),
            ("PIP_FIND_LINKS", &find_links),
            ("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
        ],
        &["PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"],
    );
    without_rust(&mut env);
    let python = assert_hook_works("ecslint-python", &env);

    // The same report as the Rust hook's on the same files.
    let rust = {
        let _one_at_a_time = HOOKS.lock().unwrap_or_else(|e| e.into_inner());
        let sample = sample_repository();
        hook_report(&try_repo(
            sample.path(),
            root(),
            "ecslint",
            &["--all-files"],
            &rust_hook_env(),
        ))
    };
    assert_eq!(python, rust, "the Python hook and the Rust hook disagree");
}

/// The root pyproject.toml (the Python hook's package) pins the wheel of this very version.
#[test]
fn pre_commit_python_package_pins_this_version() {
    let pyproject = fs::read_to_string(root().join("pyproject.toml")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        pyproject.contains(&format!("\nversion = \"{version}\"\n")),
        "pyproject.toml: version must be {version}"
    );
    assert!(
        pyproject.contains(&format!("dependencies = [\"ecslint=={version}\"]")),
        "pyproject.toml: the dependency must be ecslint=={version}"
    );
    let wheel = fs::read_to_string(root().join("python/pyproject.toml")).unwrap();
    assert!(wheel.contains("name = \"ecslint\"") && wheel.contains("bindings = \"bin\""));
}

#[test]
#[ignore = "needs pre-commit (PyPI); run by scripts/test-integrations"]
fn external_pre_commit_manifest_and_file_pattern() {
    require_pre_commit();
    let out = pre_commit(root(), &["validate-manifest", ".pre-commit-hooks.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    // The `files` pattern as pre-commit reads it (its own manifest loader, Python's `re`),
    // against the names of real task and service definitions and of other JSON files.
    let script = r#"
import csv, json, re, sys
from pre_commit.clientlib import load_manifest
hooks = load_manifest(sys.argv[1])
with open(sys.argv[2], newline='') as f:
    paths = [row['path'] for row in csv.DictReader(f, delimiter='\t')]
others = ['package.json', 'package-lock.json', 'tsconfig.json', '.vscode/settings.json',
          'renovate.json', 'composer.json', 'appsettings.json', 'cdk.json', '.eslintrc.json',
          'src/data/tasks.json', 'config/services.json', 'lambda/definition.json',
          'docker-compose.yml', '.github/workflows/ci.yml', 'mkdocs.yml', 'k8s/deployment.yaml']
ours = ['task-definition.json', 'deploy/ecs-task-def.json', 'ecs/taskdef.json',
        'task-definitions/web.json', 'terraform/container_definitions.json',
        'ecspresso/ecs-service-def.json', 'service-definition.json', 'ecs-service.json',
        '.aws/task_definition.json', 'infra/TaskDefinition.json',
        'template.yaml', 'infra/stack.yml', 'cloudformation/ecs.yaml', 'cfn/web-cfn.json',
        'cdk.out/WebStack.template.json']
out = {}
for hook in hooks:
    pattern = re.compile(hook['files'])
    out[hook['id']] = {
        'total': len(paths),
        'matched': sum(1 for p in paths if pattern.search(p)),
        'missed': [p for p in paths if not pattern.search(p)],
        'others': [p for p in others if pattern.search(p)],
        'ours': [p for p in ours if not pattern.search(p)],
    }
print(json.dumps(out))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(root().join(".pre-commit-hooks.yaml"))
        .arg(root().join(CORPUS).join("INDEX.tsv"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    let hooks = result.as_object().unwrap();
    assert_eq!(
        hooks.keys().collect::<Vec<_>>(),
        ["ecslint", "ecslint-node", "ecslint-python"]
    );
    for (id, r) in hooks {
        let (matched, total) = (r["matched"].as_u64().unwrap(), r["total"].as_u64().unwrap());
        eprintln!(
            "{id}: {matched} of {total} corpus paths match; missed: {}",
            r["missed"]
        );
        assert!(
            total > 150 && matched * 100 >= total * 90,
            "{id}: {matched}/{total}"
        );
        assert_eq!(
            r["others"],
            serde_json::json!([]),
            "{id}: matches other JSON files"
        );
        assert_eq!(
            r["ours"],
            serde_json::json!([]),
            "{id}: misses ECS file names"
        );
    }
}

// ---- the GitHub Action ---------------------------------------------------------------------

/// Runs action.yml (its `run:` steps) in a workspace with `inputs`; exit code, stdout and
/// the action's outputs.
fn run_action(workspace: &Path, inputs: &[(&str, &str)]) -> (i32, String, Value) {
    let mut command = Command::new("python3");
    command
        .arg(fixtures().join("run_action.py"))
        .arg(root().join("action.yml"))
        .arg(root())
        .args(inputs.iter().map(|(k, v)| format!("{k}={v}")))
        .current_dir(workspace)
        .env("npm_config_audit", "false")
        .env("npm_config_fund", "false")
        .env("npm_config_update_notifier", "false");
    let out = command.output().expect("runs python3");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let outputs = stderr
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no outputs: {}", text(&out)));
    eprintln!("action {inputs:?}:\n{stderr}");
    (out.status.code().unwrap_or(-1), stdout(&out), outputs)
}

#[test]
#[ignore = "needs Python with PyYAML (pre-commit's) and the npm package built; run by scripts/test-integrations"]
fn external_github_action() {
    let workspace = tempfile::tempdir().unwrap();
    let ws = workspace.path();
    for (from, to) in [
        ("precommit/task-definition.json", "task-definition.json"),
        (
            "precommit/deploy/ecs-task-def.json",
            "deploy/ecs-task-def.json",
        ),
        ("precommit/package.json", "package.json"),
        (
            "action/warnings-only-task-definition.json",
            "warnings-only-task-definition.json",
        ),
    ] {
        let to = ws.join(to);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(fixtures().join(from), to).unwrap();
    }
    let error = "::error file=deploy/ecs-task-def.json,line=5,col=10,endLine=5,endColumn=13,title=ecslint invalid-type::`cpu` must be a string, found an integer";
    let warning = "::warning file=warnings-only-task-definition.json,line=3,";

    // The defaults: the whole workspace, failing on errors; SARIF for code scanning.
    let (code, out, outputs) = run_action(ws, &[("sarif-file", "out/ecslint.sarif")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.lines().any(|l| l == error), "{out}");
    assert!(out.contains(warning), "{out}");
    assert!(!out.contains("package.json"), "{out}");
    assert_eq!(outputs["exit-code"], "1");
    assert_eq!(outputs["sarif-file"], "out/ecslint.sarif");
    let log: Value =
        serde_json::from_str(&fs::read_to_string(ws.join("out/ecslint.sarif")).unwrap()).unwrap();
    assert_valid_sarif(&log, "the action's SARIF");
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "deploy/ecs-task-def.json"
    );

    // Warnings pass unless fail-on is `warning`; paths are a list (spaces or newlines).
    let paths = "task-definition.json\nwarnings-only-task-definition.json";
    let (code, out, _) = run_action(ws, &[("paths", paths)]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(warning), "{out}");
    let (code, out, outputs) = run_action(ws, &[("paths", paths), ("fail-on", "warning")]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(outputs["exit-code"], "1");

    // `never`: annotations only.
    let (code, out, outputs) = run_action(ws, &[("paths", "deploy"), ("fail-on", "never")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().any(|l| l == error), "{out}");
    assert_eq!(outputs["exit-code"], "1");

    // Extra arguments, and a bad fail-on.
    let (code, out, _) = run_action(
        ws,
        &[("paths", "deploy"), ("args", "--ignore invalid-type")],
    );
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_action(ws, &[("fail-on", "sometimes")]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("fail-on must be error, warning or never"),
        "{out}"
    );

    // `package`: an npm package spec run with npx instead of the action's own build (here
    // the package packed from npm/, as it would be published).
    let packed = tempfile::tempdir().unwrap();
    let out = Command::new("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(packed.path())
        .arg(root().join("npm"))
        .output()
        .expect("runs npm pack");
    assert!(out.status.success(), "{}", text(&out));
    let tarball = packed.path().join(stdout(&out).trim());
    let (code, out, outputs) = run_action(
        ws,
        &[
            ("paths", "deploy task-definition.json"),
            ("package", tarball.to_str().unwrap()),
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.lines().any(|l| l == error), "{out}");
    assert_eq!(outputs["exit-code"], "1");
}

/// The deployer the JSON report names for the file at `path`.
fn file_deployer(report: &Value, path: &str) -> Option<String> {
    report["files"]
        .as_array()?
        .iter()
        .find(|f| f["path"] == path)?["deployer"]["name"]
        .as_str()
        .map(str::to_owned)
}
