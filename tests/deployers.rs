//! Issue 14: each file is judged as its deployer sends it, the deployer is found in the
//! repository (a workflow, an ecspresso configuration, an appspec, Terraform's `file()`) or
//! configured, named in every output, and the catches no other tool has fire.
//!
//! Each case is a small repository made in a temporary folder (with a `.git` folder, so that it
//! is its own repository root) and linted as a directory and file by file, with the same
//! findings.

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

/// A repository in a temporary folder.
fn repository(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
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

fn corpus(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/taskdefs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const DEPLOY_WORKFLOW: &str = "name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: .aws/task-definition.json
          service: web
          cluster: prod
";

/// A task definition made with `aws ecs describe-task-definition` (34 `null`s and 5
/// describe-only fields, from the corpus) deployed by the ECS deploy action: no error, only
/// infos that name the action, and the deployer in the report. The same file alone keeps
/// today's errors.
#[test]
fn describe_output_deployed_by_the_action_gets_no_error() {
    let td = corpus("14km__9th-depromeet-conf__task-definition.json");
    let dir = repository(&[
        (".aws/task-definition.json", &td),
        (".github/workflows/deploy.yml", DEPLOY_WORKFLOW),
    ]);
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
    assert_eq!(file["deployer"]["source"]["line"], 10);
    let message = file["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("the ECS deploy GitHub action"),
        "{message}"
    );
    // Every format says it.
    let pretty = ecslint(dir.path(), &["check", ".aws/task-definition.json"]);
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.contains("deployed by ecs-deploy-action — .github/workflows/deploy.yml:10"),
        "{text}"
    );
    let sarif = ecslint(
        dir.path(),
        &["check", "--format", "sarif", ".aws/task-definition.json"],
    );
    assert!(String::from_utf8_lossy(&sarif.stdout).contains("ecs-deploy-action"));

    // Alone, the same file is judged as `aws ecs register-task-definition` input.
    let alone = repository(&[(".aws/task-definition.json", &td)]);
    let out = ecslint(alone.path(), &["check", "--format", "json", "."]);
    let errors = findings(&out)
        .into_iter()
        .filter(|(_, _, s)| s == "error")
        .count();
    assert_eq!(errors, 39);
    assert_eq!(report(&out)["files"][0]["deployer"]["name"], "aws-cli");
}

/// A render step names a container that the task definition no longer has (it was
/// renamed): an error in the task definition, related to the workflow's line.
#[test]
fn a_render_step_for_a_renamed_container_is_an_error() {
    let workflow = "on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: deploy/taskdef.json
          container-name: web
          image: ${{ steps.build.outputs.image }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          service: web
";
    let td = r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [{ "name": "api", "image": "", "essential": true }]
}"#;
    let dir = repository(&[
        ("deploy/taskdef.json", td),
        (".github/workflows/deploy.yml", workflow),
    ]);
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

/// ecspresso: a `must_env` variable that the workflow running ecspresso never sets.
#[test]
fn an_ecspresso_variable_the_workflow_never_sets() {
    let workflow = "on: push
env:
  AWS_REGION: us-east-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: kayac/ecspresso@v2
      - run: ecspresso deploy --config ecspresso/ecspresso.yml
";
    let td = r#"{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:{{ must_env `IMAGE_TAG` }}", "memory": 256, "essential": true }
  ]
}"#;
    let dir = repository(&[
        (".github/workflows/deploy.yml", workflow),
        (
            "ecspresso/ecspresso.yml",
            "region: us-east-1\ncluster: prod\nservice: web\ntask_definition: ecs-task-def.json\n",
        ),
        ("ecspresso/ecs-task-def.json", td),
    ]);
    let out = lint_both_ways(dir.path(), &["ecspresso/ecs-task-def.json"]);
    let found = findings(&out);
    assert!(
        found
            .iter()
            .any(|(_, r, s)| r == "ecspresso-env-not-provided" && s == "warning"),
        "{found:?}"
    );
    assert_eq!(report(&out)["files"][0]["deployer"]["name"], "ecspresso");
}

/// Terraform reads the container definitions of `file()` case-insensitively: `Image` is the
/// image (an info), not an unknown key with a missing image.
#[test]
fn terraform_file_is_read_as_the_provider_reads_it() {
    let dir = repository(&[
        (
            "infra/main.tf",
            "resource \"aws_ecs_task_definition\" \"app\" {\n  family = \"app\"\n  container_definitions = file(\"${path.module}/containers.json\")\n}\n",
        ),
        (
            "infra/containers.json",
            r#"[{ "Name": "app", "Image": "nginx:1.27", "Memory": 256, "essential": true }]"#,
        ),
    ]);
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
    let appspec = "version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: \"web\"
          ContainerPort: 8080
";
    let td = r#"{
  "family": "app",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "app", "image": "<IMAGE1_NAME>", "memory": 256, "essential": true, "portMappings": [{ "containerPort": 8080 }] }
  ]
}"#;
    let dir = repository(&[
        ("pipeline/appspec.yaml", appspec),
        ("pipeline/taskdef.json", td),
    ]);
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
    let td = r#"{"family": "web", "revision": 3, "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}"#;
    let dir = repository(&[
        (
            "ecslint.toml",
            "[[deploy]]\nfiles = [\"deploy/*.json\"]\nvia = \"ecs-deploy-action\"\n",
        ),
        ("deploy/td.json", td),
        ("other/td.json", td),
    ]);
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
