//! Issue 14: each file is judged as its deployer sends it, the deployer is found in the
//! repository (a workflow, an ecspresso configuration, an appspec, Terraform's `file()`) or
//! configured, named in every output, and the catches no other tool has fire.
//!
//! Each case is a small repository under `tests/fixtures/deployers/<case>/`, copied to a
//! temporary folder with a `.git` folder (so that it is its own repository root), linted as a
//! directory and file by file with the same findings. Those findings are written down in
//! `tests/fixtures/deployers/<case>.findings`, which the npm package's test
//! (npm/test/deployers.test.mjs) and the VS Code extension's engine
//! (vscode-extension/test/deployers.test.mjs) compare with what they find; rewrite them with
//! `ECSLINT_BLESS=1 cargo test --test deployers`. The pretty output of each case is an
//! insta snapshot.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ecslint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs ecslint")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deployers")
}

/// The fixture repository `case`, copied to a temporary folder that is its own repository.
fn fixture(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join(case), dir.path());
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The fixture repositories, by name.
fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    cases
}

fn report(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not a JSON report ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `(path, rule, severity)` of every finding.
fn findings(out: &Output) -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    for file in report(out)["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            all.push((
                file["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            ));
        }
    }
    all.sort();
    all
}

/// Lints the repository as a directory and file by file: the same findings either way.
fn lint_both_ways(dir: &Path, files: &[&str]) -> Output {
    let walked = ecslint(dir, &["check", "--format", "json", "."]);
    let mut args = vec!["check", "--format", "json"];
    args.extend(files);
    let named = ecslint(dir, &args);
    assert_eq!(findings(&walked), findings(&named), "directory vs files");
    named
}

/// What `.findings` files hold: each file's deployers, then its diagnostics
/// (`line:column severity rule: message`, lines and columns from 1).
fn findings_text(out: &Output) -> String {
    let mut text = String::new();
    let mut files: Vec<serde_json::Value> = report(out)["files"].as_array().unwrap().clone();
    files.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    for file in files {
        let deployers: Vec<String> = file["deployers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| match d["source"].as_object() {
                Some(source) => format!(
                    "{} ({}:{})",
                    d["name"].as_str().unwrap(),
                    source["path"].as_str().unwrap(),
                    source["line"]
                ),
                None => d["name"].as_str().unwrap().to_owned(),
            })
            .collect();
        text.push_str(&format!(
            "{}: {}\n",
            file["path"].as_str().unwrap(),
            deployers.join(", ")
        ));
        for d in file["diagnostics"].as_array().unwrap() {
            let start = &d["range"]["start"];
            text.push_str(&format!(
                "  {}:{} {} {}: {}\n",
                start["line"],
                start["column"],
                d["severity"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            ));
        }
    }
    text
}

/// Every fixture repository: the same findings as a directory and file by file, as written
/// in its `.findings` file, and its pretty output as a snapshot.
#[test]
fn every_fixture_repository_gives_its_findings() {
    let bless = std::env::var_os("ECSLINT_BLESS").is_some();
    let cases = cases();
    assert!(cases.len() >= 8, "{cases:?}");
    for case in cases {
        let dir = fixture(&case);
        let walked = ecslint(dir.path(), &["check", "--format", "json", "."]);
        let files: Vec<String> = report(&walked)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_owned())
            .collect();
        assert!(!files.is_empty(), "{case}: nothing linted");
        let named: Vec<&str> = files.iter().map(String::as_str).collect();
        let out = lint_both_ways(dir.path(), &named);
        let text = findings_text(&out);
        assert_eq!(text, findings_text(&walked), "{case}: directory vs files");
        let expected_path = fixtures().join(format!("{case}.findings"));
        if bless {
            std::fs::write(&expected_path, &text).unwrap();
        } else {
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            assert_eq!(
                text, expected,
                "{case}: the findings changed; if that is right, rewrite {} with ECSLINT_BLESS=1 cargo test --test deployers",
                expected_path.display()
            );
        }
        let pretty = ecslint(dir.path(), &["check", "."]);
        insta::assert_snapshot!(case.clone(), String::from_utf8_lossy(&pretty.stdout));
    }
}

/// A task definition made with `aws ecs describe-task-definition` (nulls and describe-only
/// fields) deployed by the ECS deploy action: no error, only infos that name the action,
/// and the deployer in the report. The same file alone keeps today's errors.
#[test]
fn describe_output_deployed_by_the_action_gets_no_error() {
    let dir = fixture("deploy-action-describe-output");
    let out = lint_both_ways(dir.path(), &[".aws/task-definition.json"]);
    let found = findings(&out);
    assert!(found.iter().all(|(_, _, s)| s != "error"), "{found:?}");
    assert!(found
        .iter()
        .any(|(_, r, s)| r == "null-value" && s == "info"));
    assert_eq!(out.status.code(), Some(0));
    let file = &report(&out)["files"][0];
    assert_eq!(file["deployer"]["name"], "ecs-deploy-action");
    assert_eq!(
        file["deployer"]["source"]["path"],
        ".github/workflows/deploy.yml"
    );
    assert_eq!(file["deployer"]["source"]["line"], 12);
    let message = file["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("the ECS deploy GitHub action"),
        "{message}"
    );
    // Every format says it.
    let pretty = ecslint(dir.path(), &["check", ".aws/task-definition.json"]);
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.contains("deployed by ecs-deploy-action — .github/workflows/deploy.yml:12"),
        "{text}"
    );
    let sarif = ecslint(
        dir.path(),
        &["check", "--format", "sarif", ".aws/task-definition.json"],
    );
    assert!(String::from_utf8_lossy(&sarif.stdout).contains("ecs-deploy-action"));

    // Alone, the same file is judged as `aws ecs register-task-definition` input: every one
    // of those infos is an error.
    let infos = found.iter().filter(|(_, _, s)| s == "info").count();
    std::fs::remove_dir_all(dir.path().join(".github")).unwrap();
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let errors = findings(&out)
        .into_iter()
        .filter(|(_, _, s)| s == "error")
        .count();
    assert_eq!(errors, infos);
    assert_eq!(report(&out)["files"][0]["deployer"]["name"], "aws-cli");
}

