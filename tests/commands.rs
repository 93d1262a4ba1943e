//! `ecslint rules`, `explain`, `schema` and `--version`.

use std::process::{Command, Output};

fn ecslint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .output()
        .expect("runs ecslint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn rules_json_lists_every_rule() {
    let out = ecslint(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = ecslint_core::registry::rules()
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids, expected);
    for rule in rules {
        for key in [
            "id", "name", "severity", "category", "fix", "summary", "sources",
        ] {
            assert!(rule.get(key).is_some(), "{key} missing in {rule}");
        }
        assert!(!rule["summary"].as_str().unwrap().is_empty());
    }
}

#[test]
fn rules_table_has_a_row_per_rule() {
    let out = ecslint(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("RULE"));
    assert_eq!(lines.count(), ecslint_core::registry::rules().len());
    assert!(text
        .lines()
        .any(|l| l.starts_with("unknown-field ") && l.contains("structure")));
}

#[test]
fn explain_prints_the_docs() {
    let out = ecslint(&["explain", "unknown-field"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("unknown-field (error, structure)\n\n"),
        "{text}"
    );
    assert!(text.contains("## What it does"));
}

#[test]
fn explain_an_unknown_rule_suggests_and_exits_with_2() {
    let out = ecslint(&["explain", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = ecslint(&["explain", "unknown-feild"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `unknown-field`?"), "{err}");
}

#[test]
fn schema_prints_a_json_schema() {
    for kind in ["task-definition", "service", "container-definitions"] {
        let out = ecslint(&["schema", kind]);
        assert_eq!(out.status.code(), Some(0), "{kind}");
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert!(schema.is_object(), "{kind}");
    }
    assert_eq!(ecslint(&["schema", "cluster"]).status.code(), Some(2));
}

#[test]
fn version() {
    let out = ecslint(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("ecslint {}\n", env!("CARGO_PKG_VERSION"))
    );
}
