//! The Terraform form (issue 16): real `.tf` files, modules of several files, the files
//! `file()` and `templatefile()` read, fixes in place, the same task definition as API JSON
//! and as Terraform, a plan, and Terraform itself as the oracle.
//!
//! The reviewed list of what the real files in `tests/hcl/real` produce is
//! `tests/terraform/expectations.tsv`; rewrite it after reviewing a change with
//! `ECSLINT_BLESS=1 cargo test -p ecslint-core --test terraform` (justifications of unchanged
//! lines are kept; an error without one fails).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use ecslint_core::fix::fix_all;
use ecslint_core::forms::terraform::schema::{Block, Presence};
use ecslint_core::forms::terraform::{referenced_files, RESOURCES};
use ecslint_core::read::hcl;
use ecslint_core::{
    lint, Applicability, Config, Diagnostic, LintOptions, LintResult, Settings, Severity,
    SourceFile,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn all_rules() -> Settings {
    Settings::from_config(&Config {
        select: Some(vec!["ALL".to_owned()]),
        ..Config::default()
    })
    .unwrap()
}

fn lint_tf(path: &str, text: &str, files: &[SourceFile<'_>], settings: &Settings) -> LintResult {
    let mut options = LintOptions::new(settings);
    options.path = Some(path);
    options.files = files;
    lint(text, &options)
}

fn at<'t>(text: &'t str, d: &Diagnostic) -> &'t str {
    &text[d.range.start..d.range.end]
}

// ---- real files ----------------------------------------------------------------------------

const EXPECTATIONS: &str = "tests/terraform/expectations.tsv";
const UNREVIEWED: &str = "UNREVIEWED";

#[test]
fn real_files_give_the_reviewed_findings_and_no_false_error() {
    let dir = root().join("tests/hcl/real");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    paths.sort();
    let settings = Settings::default();
    let mut actual = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let result = lint_tf(&name, &text, &[], &settings);
        for d in &result.diagnostics {
            assert!(d.range.end <= text.len(), "{name}: {d:?}");
            actual.push((
                name.clone(),
                d.severity.to_string(),
                d.rule.to_owned(),
                d.pointer.clone(),
            ));
        }
    }
    actual.sort();
    let file = root().join(EXPECTATIONS);
    let existing = std::fs::read_to_string(&file).unwrap_or_default();
    let mut reasons: BTreeMap<(String, String, String, String), String> = BTreeMap::new();
    for line in existing.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() == 5 {
            reasons.insert(
                (
                    cols[0].into(),
                    cols[1].into(),
                    cols[2].into(),
                    cols[3].into(),
                ),
                cols[4].into(),
            );
        }
    }
    let mut rendered = String::from(
        "# Reviewed findings of the Terraform form on tests/hcl/real: file, severity, rule, Terraform path, justification.\n\
         # Every error must be one the deployment really meets; see tests/terraform.rs.\n",
    );
    for f in &actual {
        let why = reasons
            .get(f)
            .cloned()
            .unwrap_or_else(|| UNREVIEWED.to_owned());
        rendered.push_str(&format!("{}\t{}\t{}\t{}\t{why}\n", f.0, f.1, f.2, f.3));
    }
    if std::env::var_os("ECSLINT_BLESS").is_some() {
        std::fs::write(&file, &rendered).unwrap();
    }
    assert_eq!(
        existing, rendered,
        "the findings on tests/hcl/real changed: review them, then ECSLINT_BLESS=1"
    );
    for line in rendered.lines().filter(|l| !l.starts_with('#')) {
        assert!(
            !(line.contains("\terror\t") && line.ends_with(UNREVIEWED)),
            "an error on a real file needs a justification: {line}"
        );
    }
}

// ---- values known only when deployed --------------------------------------------------------

