//! The invariants every lint must keep, on any input; shared by the fuzz targets and
//! `tests/properties.rs` (which includes this file). Each check panics with the reason, so
//! a fuzzer records the input as a crash and proptest shrinks it.
//!
//! - every range (diagnostic, fix edit, related place) lies inside the document, on
//!   character boundaries, and the edits of one fix do not overlap;
//! - every diagnostic's JSON pointer resolves in the parsed document, or names a missing
//!   member of an object that does (an unparsed document's pointers are empty);
//! - every rule id is registered, diagnostics come sorted, messages are not empty;
//! - linting is deterministic, and bytes that are UTF-8 lint as the text does;
//! - the report and the output formats (but SARIF) are produced without panicking, and the
//!   JSON report reads back as written;
//! - applying the safe fixes (`fix_all`) gives a document that parses, is not touched when
//!   it cannot be parsed, and re-lints to what `fix_all` says.

use ecslint_core::diagnostic::Applicability;
use ecslint_core::fix::fix_all;
use ecslint_core::json::{self, Node, Value};
use ecslint_core::output::{self, Format};
use ecslint_core::report::{FileReport, Report};
use ecslint_core::{
    lint, lint_bytes, registry, Config, DocumentKind, LintOptions, LintResult,
    PairedTaskDefinition, Pairing, Settings,
};

/// Every rule on (`select = ["ALL"]`), so that fuzzing reaches the opinionated ones too.
pub fn all_rules() -> Settings {
    let config = Config {
        select: Some(vec!["ALL".to_owned()]),
        ..Config::default()
    };
    Settings::from_config(&config).expect("ALL is a valid selection")
}

/// The options of a JSON file: named `document.json`, so that the JSON parser reads it
/// whatever it starts with (unnamed text that looks like YAML goes to the YAML reader, which
/// the `yaml` and `cloudformation` targets check).
fn options<'a>(settings: &'a Settings, kind: Option<DocumentKind>) -> LintOptions<'a> {
    LintOptions {
        kind,
        path: Some("document.json"),
        ..LintOptions::new(settings)
    }
}

/// Lints `bytes` (as a file is read) and checks every invariant.
pub fn check_bytes(bytes: &[u8], kind: Option<DocumentKind>, settings: &Settings) -> LintResult {
    let opts = options(settings, kind);
    let result = lint_bytes(bytes, &opts);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let again = check_text(text, kind, settings);
            assert_eq!(
                result.diagnostics, again.diagnostics,
                "lint_bytes and lint disagree"
            );
            assert_eq!(result.kind, again.kind);
        }
        Err(_) => {
            assert!(!result.parsed, "invalid UTF-8 is never linted as parsed");
            assert!(
                !result.diagnostics.is_empty(),
                "invalid UTF-8 gives a diagnostic"
            );
            for d in &result.diagnostics {
                assert!(
                    d.range.start <= d.range.end && d.range.end <= bytes.len(),
                    "{d:?}"
                );
                assert_eq!(d.pointer, "", "{d:?}");
            }
            let lossy = String::from_utf8_lossy(bytes);
            report_formats(&lossy, &result, None);
            assert_eq!(
                lint_bytes(bytes, &opts).diagnostics,
                result.diagnostics,
                "not deterministic"
            );
        }
    }
    result
}

/// Lints `text` and checks every invariant but the fixes.
pub fn check_text(text: &str, kind: Option<DocumentKind>, settings: &Settings) -> LintResult {
    let opts = options(settings, kind);
    let result = lint(text, &opts);
    let parsed = json::parse(text);
    assert_eq!(
        parsed.root.is_some(),
        result.parsed,
        "`parsed` says what the parser says"
    );
    check_result(text, Pointers::Resolve(parsed.root.as_ref()), &result, None);
    let again = lint(text, &opts);
    assert_eq!(
        result.diagnostics, again.diagnostics,
        "linting is not deterministic"
    );
    assert_eq!(
        result.kind, again.kind,
        "kind detection is not deterministic"
    );
    report_formats(text, &result, None);
    result
}

/// Lints `text` as a CloudFormation template, named `template.yaml` and then `template.json`
/// (the YAML reader and the JSON parser), and checks every invariant but the fixes: the
/// template's pointers resolve in the template as the reader read it.
pub fn check_template(text: &str, settings: &Settings) {
    use ecslint_core::forms::cloudformation::looks_like_template;
    use ecslint_core::read::yaml;
    let yaml_options = if looks_like_template(text) {
        yaml::Options::CLOUDFORMATION
    } else {
        yaml::Options::ECS_DEPLOY_ACTION
    };
    for (name, root) in [
        (
            "template.yaml",
            yaml::parse_with(text, &yaml_options).parsed.root,
        ),
        ("template.json", json::parse(text).root),
    ] {
        let mut opts = options(settings, None);
        opts.path = Some(name);
        let result = lint(text, &opts);
        check_result(text, Pointers::Resolve(root.as_ref()), &result, None);
        let again = lint(text, &opts);
        assert_eq!(
            result.diagnostics, again.diagnostics,
            "linting a template is not deterministic"
        );
        report_formats(text, &result, None);
    }
}

