//! `ecslint check` on Terraform: `.tf` files found by walking (and skipped, with the reason,
//! when they hold no ECS resource), a module of several files (a service checked against its
//! task definition in another file, the JSON file `container_definitions` reads linted with
//! its task definition, also when only the `.tf` file is named), a plan on standard input,
//! SARIF.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform")
}

fn ecslint(args: &[&str], input: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs ecslint");
    let mut stdin = child.stdin.take().unwrap();
    if let Some(input) = input {
        stdin.write_all(input.as_bytes()).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn report(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

/// `(path, rule, line)` of every finding.
fn findings(report: &serde_json::Value) -> Vec<(String, String, u64)> {
    let mut out = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            ));
        }
    }
    out
}

#[test]
fn a_module_is_linted_as_terraform_reads_it() {
    let output = ecslint(&["check", "infra", "--format", "json"], None);
    assert_eq!(output.status.code(), Some(1));
    let report = report(&output);
    assert_eq!(
        findings(&report),
        [
            (
                "infra/containers.json".to_owned(),
                "port-mapping-awsvpc-host-host-port".to_owned(),
                6
            ),
            (
                "infra/service.tf".to_owned(),
                "load-balancer-container-port-in-task-definition".to_owned(),
                15
            ),
            (
                "infra/task.tf".to_owned(),
                "fargate-cpu-memory-combination".to_owned(),
                5
            ),
        ]
    );
    // The related place of the service's finding is in the JSON file, at its line.
    let service = &report["files"][1]["diagnostics"][0];
    assert_eq!(service["related"][0]["path"], "infra/containers.json");
    assert_eq!(service["related"][0]["range"]["start"]["line"], 6);
    assert_eq!(
        service["pointer"],
        "aws_ecs_service.web.load_balancer[0].container_port"
    );
    let skipped: Vec<&str> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["infra/other.tf", "infra/variables.tf"]);
    assert!(report["skipped"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("without an aws_ecs_task_definition"));
}

#[test]
fn a_tf_file_named_alone_brings_its_module_and_the_file_it_reads() {
    let output = ecslint(&["check", "infra/task.tf", "--format", "json"], None);
    let found = findings(&report(&output));
    assert_eq!(
        found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["infra/task.tf", "infra/containers.json"]
    );
}

#[test]
fn a_plan_on_standard_input() {
    let plan = std::fs::read_to_string(dir().join("plan.json")).unwrap();
    let output = ecslint(
        &[
            "check",
            "--stdin-filename",
            "plan.json",
            "-",
            "--format",
            "json",
        ],
        Some(&plan),
    );
    let report = report(&output);
    assert_eq!(report["files"][0]["kind"], "terraform");
    let rules: Vec<String> = findings(&report).into_iter().map(|f| f.1).collect();
    assert!(
        rules.contains(&"port-mapping-awsvpc-host-host-port".to_owned()),
        "{rules:?}"
    );
}

#[test]
fn a_tf_file_on_standard_input_sees_its_module() {
    let text = std::fs::read_to_string(dir().join("infra/service.tf")).unwrap();
    let output = ecslint(
        &[
            "check",
            "--stdin-filename",
            "infra/service.tf",
            "-",
            "--format",
            "json",
        ],
        Some(&text),
    );
    let found: Vec<(String, String)> = findings(&report(&output))
        .into_iter()
        .map(|f| (f.0, f.1))
        .collect();
    // The service is checked against the task definition of task.tf, and the file that task
    // definition reads is linted too.
    assert_eq!(
        found,
        [
            (
                "infra/service.tf".to_owned(),
                "load-balancer-container-port-in-task-definition".to_owned()
            ),
            (
                "infra/containers.json".to_owned(),
                "port-mapping-awsvpc-host-host-port".to_owned()
            ),
        ]
    );
}

#[test]
fn sarif_names_the_tf_file() {
    let output = ecslint(&["check", "infra/service.tf", "--format", "sarif"], None);
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "infra/service.tf"
    );
    assert_eq!(
        result["ruleId"],
        "load-balancer-container-port-in-task-definition"
    );
}
