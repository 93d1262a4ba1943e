//! `ecslint check --format …`: snapshots of the pretty, JSON, GitHub and JUnit outputs of
//! the fixtures in `tests/fixtures/cli`, and the structure of the SARIF log.
//!
//! The binary runs in the fixtures directory with relative paths, and stdout is not a
//! terminal, so output is uncoloured and 100 columns wide: snapshots are stable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ALL: &[&str] = &[
    "valid-fargate.json",
    "problems.json",
    "describe-output.json",
    "container-definitions.json",
    "ecspresso-service.json",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .arg("check")
        .args(args)
        .current_dir(fixtures())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .output()
        .expect("runs ecslint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn with_format(format: &str, files: &[&str]) -> Output {
    let mut args = vec!["--format", format];
    args.extend_from_slice(files);
    check(&args)
}

#[test]
fn pretty() {
    let out = with_format("pretty", ALL);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn pretty_walk() {
    insta::assert_snapshot!(stdout(&with_format("pretty", &["walk"])));
}

#[test]
fn pretty_shows_related_places_in_the_paired_task_definition() {
    // A service finding whose related place is in the task definition: a note with that
    // file's name, line and column, and its snippet.
    let text = stdout(&with_format("pretty", &["pair"]));
    assert!(
        text.contains("  ☞ the network mode is `bridge` here\n   ╭─[pair/config/td/web.json:3:18]"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn pretty_never_shows_environment_values() {
    let text = stdout(&with_format("pretty", &["problems.json"]));
    assert!(text.contains("APP_GREETING"));
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn json() {
    let out = with_format("json", ALL);
    let text = stdout(&out);
    assert!(text.ends_with('\n'));
    assert_eq!(text.lines().count(), 1, "one line");
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["files"], 5);
    insta::assert_json_snapshot!(report);
}

/// The exact bytes of the contract, member order included, for one small file.
#[test]
fn json_raw() {
    insta::assert_snapshot!(stdout(&with_format(
        "json",
        &["container-definitions.json"]
    )));
}

#[test]
fn github() {
    let out = with_format("github", ALL);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        assert!(line.contains(",title=ecslint "), "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn junit() {
    let out = with_format("junit", ALL);
    let text = stdout(&out);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert_eq!(text.matches("<testcase ").count(), ALL.len());
    assert_eq!(text.matches("<failure ").count(), 9);
    insta::assert_snapshot!(text);
}

#[test]
fn sarif() {
    let out = with_format("sarif", ALL);
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "ecslint");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "unknown-field"
        && r["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## What it does")));
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with(".json"));
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    let cpu = results
        .iter()
        .find(|r| r["properties"]["pointer"] == "/cpu")
        .expect("the task-level cpu");
    assert_eq!(
        cpu["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "problems.json"
    );
    assert_eq!(
        cpu["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    assert_eq!(
        cpu["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/cpu"
    );
    let replacement = &cpu["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "\"256\"");
    assert_eq!(replacement["deletedRegion"]["byteLength"], 3);
}