/// What applying fixes did: the diagnostics before and after, and the fixed text.
pub struct Fixed {
    pub before: LintResult,
    pub after: LintResult,
    pub text: String,
    pub applied: Vec<(&'static str, String)>,
}

impl Fixed {
    /// The rule ids of diagnostics that the fixes added (a multiset difference).
    pub fn added_rules(&self) -> Vec<&'static str> {
        let mut before: Vec<&str> = self.before.diagnostics.iter().map(|d| d.rule).collect();
        let mut added = Vec::new();
        for d in &self.after.diagnostics {
            match before.iter().position(|r| *r == d.rule) {
                Some(i) => {
                    before.swap_remove(i);
                }
                None => added.push(d.rule),
            }
        }
        added
    }
}

/// Applies the safe (and, with `unsafe_too`, the unsafe) fixes and checks the outcome.
/// Returns what was fixed, when anything was.
pub fn check_fixes(
    text: &str,
    kind: Option<DocumentKind>,
    settings: &Settings,
    unsafe_too: bool,
) -> Option<Fixed> {
    check_fixes_with(text, &options(settings, kind), unsafe_too, None)
}

fn check_fixes_with(
    text: &str,
    opts: &LintOptions<'_>,
    unsafe_too: bool,
    other: Option<&str>,
) -> Option<Fixed> {
    let opts = *opts;
    let before = lint(text, &opts);
    let applicability = if unsafe_too {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let outcome = fix_all(text, &opts, applicability);
    let outcome = outcome?;
    assert!(before.parsed, "a document that does not parse was fixed");
    assert!(!outcome.applied.is_empty());
    let root = json::parse(&outcome.text).root;
    assert!(
        root.is_some(),
        "the fixed document does not parse:\n{}",
        outcome.text
    );
    assert!(outcome.result.parsed);
    let relint = lint(&outcome.text, &opts);
    assert_eq!(
        relint.diagnostics, outcome.result.diagnostics,
        "fix_all's result is not the lint of its text"
    );
    check_result(
        &outcome.text,
        Pointers::Resolve(root.as_ref()),
        &relint,
        other,
    );
    // Fixes never make the JSON worse: no more syntax problems than before.
    let syntax = |r: &LintResult| r.diagnostics.iter().filter(|d| is_syntax(d.rule)).count();
    assert!(
        syntax(&relint) <= syntax(&before),
        "the fixes {:?} added syntax problems:\n{}\nfixed:\n{}",
        outcome.applied,
        excerpt(text),
        excerpt(&outcome.text)
    );
    // Fixing the JSON adds no problem: when every fix applied was one of the parser's (a
    // comma, a quote, a comment, a literal's case, an escape), the document reads the same,
    // so no other diagnostic appears, and there are strictly fewer problems. A number's
    // spelling is left out: `5.` written `5` is an integer, which rules then check (its
    // `invalid-type` goes, a `container-memory-minimum` may come). Other fixes may expose problems
    // the broken value hid: `"taskDefinition": -0` quoted is then checked as a task
    // definition name; `volumes` renamed to `mountPoints` has its elements checked as mount
    // points. So the total is compared for syntax fixes only.
    let respelt_number = |message: &str| {
        message
            .strip_prefix("write it as ")
            .is_some_and(|n| n.parse::<f64>().is_ok())
    };
    if outcome
        .applied
        .iter()
        .all(|(rule, message)| is_syntax(rule) && !respelt_number(message))
    {
        let others = |r: &LintResult| -> Vec<(&str, String)> {
            r.diagnostics
                .iter()
                .filter(|d| !is_syntax(d.rule))
                .map(|d| (d.rule, d.pointer.clone()))
                .collect()
        };
        let mut old = others(&before);
        let added: Vec<(&str, String)> = others(&relint)
            .into_iter()
            .filter(|d| match old.iter().position(|o| o == d) {
                Some(i) => {
                    old.swap_remove(i);
                    false
                }
                None => true,
            })
            .collect();
        assert!(
            added.is_empty(),
            "the syntax fixes {:?} added diagnostics {added:?}:\n{}\nfixed:\n{}",
            outcome.applied,
            excerpt(text),
            excerpt(&outcome.text)
        );
        assert!(relint.diagnostics.len() < before.diagnostics.len());
    }
    // The fixes converge: once applied, no fix of the same kind is left (unless fix_all
    // gave up after its rounds, which the test would show as an ever-growing document).
    let leftover: Vec<&str> = relint
        .diagnostics
        .iter()
        .filter(|d| {
            d.fix.as_ref().is_some_and(|f| {
                !f.edits.is_empty() && (unsafe_too || f.applicability == Applicability::Safe)
            })
        })
        .map(|d| d.rule)
        .collect();
    assert!(
        leftover.is_empty(),
        "fixes left after fix_all: {leftover:?}\n{}\nfixed:\n{}",
        excerpt(text),
        excerpt(&outcome.text)
    );
    Some(Fixed {
        before,
        after: relint,
        text: outcome.text,
        applied: outcome.applied,
    })
}

/// The name the paired task definition has in reports.
const TASK_PATH: &str = "taskdef.json";

/// Lints `service` as a CreateService input paired with the task definition `task` (the
/// cross-document checks), checks every invariant, then fixes the service.
pub fn check_pair(service: &str, task: &str, settings: &Settings) -> LintResult {
    let opts = LintOptions {
        kind: Some(DocumentKind::Service),
        pairing: Pairing {
            task_definition: Some(PairedTaskDefinition {
                path: TASK_PATH,
                text: task,
            }),
            ..Pairing::default()
        },
        ..LintOptions::new(settings)
    };
    let result = lint(service, &opts);
    let parsed = json::parse(service);
    check_result(
        service,
        Pointers::Resolve(parsed.root.as_ref()),
        &result,
        Some(task),
    );
    let again = lint(service, &opts);
    assert_eq!(
        result.diagnostics, again.diagnostics,
        "linting a pair is not deterministic"
    );
    report_formats(service, &result, Some(task));
    check_each_fix(service, &result);
    check_fixes_with(service, &opts, false, Some(task));
    check_fixes_with(service, &opts, true, Some(task));
    result
}

/// Applies every fix on its own: each must apply cleanly (edits on character boundaries,
/// inside the text).
pub fn check_each_fix(text: &str, result: &LintResult) {
    for d in &result.diagnostics {
        if let Some(fix) = &d.fix {
            let edits: Vec<_> = fix.edits.iter().collect();
            let _ = ecslint_core::fix::apply_edits(text, &edits);
        }
    }
}

/// `what` describes the range in a failure message (formatted only on failure: this runs for
/// every diagnostic of every input).
fn check_range(text: &str, range: ecslint_core::text::TextRange, what: impl Fn() -> String) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{}: range {range:?} outside the document of {} bytes",
        what(),
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{}: range {range:?} splits a character",
        what()
    );
}

