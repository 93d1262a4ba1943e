//! The bundled examples (`examples/`): the clean ones lint without a single diagnostic, the
//! broken ones fail with the rules they show and a fix in every message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn ecslint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs ecslint")
}

/// `(path, rule, severity, help)` of each diagnostic of a JSON report.
fn findings(output: &Output) -> Vec<(String, String, String, String)> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let mut out = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["help"].as_str().unwrap_or_default().to_owned(),
            ));
        }
    }
    out
}

#[test]
fn clean_examples_have_no_diagnostic() {
    for dir in [
        "fargate-web",
        "ec2-bridge",
        "terraform",
        "blue-green",
        "linear",
        "canary",
    ] {
        let output = ecslint(&["check", &format!("examples/{dir}"), "--format", "json"]);
        let found = findings(&output);
        assert!(found.is_empty(), "examples/{dir}: {found:?}");
        assert_eq!(output.status.code(), Some(0), "examples/{dir}");
    }
}

#[test]
fn broken_deployment_examples_fail_with_the_fix_named() {
    let cases: [(&str, &str, &[&str]); 3] = [
        (
            "blue-green",
            "examples/blue-green/taskdef.json",
            &[
                "load-balancer-advanced-configuration-required",
                "lifecycle-hook-target",
                "lifecycle-hook-stages",
                "blue-green-bake-time-required",
            ],
        ),
        (
            "linear",
            "examples/linear/taskdef.json",
            &[
                "traffic-shift-percent-range",
                "alternate-target-group-arn",
                "listener-rule-arn-type",
            ],
        ),
        (
            "canary",
            "examples/canary/taskdef.json",
            &[
                "deployment-strategy-requires-ecs-controller",
                "traffic-shift-percent-range",
                "deployment-bake-time-range",
                "service-connect-access-log-needs-log-configuration",
            ],
        ),
    ];
    for (name, taskdef, expected) in cases {
        let service = format!("examples/broken/{name}-service.json");
        let output = ecslint(&["check", &service, taskdef, "--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "{service} must fail");
        let found = findings(&output);
        for rule in expected {
            assert!(
                found
                    .iter()
                    .any(|(path, r, _, _)| path == &service && r == rule),
                "{service}: expected `{rule}`, got {found:?}"
            );
        }
        for (path, rule, severity, help) in &found {
            assert_eq!(path, &service, "the task definition stays clean: {found:?}");
            assert!(
                !help.is_empty(),
                "{service}: `{rule}` ({severity}) names no fix"
            );
        }
    }
}

#[test]
fn the_examples_directory_fails_because_of_the_broken_ones() {
    let output = ecslint(&["check", "examples", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found = findings(&output);
    assert!(
        found
            .iter()
            .all(|(path, ..)| path.starts_with("examples/broken/")),
        "{found:?}"
    );
}
