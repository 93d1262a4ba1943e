//! cfn-lint's own ECS test cases, linted by ecslint (`tests/cloudformation/cfn-lint/`, written by
//! `scripts/cfn-lint-fixtures`; README.md there says from where).
//!
//! - A case cfn-lint expects an error in gets an ecslint error at that property (the same JSON
//!   pointer, one inside it or around it, or a related place there).
//! - A case cfn-lint expects no error in gets no ecslint error.
//!
//! Where ecslint and cfn-lint disagree, `disagreements.tsv` says so, case by case, with the
//! reason (cfn-lint's good cases are sometimes invalid for the API, and some of its errors are
//! not rejections). The test fails on a disagreement the file does not list, and on a listed
//! one that no longer happens.
//!
//! cfn-lint's unit tests hold the properties a rule reads (a list of container definitions, a
//! log configuration), put here in a minimal template, or a minimal template around the
//! resources the rule compares: incomplete on purpose (containers without `Memory` on EC2,
//! task definitions without containers). For them, an error cfn-lint expects may be any
//! ecslint error at that property, and an error cfn-lint does not expect counts only from
//! the ecslint rules that check what the cfn-lint rule checks ([`RULES`]). cfn-lint's fixture
//! templates (`fixtures/`) are held to every rule.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ecslint_core::{lint, LintOptions, Settings, Severity};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cloudformation/cfn-lint")
}

/// The ecslint rules that check what each cfn-lint rule checks.
const RULES: &[(&str, &[&str])] = &[
    (
        "E3042",
        &[
            "at-least-one-essential-container",
            "container-definitions-not-empty",
        ],
    ),
    (
        "E3044",
        &[
            "daemon-not-on-fargate",
            "daemon-not-with-codedeploy-or-external",
        ],
    ),
    ("E3046", &["awslogs-options-required"]),
    (
        "E3047",
        &[
            "fargate-cpu-memory-combination",
            "task-cpu-format",
            "task-memory-format",
        ],
    ),
    (
        "E3048",
        &[
            "fargate-requires-awsvpc",
            "fargate-task-cpu-required",
            "fargate-task-memory-required",
            "placement-constraints-not-fargate",
        ],
    ),
    ("E3049", &["target-group-health-check-port-dynamic"]),
    ("E3052", &["network-configuration-required-for-awsvpc"]),
    ("E3053", &["port-mapping-awsvpc-host-host-port"]),
    ("E3054", &["task-definition-launch-type-compatible"]),
    ("E3713", &["log-driver-fargate-supported"]),
];

struct Case {
    id: String,
    text: String,
    /// Template pointers of cfn-lint's errors.
    expected: Vec<String>,
    /// Only these ecslint rules count (a case of properties only).
    only: Option<&'static [&'static str]>,
}

fn pointer(path: &[Value]) -> String {
    let mut out = String::new();
    for segment in path {
        out.push('/');
        match segment {
            Value::String(s) => out.push_str(&s.replace('~', "~0").replace('/', "~1")),
            other => out.push_str(&other.to_string()),
        }
    }
    out
}