/// Lints `bytes` once (as a file named `path` is read: the name chooses the reader) and
/// checks the invariants of that one result: ranges, order, registered rules, messages, and,
/// for JSON and YAML, that every pointer resolves (one more parse of the text, by the reader
/// and with the options the lint used). No second lint, no fixes, no output formats: the
/// fast targets (`read_*`), which reach many more inputs a second than the deep ones and so
/// go further into the readers.
pub fn check_once(bytes: &[u8], path: Option<&str>, settings: &Settings) -> LintResult {
    use ecslint_core::forms::cloudformation::looks_like_template;
    use ecslint_core::read::yaml;
    let opts = LintOptions {
        path,
        ..LintOptions::new(settings)
    };
    let result = lint_bytes(bytes, &opts);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let name = path.unwrap_or("").to_ascii_lowercase();
            let tree = if path.is_none() || name.ends_with(".json") {
                Some(json::parse(text))
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                let read_as = if looks_like_template(text) {
                    yaml::Options::CLOUDFORMATION
                } else {
                    yaml::Options::ECS_DEPLOY_ACTION
                };
                Some(yaml::parse_with(text, &read_as).parsed)
            } else {
                None
            };
            match tree {
                Some(parsed) => {
                    assert_eq!(
                        parsed.root.is_some(),
                        result.parsed,
                        "`parsed` says what the reader says"
                    );
                    check_result(text, Pointers::Resolve(parsed.root.as_ref()), &result, None);
                }
                None => check_result(text, Pointers::Unchecked, &result, None),
            }
        }
        Err(_) => {
            assert!(!result.parsed, "invalid UTF-8 is never linted as parsed");
            assert!(
                !result.diagnostics.is_empty(),
                "invalid UTF-8 gives a diagnostic"
            );
            for d in &result.diagnostics {
                assert!(
                    d.range.start <= d.range.end && d.range.end <= bytes.len(),
                    "{d:?}"
                );
                assert_eq!(d.pointer, "", "{d:?}");
            }
        }
    }
    result
}

/// How [`check_result`] checks JSON pointers.
#[derive(Clone, Copy)]
enum Pointers<'a, 'n> {
    /// Against the JSON tree (`None`: the text did not parse, so every pointer is empty).
    Resolve(Option<&'a Node<'n>>),
    /// Not at all (a reader whose tree this crate does not see).
    Unchecked,
}

