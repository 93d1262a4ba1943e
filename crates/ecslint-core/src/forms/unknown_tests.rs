//! An unknown value never makes a finding: for every real task definition and service of
//! `../shared/corpus` and every `valid*.json` spec fixture, each value in turn (a scalar, an
//! object, an array) is made [`Value::Unknown`], as a form makes an intrinsic it cannot
//! resolve, and the document linted again. A finding the document did not have is a rule
//! that reads an unknown value as absent or wrong.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{FormNames, FormOutput, Found};
use crate::document::{detect_kind, DocumentKind};
use crate::json::{self, Node, Value};
use crate::lint::{lint_found, LintOptions};
use crate::settings::Settings;
use crate::text::TextRange;

struct Plain;

impl FormNames for Plain {
    fn file_pointer(&self, api_pointer: &str, _range: TextRange) -> String {
        api_pointer.to_owned()
    }
    fn member(&self, _api: &str) -> Option<Cow<'static, str>> {
        None
    }
}

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "../../../shared/corpus/taskdefs",
        "../../../shared/corpus/services",
    ] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            out.extend(entries.flatten().map(|e| e.path()));
        }
    }
    let specs = root.join("tests/specs");
    for area in std::fs::read_dir(specs).into_iter().flatten().flatten() {
        for rule in std::fs::read_dir(area.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for file in std::fs::read_dir(rule.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = file.file_name().to_string_lossy().into_owned();
                if name.starts_with("valid") && name.ends_with(".json") {
                    out.push(file.path());
                }
            }
        }
    }
    out.sort();
    out
}

/// The path (indexes into arrays and members) of every value under `node`.
fn paths(node: &Node<'_>, prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    match &node.value {
        Value::Array(items) => {
            for (i, n) in items.iter().enumerate() {
                prefix.push(i);
                out.push(prefix.clone());
                paths(n, prefix, out);
                prefix.pop();
            }
        }
        Value::Object(members) => {
            for (i, m) in members.iter().enumerate() {
                prefix.push(i);
                out.push(prefix.clone());
                paths(&m.value, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a, 's>(node: &'a mut Node<'s>, path: &[usize]) -> &'a mut Node<'s> {
    let Some((first, rest)) = path.split_first() else {
        return node;
    };
    match &mut node.value {
        Value::Array(items) => at(&mut items[*first], rest),
        Value::Object(members) => at(&mut members[*first].value, rest),
        _ => unreachable!("paths lead to values"),
    }
}

type Said = HashSet<(&'static str, TextRange, String)>;

fn found<'s>(root: Node<'s>, kind: DocumentKind, label: &str) -> Found<'s> {
    Found {
        kind,
        root,
        label: label.to_owned(),
        names: Box::new(Plain),
        pair: None,
        deployments: Vec::new(),
        scalar_fixes_only: false,
    }
}

fn lint_root(text: &str, root: Node<'_>, kind: DocumentKind) -> Said {
    lint_pair(text, root, kind, None)
}

/// Lints `root`; a service with the task definition `td` it runs (the same text holds
/// both: ranges of the task definition are shifted past the service's).
fn lint_pair<'s>(text: &'s str, root: Node<'s>, kind: DocumentKind, td: Option<Node<'s>>) -> Said {
    let settings = Settings::default();
    let options = LintOptions::new(&settings);
    let mut documents = vec![found(root, kind, "doc")];
    if let Some(td) = td {
        documents[0].pair = Some(1);
        documents.push(found(td, DocumentKind::TaskDefinition, "td"));
    }
    let form = FormOutput {
        kind,
        found: documents,
        problems: Vec::new(),
    };
    lint_found(text, None, &[], form, &options)
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.range, d.pointer))
        .collect()
}

#[test]
fn an_unknown_value_makes_no_finding() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let parsed = json::parse(&text);
        let Some(root) = parsed.root else { continue };
        let kind = detect_kind(&root);
        if matches!(kind, DocumentKind::Unknown) {
            continue;
        }
        let baseline = lint_root(&text, root.clone(), kind);
        let mut all = Vec::new();
        paths(&root, &mut Vec::new(), &mut all);
        for p in all.iter().take(400) {
            // DescribeTaskDefinition's wrapper: an unknown wrapper is no task definition.
            if p.len() == 1
                && root
                    .as_object()
                    .is_some_and(|m| m[p[0]].key.name == "taskDefinition")
            {
                continue;
            }
            let mut copy = root.clone();
            let node = at(&mut copy, p);
            let range = node.range;
            node.value = Value::Unknown;
            checked += 1;
            for d in lint_root(&text, copy, kind) {
                // A finding about the replaced value itself is gone with it; one elsewhere
                // that the document did not have is the rule reading unknown as absent.
                // (A finding the document had moves when the value it was about goes.)
                let same = baseline.iter().any(|b| b.0 == d.0);
                if !same {
                    failures.push(format!(
                        "{}: {} at {} (value at {}..{} made unknown)",
                        path.display(),
                        d.0,
                        d.2,
                        range.start,
                        range.end
                    ));
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    checked += paired(&mut failures);
    failures.sort();
    failures.dedup();
    assert!(
        checked > 1000,
        "only {checked} values checked: is ../shared/corpus there?"
    );
    assert!(
        failures.is_empty(),
        "{} findings made by unknown values:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Services of the spec fixtures with their task definition (`x.json` and `x.taskdef.json`):
/// each value of the task definition made unknown in turn.
fn paired(failures: &mut Vec<String>) -> usize {
    let mut checked = 0;
    for path in files() {
        let td_path = path.with_extension("taskdef.json");
        let (Ok(service), Ok(td)) = (
            std::fs::read_to_string(&path),
            std::fs::read_to_string(&td_path),
        ) else {
            continue;
        };
        // One text: the service, a newline, the task definition.
        let text = format!("{service}\n{td}");
        let Some(service_root) = json::parse(&text[..service.len()]).root else {
            continue;
        };
        let Some(mut td_root) = json::parse(&text[service.len() + 1..]).root else {
            continue;
        };
        shift(&mut td_root, service.len() + 1);
        let kind = detect_kind(&service_root);
        if !kind.is_service() || !detect_kind(&td_root).is_task_definition() {
            continue;
        }
        let baseline = lint_pair(&text, service_root.clone(), kind, Some(td_root.clone()));
        let mut all = Vec::new();
        paths(&td_root, &mut Vec::new(), &mut all);
        for p in all.iter().take(400) {
            let mut copy = td_root.clone();
            let node = at(&mut copy, p);
            let range = node.range;
            node.value = Value::Unknown;
            checked += 1;
            for d in lint_pair(&text, service_root.clone(), kind, Some(copy)) {
                if !baseline.iter().any(|b| b.0 == d.0) {
                    failures.push(format!(
                        "{} (paired): {} at {} (task definition value at {}..{} made unknown)",
                        path.display(),
                        d.0,
                        d.2,
                        range.start,
                        range.end
                    ));
                }
            }
        }
    }
    checked
}

fn shift(node: &mut Node<'_>, by: usize) {
    node.range = TextRange::new(node.range.start + by, node.range.end + by);
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Value::Object(members) => {
            for m in members {
                m.key.range = TextRange::new(m.key.range.start + by, m.key.range.end + by);
                shift(&mut m.value, by);
            }
        }
        _ => {}
    }
}