/// Every argument of `block` set to a variable without a default, every nested block
/// `dynamic` (or literal, with `literal`).
fn unknown_body(block: &Block, indent: &str, n: &mut usize, literal: bool, out: &mut String) {
    for a in block.arguments {
        if a.presence == Presence::Computed || matches!(a.name, "id" | "tags_all") {
            continue;
        }
        *n += 1;
        out.push_str(&format!("{indent}{} = var.v{n}\n", a.name));
    }
    for b in block.blocks {
        if b.name == "timeouts" {
            continue;
        }
        if literal {
            out.push_str(&format!("{indent}{} {{\n", b.name));
            unknown_body(b.block, &format!("{indent}  "), n, literal, out);
            out.push_str(&format!("{indent}}}\n"));
        } else {
            out.push_str(&format!(
                "{indent}dynamic \"{}\" {{\n{indent}  for_each = var.items\n{indent}  content {{\n",
                b.name
            ));
            unknown_body(b.block, &format!("{indent}    "), n, literal, out);
            out.push_str(&format!("{indent}  }}\n{indent}}}\n"));
        }
    }
}

#[test]
fn values_known_only_when_planned_never_make_a_finding() {
    let settings = all_rules();
    for literal in [false, true] {
        let mut text = String::new();
        let mut n = 0;
        for r in RESOURCES {
            text.push_str(&format!("resource \"{}\" \"x\" {{\n", r.name));
            if literal {
                // Only arguments: literal blocks are there, whatever their values.
                for a in r.block.arguments {
                    if a.presence != Presence::Computed && !matches!(a.name, "id" | "tags_all") {
                        n += 1;
                        text.push_str(&format!("  {} = var.v{n}\n", a.name));
                    }
                }
            } else {
                unknown_body(r.block, "  ", &mut n, false, &mut text);
            }
            text.push_str("}\n");
        }
        assert!(hcl::parse(&text).problems.is_empty());
        let result = lint_tf("unknown.tf", &text, &[], &settings);
        let findings: Vec<String> = result
            .diagnostics
            .iter()
            .filter(|d| d.rule != "terraform-not-evaluated")
            .map(|d| format!("{} {}: {}", d.rule, d.pointer, d.message))
            .collect();
        assert!(findings.is_empty(), "{text}\n{}", findings.join("\n"));
    }
}

// ---- modules ---------------------------------------------------------------------------------

const SERVICE_TF: &str = r#"resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-12345678"]
    security_groups = ["sg-12345678"]
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
    container_name   = "web"
    container_port   = 80
  }
}
"#;

const TASK_TF: &str = r#"resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = 512
  container_definitions    = file("${path.module}/containers.json")
}
"#;

const VARIABLES_TF: &str = "variable \"cpu\" {\n  default = 3\n}\n";

const CONTAINERS_JSON: &str = r#"[
  {
    "name": "web",
    "image": "public.ecr.aws/nginx/nginx:1.27",
    "essential": true,
    "portMappings": [{ "containerPort": 8080, "hostPort": 80 }]
  }
]
"#;

#[test]
fn a_service_is_checked_against_its_task_definition_in_another_file_of_the_module() {
    let settings = Settings::default();
    let files = [
        SourceFile {
            path: "infra/task.tf",
            text: TASK_TF,
        },
        SourceFile {
            path: "infra/variables.tf",
            text: VARIABLES_TF,
        },
        SourceFile {
            path: "infra/containers.json",
            text: CONTAINERS_JSON,
        },
    ];
    let result = lint_tf("infra/service.tf", SERVICE_TF, &files, &settings);
    let port = result
        .diagnostics
        .iter()
        .find(|d| d.rule == "load-balancer-container-port-in-task-definition")
        .unwrap_or_else(|| panic!("{:#?}", result.diagnostics));
    assert_eq!(at(SERVICE_TF, port), "80");
    assert_eq!(
        port.pointer,
        "aws_ecs_service.web.load_balancer[0].container_port"
    );
    assert!(port.message.starts_with("aws_ecs_service.web: "));
    // The related place is in the JSON file the task definition reads.
    let related = &port.related[0];
    assert_eq!(related.document.as_deref(), Some("infra/containers.json"));
    let shown = &CONTAINERS_JSON[related.range.start..related.range.end];
    assert_eq!(shown, "\"portMappings\"", "{related:?}");
    // Findings of the task definition itself belong to its own file.
    assert!(result
        .diagnostics
        .iter()
        .all(|d| d.rule != "fargate-cpu-memory-combination"));
}