fn cases() -> Vec<Case> {
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("cases.json")).unwrap()).unwrap();
    let mut out = Vec::new();
    for c in json["cases"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap().to_owned();
        let rule = c["rule"].as_str().unwrap();
        let only = RULES
            .iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, rules)| *rules)
            .unwrap_or_else(|| panic!("no ecslint rules for {rule}"));
        let (template, prefix) = if c.get("template").is_some() {
            (
                c["template"].clone(),
                c["start_path"].as_array().cloned().unwrap_or_default(),
            )
        } else {
            // The properties at `at` in a resource of `resource_type`.
            let mut value = c["instance"].clone();
            for step in c["at"].as_array().unwrap().iter().rev() {
                value = match step {
                    Value::Number(_) => Value::Array(vec![value]),
                    Value::String(k) => {
                        let mut m = serde_json::Map::new();
                        m.insert(k.clone(), value);
                        Value::Object(m)
                    }
                    _ => unreachable!(),
                };
            }
            let template = serde_json::json!({
                "Resources": {
                    "Resource": {"Type": c["resource_type"], "Properties": value}
                }
            });
            let mut prefix = vec![
                Value::from("Resources"),
                Value::from("Resource"),
                Value::from("Properties"),
            ];
            prefix.extend(c["at"].as_array().unwrap().iter().cloned());
            (template, prefix)
        };
        let expected = c["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let path = e["path"].as_array().unwrap();
                let absolute = path.first().is_some_and(|s| s == "Resources");
                if absolute {
                    pointer(path)
                } else {
                    let mut full = prefix.clone();
                    full.extend(path.iter().cloned());
                    pointer(&full)
                }
            })
            .collect();
        out.push(Case {
            id,
            text: serde_json::to_string_pretty(&template).unwrap(),
            expected,
            only: Some(only),
        });
    }
    // The fixture templates, with what cfn-lint reports on them: its errors on ECS resources
    // (and the target groups they name).
    for entry in walk(&dir().join("fixtures")) {
        let name = entry.to_string_lossy().into_owned();
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        let text = std::fs::read_to_string(&entry).unwrap();
        let report = std::fs::read_to_string(format!("{name}.cfn-lint-1.58.0.json")).unwrap();
        let report: Value = serde_json::from_str(&report).unwrap();
        let root = ecslint_core::read::yaml::parse(&text).root.unwrap();
        let ecs = |resource: &str| {
            root.get("Resources")
                .and_then(|r| r.get(resource))
                .and_then(|r| r.get("Type"))
                .and_then(|t| t.as_str())
                .is_some_and(|t| {
                    t.starts_with("AWS::ECS::") || t == "AWS::ElasticLoadBalancingV2::TargetGroup"
                })
        };
        let expected = report
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["level"] == "Error")
            .map(|f| f["path"].as_array().unwrap().clone())
            .filter(|p| p.get(1).and_then(Value::as_str).is_some_and(ecs))
            .map(|p| pointer(&p))
            .collect();
        let id = entry
            .strip_prefix(dir())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        out.push(Case {
            id,
            text,
            expected,
            only: None,
        });
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn related(a: &str, b: &str) -> bool {
    a == b || a.starts_with(&format!("{b}/")) || b.starts_with(&format!("{a}/"))
}

/// `(kind, ecslint rules)` of each case where ecslint and cfn-lint disagree.
fn outcomes() -> BTreeMap<String, (String, String)> {
    let settings = Settings::default();
    let mut out = BTreeMap::new();
    for case in cases() {
        let mut options = LintOptions::new(&settings);
        let path = if case.id.ends_with(".yml") || case.id.ends_with(".yaml") {
            "template.yaml"
        } else {
            "template.json"
        };
        options.path = Some(path);
        let result = lint(&case.text, &options);
        assert_eq!(result.kind.as_str(), "cloudformation", "{}", case.id);
        let errors: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let places = |d: &ecslint_core::Diagnostic| {
            std::iter::once(d.pointer.clone())
                .chain(d.related.iter().filter_map(|r| r.pointer.clone()))
                .collect::<Vec<_>>()
        };
        let missed: Vec<&String> = case
            .expected
            .iter()
            .filter(|p| {
                !errors
                    .iter()
                    .any(|d| places(d).iter().any(|q| related(q, p)))
            })
            .collect();
        let extra: Vec<String> = errors
            .iter()
            .filter(|d| case.only.is_none_or(|only| only.contains(&d.rule)))
            .filter(|d| {
                !case
                    .expected
                    .iter()
                    .any(|p| places(d).iter().any(|q| related(q, p)))
            })
            .map(|d| d.rule.to_owned())
            .collect();
        if !missed.is_empty() {
            out.insert(
                format!("{}\tmissed", case.id),
                ("missed".to_owned(), String::new()),
            );
        }
        if !extra.is_empty() {
            let mut rules = extra.clone();
            rules.sort();
            rules.dedup();
            out.insert(
                format!("{}\textra", case.id),
                ("extra".to_owned(), rules.join(",")),
            );
        }
    }
    out
}

#[test]
fn cfn_lint_ecs_cases() {
    let listed = std::fs::read_to_string(dir().join("disagreements.tsv")).unwrap();
    let mut recorded: BTreeMap<String, String> = BTreeMap::new();
    for line in listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.split('\t').collect();
        assert!(
            parts.len() == 4 && !parts[3].trim().is_empty(),
            "disagreements.tsv: `{line}`: case, missed|extra, rules, reason"
        );
        recorded.insert(format!("{}\t{}", parts[0], parts[1]), parts[2].to_owned());
    }
    let actual = outcomes();
    let mut problems = Vec::new();
    for (key, (_, rules)) in &actual {
        match recorded.get(key) {
            None => problems.push(format!("not in disagreements.tsv: {key}\t{rules}")),
            Some(r) if r != rules && r != "-" => problems.push(format!(
                "{key}: ecslint's rules are now {rules}, the file says {r}"
            )),
            _ => {}
        }
    }
    for key in recorded.keys() {
        if !actual.contains_key(key) {
            problems.push(format!(
                "listed in disagreements.tsv, but ecslint agrees now: {key}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