/// `other`: the paired task definition's text, where related places of another document lie.
fn check_result(text: &str, pointers: Pointers<'_, '_>, result: &LintResult, other: Option<&str>) {
    let mut previous: Option<(usize, usize, &str)> = None;
    for d in &result.diagnostics {
        let what = || format!("{} at {:?} ({})", d.rule, d.range, d.message);
        assert!(
            registry::find(d.rule).is_some(),
            "{}: unregistered rule",
            what()
        );
        assert!(!d.message.trim().is_empty(), "{}: empty message", what());
        check_range(text, d.range, what);
        let key = (d.range.start, d.range.end, d.rule);
        if let Some(prev) = previous {
            assert!(prev <= key, "{}: diagnostics are not sorted", what());
        }
        previous = Some(key);
        if let Some(fix) = &d.fix {
            assert!(!fix.message.is_empty(), "{}: fix without a message", what());
            let mut ranges: Vec<_> = fix.edits.iter().map(|e| e.range).collect();
            for r in &ranges {
                check_range(text, *r, || format!("{}: fix edit", what()));
            }
            ranges.sort();
            for w in ranges.windows(2) {
                assert!(
                    w[0].end <= w[1].start && w[0] != w[1],
                    "{}: the edits of one fix overlap: {:?}",
                    what(),
                    fix.edits
                );
            }
        }
        for r in &d.related {
            match (&r.document, other) {
                (None, _) => check_range(text, r.range, || format!("{}: related", what())),
                (Some(_), Some(other)) => check_range(other, r.range, || {
                    format!("{}: related in the other document", what())
                }),
                (Some(doc), None) => {
                    panic!(
                        "{}: related place in `{doc}`, but there is no other document",
                        what()
                    )
                }
            }
        }
        match pointers {
            Pointers::Unchecked => {}
            Pointers::Resolve(None) => {
                assert_eq!(
                    d.pointer,
                    "",
                    "{}: a pointer into an unparsed document",
                    what()
                )
            }
            Pointers::Resolve(Some(root)) => assert!(
                pointer_resolves(root, &d.pointer),
                "{}: the pointer `{}` names nothing in the document:\n{}",
                what(),
                d.pointer,
                excerpt(text)
            ),
        }
    }
}

/// The pointer names a value of the document, or where a missing member belongs: the part
/// that resolves ends at an object, and the rest names members to add
/// (`/networkConfiguration/awsvpcConfiguration` when `networkConfiguration` is missing).
///
/// A repeated key is followed into each of its values: a diagnostic about the first of two
/// duplicates (which the API ignores) has the pointer of the key, which RFC 6901 resolves to
/// the last one.
pub fn pointer_resolves(root: &Node<'_>, pointer: &str) -> bool {
    if pointer.is_empty() {
        return true;
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return false;
    };
    let segments: Vec<String> = rest
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    names_place(root, &segments)
}

fn names_place(node: &Node<'_>, segments: &[String]) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return true;
    };
    match &node.value {
        Value::Object(members) => {
            let mut same = members
                .iter()
                .filter(|m| m.key.name == first.as_str())
                .peekable();
            if same.peek().is_none() {
                return true;
            }
            same.any(|m| names_place(&m.value, rest))
        }
        Value::Array(items) => {
            if first.len() > 1 && first.starts_with('0') {
                return false;
            }
            match first.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(item) => names_place(item, rest),
                None => false,
            }
        }
        _ => false,
    }
}

/// Rules the parser reports (`rules/syntax/`; `number-out-of-range` is left out, as the
/// structural walk reports it too, for integers outside the API's range).
fn is_syntax(rule: &str) -> bool {
    matches!(
        rule,
        "invalid-json" | "json-bom" | "duplicate-key" | "json-too-deep" | "invalid-utf8"
    )
}

/// The text for a failure message, cut when long.
fn excerpt(text: &str) -> String {
    if text.len() <= 20_000 {
        return text.to_owned();
    }
    let mut end = 20_000;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

/// Builds the report and every output format; the JSON report must read back as written.
fn report_formats(text: &str, result: &LintResult, other: Option<&str>) {
    let file = FileReport::new(
        "fuzz.json",
        text,
        result,
        &other
            .map(|t| (TASK_PATH, t))
            .into_iter()
            .collect::<Vec<_>>(),
    );
    let report = Report::new(vec![file]);
    let json = report.to_json();
    let back = Report::from_json(&json).expect("the JSON report reads back");
    assert_eq!(
        back.to_json(),
        json,
        "the JSON report does not read back as written"
    );
    // Not SARIF: its rule list (every rule's docs) costs milliseconds whatever the input,
    // which would slow fuzzing tenfold; its per-result part is plain JSON building.
    for format in [Format::Json, Format::Github, Format::Junit] {
        let _ = output::format(&report, format, "0.0.0");
    }
}