#[test]
fn a_task_definition_resolves_variables_of_the_module_and_reads_its_file() {
    let settings = Settings::default();
    assert_eq!(
        referenced_files(Some("infra/task.tf"), TASK_TF),
        ["infra/containers.json"]
    );
    let files = [
        SourceFile {
            path: "infra/variables.tf",
            text: VARIABLES_TF,
        },
        SourceFile {
            path: "./infra/containers.json",
            text: CONTAINERS_JSON,
        },
    ];
    let result = lint_tf("infra/task.tf", TASK_TF, &files, &settings);
    let rules: Vec<&str> = result.diagnostics.iter().map(|d| d.rule).collect();
    // `cpu = var.cpu` is 3 by its default in variables.tf: the finding points at the
    // reference and says where the value comes from.
    let cpu = result
        .diagnostics
        .iter()
        .find(|d| d.rule == "fargate-cpu-memory-combination")
        .unwrap_or_else(|| panic!("{rules:?}"));
    assert_eq!(at(TASK_TF, cpu), "var.cpu");
    assert!(cpu
        .help
        .as_deref()
        .unwrap()
        .contains("infra/variables.tf:2"));
    assert!(cpu.fix.is_none(), "the value is not written here");
    // The container's host port is in containers.json: reported when that file is linted.
    assert!(!rules.contains(&"port-mapping-awsvpc-host-host-port"));

    // The JSON file, linted with the module at hand, is checked as these containers.
    let module = [
        SourceFile {
            path: "infra/task.tf",
            text: TASK_TF,
        },
        SourceFile {
            path: "infra/variables.tf",
            text: VARIABLES_TF,
        },
    ];
    let mut options = LintOptions::new(&settings);
    options.path = Some("infra/containers.json");
    options.files = &module;
    let json = lint(CONTAINERS_JSON, &options);
    let host = json
        .diagnostics
        .iter()
        .find(|d| d.rule == "port-mapping-awsvpc-host-host-port")
        .unwrap_or_else(|| panic!("{:#?}", json.diagnostics));
    assert_eq!(at(CONTAINERS_JSON, host), "80");
    assert!(host.fix.is_some(), "a JSON file takes JSON fixes");
    assert_eq!(json.deployed_by[0].name, "terraform");
    let evidence = json.deployed_by[0].source.as_ref().unwrap();
    assert_eq!(
        (evidence.path.as_str(), evidence.line),
        ("infra/task.tf", 1)
    );
    // The task's own findings are the .tf file's.
    assert!(json.diagnostics.iter().all(
        |d| d.range.end <= CONTAINERS_JSON.len() && d.rule != "fargate-cpu-memory-combination"
    ));
}

#[test]
fn templatefile_variables_given_as_literals_are_substituted() {
    let template = "[{\"name\": \"${name}\", \"image\": \"${image}\", \"memory\": ${memory}, \"cpu\": ${cpu}}]\n";
    let tf = r#"resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = templatefile("${path.module}/c.json.tpl", {
    name   = "app"
    image  = var.image
    memory = 4
    cpu    = var.cpu
  })
}
"#;
    let files = [SourceFile {
        path: "c.json.tpl",
        text: template,
    }];
    let result = lint_tf("main.tf", tf, &files, &Settings::default());
    let rules: Vec<&str> = result.diagnostics.iter().map(|d| d.rule).collect();
    assert!(!rules.iter().any(|r| r.starts_with("invalid")), "{rules:?}");
    // memory 4 (substituted) is below the minimum, reported when the template is linted.
    let settings = Settings::default();
    let mut options = LintOptions::new(&settings);
    options.path = Some("c.json.tpl");
    let module = [SourceFile {
        path: "main.tf",
        text: tf,
    }];
    options.files = &module;
    let t = lint(template, &options);
    let memory = t
        .diagnostics
        .iter()
        .find(|d| d.rule == "container-memory-minimum")
        .unwrap_or_else(|| panic!("{:#?}", t.diagnostics));
    assert_eq!(at(template, memory), "${memory}");
}

// ---- container_definitions forms and fixes ---------------------------------------------------

#[test]
fn every_form_of_container_definitions_points_into_the_file() {
    let tf = r#"locals {
  port = 80
}

resource "aws_ecs_task_definition" "encoded" {
  family                   = "a"
  network_mode             = "awsvpc"
  container_definitions = jsonencode([{
    name = "a", image = "busybox:1", memory = 128, essential = true,
    portMappings = [{ containerPort = local.port, hostPort = 81 }]
  }])
}