/// A render step names a container that the task definition no longer has (it was
/// renamed): an error in the task definition, related to the workflow's line.
#[test]
fn a_render_step_for_a_renamed_container_is_an_error() {
    let dir = fixture("render-renamed-container");
    let out = lint_both_ways(dir.path(), &["deploy/taskdef.json"]);
    let file = &report(&out)["files"][0];
    let d = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "render-container-not-found")
        .expect("the renamed container is found");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["related"][0]["path"], ".github/workflows/deploy.yml");
    assert_eq!(d["related"][0]["range"]["start"]["line"], 10);
    // The pretty output shows the workflow's line under the finding.
    let pretty = ecslint(dir.path(), &["check", "deploy/taskdef.json"]);
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(text.contains("container-name: web"), "{text}");
}

/// The deploy action removes an empty argument of `command`: the arguments after it move.
#[test]
fn an_empty_argument_the_action_removes() {
    let dir = fixture("deploy-action-empty-argument");
    let out = lint_both_ways(dir.path(), &[".aws/worker.json"]);
    let found = findings(&out);
    assert_eq!(
        found,
        [(
            ".aws/worker.json".to_owned(),
            "deploy-action-removes-empty-value".to_owned(),
            "warning".to_owned()
        )]
    );
}

/// ecspresso: a `must_env` variable that the workflow running ecspresso never sets.
#[test]
fn an_ecspresso_variable_the_workflow_never_sets() {
    let dir = fixture("ecspresso-templates");
    let out = lint_both_ways(
        dir.path(),
        &[
            "ecspresso/ecs-task-def.json",
            "ecspresso/ecs-service-def.json",
        ],
    );
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|(_, r, s)| r == "ecspresso-env-not-provided" && s == "warning"),
        "{found:?}"
    );
    // `AWS_REGION` is set by the workflow.
    assert_eq!(
        found
            .iter()
            .filter(|(_, r, _)| r == "ecspresso-env-not-provided")
            .count(),
        1
    );
    for file in report(&out)["files"].as_array().unwrap() {
        assert_eq!(file["deployer"]["name"], "ecspresso");
    }
}

/// Terraform reads the container definitions of `file()` case-insensitively: `Image` is the
/// image (an info), not an unknown key with a missing image.
#[test]
fn terraform_file_is_read_as_the_provider_reads_it() {
    let dir = fixture("terraform-file");
    let out = lint_both_ways(dir.path(), &["infra/main.tf", "infra/containers.json"]);
    let found: Vec<(String, String, String)> = findings(&out)
        .into_iter()
        .filter(|(p, _, _)| p == "infra/containers.json")
        .collect();
    assert!(
        found
            .iter()
            .all(|(_, r, s)| r == "field-name-case" && s == "info"),
        "{found:?}"
    );
    assert_eq!(found.len(), 3);
    let file = report(&out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "infra/containers.json")
        .cloned()
        .unwrap();
    assert_eq!(file["deployer"]["source"]["path"], "infra/main.tf");
}

/// CodeDeploy: the appspec beside `taskdef.json` routes the load balancer to a container the
/// task definition does not have.
#[test]
fn a_codedeploy_appspec_that_does_not_match_its_task_definition() {
    let dir = fixture("codedeploy-appspec");
    let out = lint_both_ways(dir.path(), &["pipeline/taskdef.json"]);
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|(_, r, s)| r == "codedeploy-appspec-container" && s == "error"),
        "{found:?}"
    );
    let file = &report(&out)["files"][0];
    assert_eq!(file["deployer"]["name"], "codedeploy");
    assert_eq!(file["deployer"]["source"]["path"], "pipeline/appspec.yaml");
}

/// Configured deployers win over the repository; `--deployer` over both.
#[test]
fn configured_deployers_and_the_flag() {
    let dir = fixture("configured");
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let severities: Vec<(String, String)> = findings(&out)
        .into_iter()
        .filter(|(_, r, _)| r == "read-only-field")
        .map(|(p, _, s)| (p, s))
        .collect();
    assert_eq!(
        severities,
        [
            ("deploy/td.json".to_owned(), "info".to_owned()),
            ("other/td.json".to_owned(), "error".to_owned())
        ]
    );
    let out = ecslint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--deployer",
            "aws-cli",
            "deploy/td.json",
        ],
    );
    let read_only: Vec<String> = findings(&out)
        .into_iter()
        .filter(|(_, r, _)| r == "read-only-field")
        .map(|(_, _, s)| s)
        .collect();
    assert_eq!(read_only, ["error"]);
    let bad = ecslint(
        dir.path(),
        &["check", "--deployer", "ecspreso", "deploy/td.json"],
    );
    assert_eq!(bad.status.code(), Some(2));
}