resource "aws_ecs_task_definition" "heredoc" {
  family       = "b"
  network_mode = "awsvpc"
  container_definitions = <<-EOT
    [{"name": "b", "image": "busybox:1", "memory": 128, "essential": true,
      "portMappings": [{"containerPort": ${local.port}, "hostPort": 82}]}]
  EOT
}

resource "aws_ecs_task_definition" "quoted" {
  family                = "c"
  network_mode          = "awsvpc"
  container_definitions = "[{\"name\": \"c\", \"image\": \"busybox:1\", \"memory\": 128, \"essential\": true, \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 83}]}]"
}
"#;
    let result = lint_tf("main.tf", tf, &[], &Settings::default());
    let hosts: Vec<(&str, &str)> = result
        .diagnostics
        .iter()
        .filter(|d| d.rule == "port-mapping-awsvpc-host-host-port")
        .map(|d| (at(tf, d), d.pointer.as_str()))
        .collect();
    // In the heredoc the container port is an interpolation: unknown, so no finding there.
    assert_eq!(
        hosts,
        [
            (
                "81",
                "aws_ecs_task_definition.encoded.container_definitions[0].portMappings[0].hostPort"
            ),
            (
                "83",
                "aws_ecs_task_definition.quoted.container_definitions[0].portMappings[0].hostPort"
            ),
        ]
    );
}

#[test]
fn fixes_edit_the_tf_file_in_place() {
    let tf = r#"resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    Name      = "app"
    image     = "busybox:1.36"
    essential = true
    portMappings = [{ containerPort = 8080, hostPort = 80 }]
  }])
}

resource "aws_ecs_task_definition" "raw" {
  family                   = "raw"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<EOF
[
  {"name": "raw", "image": "busybox:1.36", "essential": true,
   "portMappings": [{"containerPort": 8080, "hostPort": 80}],}
]
EOF
}
"#;
    let settings = Settings::default();
    let mut options = LintOptions::new(&settings);
    options.path = Some("main.tf");
    let fixed = fix_all(tf, &options, Applicability::Unsafe).expect("fixes apply");
    assert!(!fixed.applied.is_empty());
    assert!(
        hcl::parse(&fixed.text).problems.is_empty(),
        "{}",
        fixed.text
    );
    assert!(
        fixed.text.contains("\"name\"      = \"app\""),
        "{}",
        fixed.text
    );
    assert!(fixed.text.contains("hostPort = 8080"), "{}", fixed.text);
    assert!(
        fixed
            .text
            .contains("[{\"containerPort\": 8080, \"hostPort\": 8080}]}"),
        "{}",
        fixed.text
    );
    // Only what was fixed changed: the rest of the file keeps its layout.
    assert_eq!(fixed.text.lines().count(), tf.lines().count());
    let errors: Vec<&Diagnostic> = fixed
        .result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// ---- the same task definition as API JSON and as Terraform -----------------------------------

const PARITY_JSON: &str = r#"{
  "family": "shop",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "bridge",
  "cpu": "256",
  "memory": "4096",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:latest",
      "essential": false,
      "memory": 8192,
      "portMappings": [{ "containerPort": 80, "hostPort": 8080, "protocol": "http" }],
      "healthCheck": { "command": ["curl -f http://localhost/"], "interval": 2 },
      "dependsOn": [{ "containerName": "db", "condition": "HEALTHY" }],
      "mountPoints": [{ "sourceVolume": "cache", "containerPath": "/cache" }]
    }
  ],
  "volumes": [{ "name": "data", "host": { "sourcePath": "/data" } }]
}
"#;

const PARITY_TF: &str = r#"resource "aws_ecs_task_definition" "shop" {
  family                   = "shop"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = 256
  memory                   = 4096
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "nginx:latest"
      essential    = false
      memory       = 8192
      portMappings = [{ containerPort = 80, hostPort = 8080, protocol = "http" }]
      healthCheck  = { command = ["curl -f http://localhost/"], interval = 2 }
      dependsOn    = [{ containerName = "db", condition = "HEALTHY" }]
      mountPoints  = [{ sourceVolume = "cache", containerPath = "/cache" }]
    }
  ])

  volume {
    name      = "data"
    host_path = "/data"
  }
}
"#;

#[test]
fn the_same_task_definition_gives_the_same_findings_in_both_forms() {
    let settings = all_rules();
    let mut options = LintOptions::new(&settings);
    options.path = Some("shop.json");
    let json = lint(PARITY_JSON, &options);
    let tf = lint_tf("shop.tf", PARITY_TF, &[], &settings);
    let set = |r: &LintResult| {
        let mut v: Vec<(String, String)> = r
            .diagnostics
            .iter()
            // The Terraform note and the deployer's view of the containers' JSON are the
            // form's own.
            .filter(|d| d.rule != "terraform-not-evaluated")
            .map(|d| (d.rule.to_owned(), d.severity.to_string()))
            .collect();
        v.sort();
        v
    };
    let (a, b) = (set(&json), set(&tf));
    assert!(a.len() >= 8, "{a:?}");
    assert_eq!(
        a, b,
        "JSON:\n{:#?}\nTerraform:\n{:#?}",
        json.diagnostics, tf.diagnostics
    );
    // Each finding on the same value: the Terraform one names the argument as written.
    let pointer = |r: &LintResult, rule: &str| {
        r.diagnostics
            .iter()
            .find(|d| d.rule == rule)
            .map(|d| d.pointer.clone())
            .unwrap()
    };
    assert_eq!(pointer(&json, "fargate-requires-awsvpc"), "/networkMode");
    assert_eq!(
        pointer(&tf, "fargate-requires-awsvpc"),
        "aws_ecs_task_definition.shop.network_mode"
    );
    let memory = tf
        .diagnostics
        .iter()
        .find(|d| d.rule == "container-memory-sum-within-task-memory")
        .unwrap();
    assert!(
        memory.message.starts_with("aws_ecs_task_definition.shop: "),
        "{}",
        memory.message
    );
}

// ---- the plan --------------------------------------------------------------------------------

#[test]
fn a_plan_is_linted_with_positions_inside_container_definitions() {
    let text = std::fs::read_to_string(root().join("tests/terraform/plan/plan.json")).unwrap();
    let settings = Settings::default();
    let mut options = LintOptions::new(&settings);
    options.path = Some("plan.json");
    let result = lint(&text, &options);
    assert_eq!(result.kind.as_str(), "terraform");
    let find = |rule: &str| {
        result
            .diagnostics
            .iter()
            .find(|d| d.rule == rule)
            .unwrap_or_else(|| panic!("{rule}: {:#?}", result.diagnostics))
    };
    let host = find("port-mapping-awsvpc-host-host-port");
    assert_eq!(at(&text, host), "80");
    assert_eq!(
        host.pointer,
        "aws_ecs_task_definition.web.container_definitions[0].portMappings[0].hostPort"
    );
    // Inside the string, after the escaped `\"hi\"` and `\\u003cb\\u003e` of the
    // environment value (the provider's JSON sorts `environment` first).
    let inside = text.find("container_definitions\":\"").unwrap();
    assert!(host.range.start > inside && text[inside..host.range.start].contains("\\\\u003c"));
    let interval = find("health-check-interval-range");
    assert_eq!(at(&text, interval), "2");
    let lb = find("load-balancer-container-port-in-task-definition");
    assert_eq!(
        lb.pointer,
        "aws_ecs_service.web.load_balancer[0].container_port"
    );
    assert!(result.diagnostics.iter().all(|d| d.fix.is_none()));
}

// ---- Terraform as the oracle -----------------------------------------------------------------

/// A working directory where `terraform validate` runs offline with the provider mirror, or
/// why not.
fn terraform_dir() -> Result<tempfile::TempDir, String> {
    let mirror = Path::new("/opt/tf-plugins");
    if Command::new("terraform").arg("version").output().is_err() {
        return Err("terraform is not on PATH".into());
    }
    if !mirror
        .join("registry.terraform.io/hashicorp/aws/5.100.0")
        .is_dir()
    {
        return Err("the hashicorp/aws 5.100.0 mirror is not in /opt/tf-plugins".into());
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::write(
        dir.path().join("cli.tfrc"),
        format!(
            "provider_installation {{\n  filesystem_mirror {{\n    path = \"{}\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }}\n  direct {{ exclude = [\"registry.terraform.io/hashicorp/aws\"] }}\n}}\n",
            mirror.display()
        ),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(
        dir.path().join("versions.tf"),
        "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\", version = \"5.100.0\" }\n  }\n}\n",
    )
    .map_err(|e| e.to_string())?;
    let init = terraform(dir.path(), &["init", "-input=false", "-no-color"]);
    if !init.0 {
        return Err(format!("terraform init failed: {}", init.1));
    }
    Ok(dir)
}

fn terraform(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("terraform")
        .args(args)
        .current_dir(dir)
        .env("TF_CLI_CONFIG_FILE", dir.join("cli.tfrc"))
        .env("TF_IN_AUTOMATION", "1")
        .output()
        .expect("terraform runs");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// Every `.tf` fixture of the Terraform rules: `terraform validate` accepts the valid ones and
/// refuses the invalid ones ecslint reports as errors, and ecslint reports an error exactly
/// when Terraform refuses the file.
#[test]
fn terraform_validate_agrees_with_the_fixtures() {
    let dir = match terraform_dir() {
        Ok(d) => d,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let mut fixtures: Vec<PathBuf> = Vec::new();
    for folder in [
        "tests/specs/syntax/invalid-hcl",
        "tests/specs/terraform/terraform-argument-invalid",
    ] {
        for e in std::fs::read_dir(root().join(folder)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|e| e == "tf") {
                fixtures.push(p);
            }
        }
    }
    fixtures.sort();
    // The rules of what Terraform checks itself (the API's own checks are not its business).
    let settings = Settings::from_config(&Config {
        select: Some(
            [
                "invalid-hcl",
                "terraform-argument-invalid",
                "unknown-field",
                "invalid-type",
                "read-only-field",
            ]
            .map(String::from)
            .to_vec(),
        ),
        ..Config::default()
    })
    .unwrap();
    let mut disagreements = Vec::new();
    for path in &fixtures {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(dir.path().join("main.tf"), &text).unwrap();
        let (ok, output) = terraform(dir.path(), &["validate", "-no-color"]);
        let result = lint_tf("main.tf", &text, &[], &settings);
        // An error, or the warning for a value provider v5.100.0 refuses and a newer one may
        // take (`MANAGED_INSTANCES`).
        let refused_by_terraform_rules = result
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error || d.rule == "terraform-argument-invalid");
        if ok == refused_by_terraform_rules {
            disagreements.push(format!(
                "{}: terraform validate {}, ecslint {}\n{output}",
                path.display(),
                if ok { "accepts it" } else { "refuses it" },
                if refused_by_terraform_rules {
                    "reports a Terraform error"
                } else {
                    "reports no Terraform error"
                }
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// The plan fixture is what Terraform makes of its configuration today.
#[test]
fn the_plan_fixture_matches_a_fresh_plan() {
    let dir = match terraform_dir() {
        Ok(d) => d,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    std::fs::remove_file(dir.path().join("versions.tf")).unwrap();
    let config = std::fs::read_to_string(root().join("tests/terraform/plan/main.tf")).unwrap();
    std::fs::write(dir.path().join("main.tf"), &config).unwrap();
    let plan = |args: &[&str]| {
        let out = Command::new("terraform")
            .args(args)
            .current_dir(dir.path())
            .env("TF_CLI_CONFIG_FILE", dir.path().join("cli.tfrc"))
            .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
            .env(
                "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            )
            .output()
            .expect("terraform runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    plan(&["init", "-input=false", "-no-color"]);
    plan(&[
        "plan",
        "-refresh=false",
        "-input=false",
        "-no-color",
        "-out",
        "p",
    ]);
    let fresh = plan(&["show", "-json", "p"]);
    let kept = std::fs::read_to_string(root().join("tests/terraform/plan/plan.json")).unwrap();
    let settings = Settings::default();
    let findings = |text: &str| {
        let mut options = LintOptions::new(&settings);
        options.path = Some("plan.json");
        let mut v: Vec<(String, String, String)> = lint(text, &options)
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.rule.to_owned(),
                    d.pointer.clone(),
                    text[d.range.start..d.range.end].to_owned(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(findings(&fresh), findings(&kept));
}
