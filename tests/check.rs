//! `ecslint check`: exit codes, which files are linted, stdin, configuration discovery and
//! `--select`/`--ignore`. Output formats are in `formats.rs`, `--fix` in `fix.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn ecslint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs ecslint")
}

fn ecslint_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs ecslint");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The JSON report's `(path, rule)` pairs.
fn findings(output: &Output) -> Vec<(String, String)> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let mut out = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out
}

fn paths(output: &Output) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

/// A temporary directory holding `files` (path, contents), with an `ecslint.toml` only if
/// one is listed (discovery stops at the temporary directory's parents otherwise).
fn temp_tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

#[test]
fn a_valid_file_exits_with_0() {
    let out = ecslint(&fixtures(), &["check", "valid-fargate.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "No problems found in 1 file\n");
}

#[test]
fn errors_exit_with_1() {
    let out = ecslint(&fixtures(), &["check", "problems.json"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = temp_tree(&[(
        "taskdef.json",
        &fixture("valid-fargate.json").replacen(
            "\"family\": \"web\",",
            "\"family\": \"web\",\n  \"family\": \"web\",",
            1,
        ),
    )]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "taskdef.json"]);
    assert_eq!(
        findings(&out),
        [("taskdef.json".to_owned(), "duplicate-key".to_owned())]
    );
    assert_eq!(out.status.code(), Some(0));
    let out = ecslint(dir.path(), &["check", "--deny-warnings", "taskdef.json"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn quiet_drops_the_no_problems_line() {
    let out = ecslint(&fixtures(), &["check", "--quiet", "valid-fargate.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_missing_file_is_reported_and_the_rest_linted() {
    let out = ecslint(
        &fixtures(),
        &["check", "--format", "json", "missing.json", "problems.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.json"), "{}", stderr(&out));
    assert_eq!(paths(&out), ["problems.json"]);
}

#[test]
fn usage_errors_exit_with_2() {
    let out = ecslint(&fixtures(), &["check", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ecslint(
        &fixtures(),
        &["check", "--select", "no-such-rule", "problems.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-rule"), "{}", stderr(&out));
}

#[test]
fn every_problem_of_every_file_is_reported_in_order() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "problems.json",
            "describe-output.json",
        ],
    );
    let rules: Vec<String> = findings(&out)
        .into_iter()
        .map(|(p, r)| format!("{p}: {r}"))
        .collect();
    assert_eq!(
        rules,
        [
            "problems.json: invalid-type",
            "problems.json: invalid-type",
            "problems.json: unknown-field",
            "problems.json: duplicate-key",
            "problems.json: invalid-json",
            "describe-output.json: read-only-field",
            "describe-output.json: read-only-field",
            "describe-output.json: read-only-field",
        ]
    );
}

#[test]
fn walking_skips_other_json_hidden_and_non_json_files() {
    let out = ecslint(&fixtures(), &["check", "--format", "json", "walk"]);
    assert_eq!(out.status.code(), Some(1));
    // package.json and broken-random.json are not ECS documents; .hidden and notes.txt are
    // not walked; the unparseable task definition is reported.
    assert_eq!(
        paths(&out),
        [
            "walk/broken-taskdef.json",
            "walk/sub/service.json",
            "walk/taskdef.json"
        ]
    );
}

#[test]
fn a_file_named_explicitly_is_linted_whatever_it_is() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "walk/package.json",
            "walk/notes.txt",
        ],
    );
    assert_eq!(
        findings(&out),
        [
            (
                "walk/package.json".to_owned(),
                "unknown-document-kind".to_owned()
            ),
            ("walk/package.json".to_owned(), "invalid-json".to_owned()),
            ("walk/notes.txt".to_owned(), "invalid-type".to_owned()),
        ]
    );
}

#[test]
fn the_current_directory_is_the_default() {
    let dir = temp_tree(&[
        ("a/taskdef.json", &fixture("problems.json")),
        ("b.json", &fixture("valid-fargate.json")),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(paths(&out), ["a/taskdef.json", "b.json"]);
}

#[test]
fn gitignore_is_respected() {
    let dir = temp_tree(&[
        (".gitignore", "generated/\n"),
        ("generated/taskdef.json", &fixture("problems.json")),
        ("taskdef.json", &fixture("valid-fargate.json")),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(paths(&out), ["taskdef.json"]);
}

#[test]
fn stdin_is_named_by_stdin_filename() {
    let out = ecslint_stdin(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "deploy/taskdef.json",
            "-",
        ],
        &fixture("problems.json"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(paths(&out), ["deploy/taskdef.json"]);
    let out = ecslint_stdin(&fixtures(), &["check", "-"], &fixture("valid-fargate.json"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn stdin_finds_its_configuration_from_stdin_filename() {
    let dir = temp_tree(&[("svc/ecslint.toml", "ignore = [\"invalid-type\"]\n")]);
    let input = fixture("container-definitions.json");
    let out = ecslint_stdin(
        dir.path(),
        &["check", "--stdin-filename", "svc/containers.json", "-"],
        &input,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = ecslint_stdin(
        dir.path(),
        &["check", "--stdin-filename", "containers.json", "-"],
        &input,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn kind_overrides_detection() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "--kind",
            "service",
            "valid-fargate.json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["kind"], "service");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn kinds_are_detected() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "valid-fargate.json",
            "describe-output.json",
            "container-definitions.json",
            "ecspresso-service.json",
            "container-definition.json",
            "update-service.json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "task-definition",
            "describe-task-definition",
            "container-definitions",
            "service",
            "container-definition",
            "update-service"
        ]
    );
    // Issue 13, items 18 and 19: a lone container definition gets the container rules; an
    // UpdateService input gets the service rules that apply to an update, not CreateService's
    // required members.
    let found = findings(&out);
    let of = |path: &str| -> Vec<String> {
        found
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, r)| r.clone())
            .collect()
    };
    let container = of("container-definition.json");
    for rule in ["invalid-type", "invalid-enum-value", "unknown-field"] {
        assert!(container.iter().any(|r| r == rule), "{container:?}");
    }
    let update = of("update-service.json");
    assert!(update.iter().any(|r| r == "awsvpc-id-format"), "{update:?}");
    assert!(update.iter().any(|r| r == "unknown-field"), "{update:?}"); // launchType
    for rule in [
        "missing-required-field",
        "service-name-required",
        "desired-count-required-replica",
    ] {
        assert!(!update.iter().any(|r| r == rule), "{update:?}");
    }
}

#[test]
fn select_and_ignore() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "invalid-type,duplicate-key",
            "problems.json",
        ],
    );
    let rules: Vec<String> = findings(&out).into_iter().map(|(_, r)| r).collect();
    assert_eq!(rules, ["invalid-type", "invalid-type", "duplicate-key"]);
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "invalid-type",
            "--ignore",
            "syntax",
            "problems.json",
        ],
    );
    let rules: Vec<String> = findings(&out).into_iter().map(|(_, r)| r).collect();
    assert_eq!(rules, ["unknown-field"]);
}

#[test]
fn the_nearest_config_turns_rules_off_and_changes_levels() {
    let dir = temp_tree(&[
        ("ecslint.toml", "[rules]\ninvalid-type = \"off\"\n"),
        ("taskdef.json", &fixture("problems.json")),
        (
            "team/ecslint.toml",
            "[rules]\nunknown-field = \"warning\"\ninvalid-json = \"info\"\n",
        ),
        ("team/taskdef.json", &fixture("problems.json")),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = |i: usize| -> Vec<String> {
        report["files"][i]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d["rule"].as_str().unwrap(),
                    d["severity"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(report["files"][0]["path"], "taskdef.json");
    assert_eq!(
        summary(0),
        [
            "unknown-field error",
            "duplicate-key warning",
            "invalid-json error"
        ]
    );
    assert_eq!(report["files"][1]["path"], "team/taskdef.json");
    // The nearest configuration wins; it does not inherit from the parent one.
    assert_eq!(
        summary(1),
        [
            "invalid-type error",
            "invalid-type error",
            "unknown-field warning",
            "duplicate-key warning",
            "invalid-json info"
        ]
    );
    assert_eq!(out.status.code(), Some(1));
    // `--select` replaces the config's select, the config's levels still apply, and a
    // level in `[rules]` does not bring back a rule left out of `--select`.
    let out = ecslint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            "unknown-field",
            "team/taskdef.json",
        ],
    );
    assert_eq!(
        findings(&out),
        [("team/taskdef.json".to_owned(), "unknown-field".to_owned())]
    );
    assert_eq!(out.status.code(), Some(0));
    // `--ignore` wins over a level in `[rules]` too.
    let out = ecslint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "unknown-field,syntax",
            "team/taskdef.json",
        ],
    );
    let rules: Vec<String> = findings(&out).into_iter().map(|(_, r)| r).collect();
    assert_eq!(rules, ["invalid-type", "invalid-type"]);
}

#[test]
fn config_flag_applies_one_file_to_everything() {
    let dir = temp_tree(&[
        ("team/ecslint.toml", "select = [\"ALL\"]\n"),
        ("team/taskdef.json", &fixture("problems.json")),
        ("lenient.toml", "select = [\"read-only-field\"]\n"),
    ]);
    let out = ecslint(dir.path(), &["check", "--config", "lenient.toml", "team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn files_include_and_exclude_are_relative_to_the_config() {
    let dir = temp_tree(&[
        ("ecslint.toml", "[files]\ninclude = [\"**/*.json\", \"**/*.ecs\"]\nexclude = [\"cdk.out/**\", \"*.tmp.json\"]\n"),
        ("cdk.out/taskdef.json", &fixture("problems.json")),
        ("deploy/cdk.out/taskdef.json", &fixture("problems.json")),
        ("deploy/task.ecs", &fixture("problems.json")),
        ("deploy/x.tmp.json", &fixture("problems.json")),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        paths(&out),
        ["deploy/cdk.out/taskdef.json", "deploy/task.ecs"]
    );
}

#[test]
fn a_bad_config_is_shown_in_its_toml_and_exits_with_2() {
    let dir = temp_tree(&[
        (
            "ecslint.toml",
            "select = [\"ALL\"]\n\n[rules]\nunknown-feild = \"off\"\n",
        ),
        ("taskdef.json", &fixture("problems.json")),
    ]);
    let out = ecslint(dir.path(), &["check", "taskdef.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("`unknown-feild` in `[rules]` is not a rule or category"),
        "{err}"
    );
    assert!(err.contains("`unknown-field`?"), "{err}");
    assert!(err.contains("[ecslint.toml:4:1]"), "{err}");
    assert!(err.contains("unknown-feild = \"off\""), "{err}");

    let dir = temp_tree(&[
        ("ecslint.toml", "selct = []\n"),
        ("taskdef.json", &fixture("valid-fargate.json")),
    ]);
    let out = ecslint(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("selct"), "{}", stderr(&out));

    let dir = temp_tree(&[
        ("ecslint.toml", "select = [\n"),
        ("taskdef.json", &fixture("valid-fargate.json")),
    ]);
    let out = ecslint(
        dir.path(),
        &["check", "--config", "ecslint.toml", "taskdef.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid configuration"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_pipe_is_not_a_failure() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args([
            "check",
            "--format",
            "json",
            "problems.json",
            "describe-output.json",
            "walk",
        ])
        .current_dir(fixtures())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(matches!(status.code(), Some(0) | Some(1)), "{status:?}");
}

/// `(path, rule, related paths)` of every diagnostic of a JSON report.
fn findings_with_related(output: &Output) -> Vec<(String, String, Vec<String>)> {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let mut out = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            let related = d["related"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|r| r["path"].as_str().map(str::to_owned))
                .collect();
            out.push((
                file["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                related,
            ));
        }
    }
    out
}

#[test]
fn task_definition_flag_pairs_the_service_and_lints_both() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "--task-definition",
            "pair/explicit/taskdef.json",
            "pair/explicit/service.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        paths(&out),
        ["pair/explicit/service.json", "pair/explicit/taskdef.json"]
    );
    assert_eq!(
        findings_with_related(&out),
        [(
            "pair/explicit/service.json".to_owned(),
            "load-balancer-container-name-in-task-definition".to_owned(),
            vec!["pair/explicit/taskdef.json".to_owned()]
        )]
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let related = &report["files"][0]["diagnostics"][0]["related"][0];
    assert_eq!(related["pointer"], "/containerDefinitions");
    assert_eq!(related["range"]["start"]["line"], 7);
}

#[test]
fn a_missing_task_definition_flag_file_exits_with_2() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--task-definition",
            "nope.json",
            "pair/explicit/service.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--task-definition nope.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn services_pair_through_config_ecspresso_and_family() {
    let out = ecslint(&fixtures(), &["check", "--format", "json", "pair"]);
    let found = findings_with_related(&out);
    let has = |path: &str, rule: &str, related: &str| {
        found
            .iter()
            .any(|(p, r, rel)| p == path && r == rule && rel.iter().any(|x| x == related))
    };
    // [[pair]] in pair/config/ecslint.toml
    assert!(has(
        "pair/config/service.json",
        "network-configuration-only-for-awsvpc",
        "pair/config/td/web.json"
    ));
    // pair/ecspresso/ecspresso.yml names both files
    assert!(has(
        "pair/ecspresso/ecs-service-def.json",
        "service-connect-port-name-in-task-definition",
        "pair/ecspresso/ecs-task-def.json"
    ));
    // the family named by an ARN, in the same run: paired, and clean
    assert!(
        !found
            .iter()
            .any(|(p, _, _)| p == "pair/family/service.json"),
        "{found:?}"
    );
    assert!(!found
        .iter()
        .any(|(_, r, _)| r == "service-task-definition-not-found"));
}

#[test]
fn an_ecspresso_service_definition_gets_infos_for_read_only_fields() {
    let out = ecslint(
        &fixtures(),
        &[
            "check",
            "--format",
            "json",
            "pair/ecspresso/ecs-service-def.json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let read_only = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "read-only-field")
        .expect("platformFamily is reported");
    // ecspresso (named by pair/ecspresso/ecspresso.yml) reads the service through the
    // DescribeServices shape and sends only CreateService's members.
    assert_eq!(read_only["severity"], "info");
    assert!(read_only["message"].as_str().unwrap().contains("ecspresso"));
}

#[test]
fn a_service_without_its_task_definition_says_so_once() {
    let dir = temp_tree(&[
        (
            "service.json",
            r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 1}"#,
        ),
        (
            "a/taskdef.json",
            r#"{"family": "other", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128}]}"#,
        ),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let service: Vec<_> = findings(&out)
        .into_iter()
        .filter(|(p, _)| p == "service.json")
        .collect();
    assert_eq!(
        service,
        [(
            "service.json".to_owned(),
            "service-task-definition-not-found".to_owned()
        )]
    );
    // Two task definitions of the family in the service's project (one ecslint.toml), neither
    // beside the service: ambiguous, said in the note.
    let dir = temp_tree(&[
        ("ecslint.toml", ""),
        (
            "svc/service.json",
            r#"{"serviceName": "web", "taskDefinition": "web:1", "desiredCount": 1}"#,
        ),
        (
            "a/taskdef.json",
            r#"{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128}]}"#,
        ),
        (
            "b/taskdef.json",
            r#"{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 128}]}"#,
        ),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let text = stdout(&out);
    assert!(
        text.contains("2 task definitions of family `web` in this run"),
        "{text}"
    );
}

/// Issue 13, item 4: two unrelated projects that copied a tutorial's family name. A guess by
/// family stays inside the service's project, so the service is not checked against the other
/// project's task definition (which would give a false container-name error).
#[test]
fn a_family_guess_stays_inside_the_project() {
    let service = r#"{"serviceName": "web", "taskDefinition": "ecs-demo", "desiredCount": 1,
        "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80}]}"#;
    let other = r#"{"family": "ecs-demo", "containerDefinitions": [{"name": "api", "image": "nginx", "memory": 128, "portMappings": [{"containerPort": 8080}]}]}"#;
    let dir = temp_tree(&[("one/service.json", service), ("two/taskdef.json", other)]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let found = findings(&out);
    assert!(
        !found
            .iter()
            .any(|(_, r)| r == "load-balancer-container-name-in-task-definition"),
        "{found:?}"
    );
    let text = stdout(&out);
    assert!(
        text.contains(
            "two/taskdef.json has family `ecs-demo` but is outside this service's project"
        ),
        "{text}"
    );
    // One project (an ecslint.toml above both): paired, and the real mistake is found.
    let dir = temp_tree(&[
        ("ecslint.toml", ""),
        ("one/service.json", service),
        ("two/taskdef.json", other),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "."]);
    assert!(findings(&out)
        .iter()
        .any(|(_, r)| r == "load-balancer-container-name-in-task-definition"));
}

/// Issue 13, item 4: after `paired-task-definition-family-mismatch`, no cross-check runs
/// against that pairing.
#[test]
fn no_cross_checks_against_a_task_definition_of_another_family() {
    let dir = temp_tree(&[
        (
            "service.json",
            r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 1,
            "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80}]}"#,
        ),
        (
            "other.json",
            r#"{"family": "worker", "containerDefinitions": [{"name": "worker", "image": "nginx", "memory": 128}]}"#,
        ),
    ]);
    let out = ecslint(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--task-definition",
            "other.json",
            "service.json",
        ],
    );
    let service: Vec<String> = findings(&out)
        .into_iter()
        .filter(|(p, _)| p == "service.json")
        .map(|(_, r)| r)
        .collect();
    assert_eq!(service, ["paired-task-definition-family-mismatch"]);
}

/// Issue 13, item 20: `.aws/task-definition.json` (where the ECS deploy GitHub action's README
/// keeps it) is linted by a directory walk, `.git/` and other hidden folders are not, and a
/// directory run finds exactly what naming each file finds.
#[test]
fn a_directory_run_finds_what_naming_each_file_finds() {
    let bad_td = r#"{"family": "web", "cpu": 256, "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": "512"}]}"#;
    let dir = temp_tree(&[
        (".aws/task-definition.json", bad_td),
        (".ecspresso/ecs-task-def.json", bad_td),
        ("deploy/taskdef.json", bad_td),
        (".git/hooks/taskdef.json", bad_td),
        (".terraform/modules/x/taskdef.json", bad_td),
        (".hidden.json", bad_td),
    ]);
    let walked = ecslint(dir.path(), &["check", "--format", "json", "."]);
    let walked_paths = paths(&walked);
    assert_eq!(
        walked_paths,
        [
            ".aws/task-definition.json",
            ".ecspresso/ecs-task-def.json",
            "deploy/taskdef.json"
        ]
    );
    let mut args = vec!["check", "--format", "json"];
    args.extend(walked_paths.iter().map(String::as_str));
    let named = ecslint(dir.path(), &args);
    assert_eq!(findings(&walked), findings(&named));
    assert_eq!(walked.status.code(), named.status.code());
}

/// Issue 13, item 21: Terraform `templatefile()` inputs (`*.json.tpl`, `*.tpl`) are linted when
/// they parse; one that is JSON only once rendered is skipped, and the report says why.
#[test]
fn templates_are_linted_when_they_parse_and_skipped_with_a_reason_otherwise() {
    let dir = temp_tree(&[
        (
            "containers.json.tpl",
            r#"[{"name": "web", "image": "${image}", "memory": "512"}]"#,
        ),
        (
            "rendered-only.tpl",
            r#"[{"name": "web", "image": "${image}", "memory": ${memory}}]"#,
        ),
        ("package.json", r#"{"name": "x", "version": "1.0.0"}"#),
    ]);
    let out = ecslint(dir.path(), &["check", "--format", "json", "--verbose", "."]);
    assert_eq!(paths(&out), ["containers.json.tpl"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(&str, &str)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped
        .iter()
        .any(|(p, r)| *p == "rendered-only.tpl" && r.contains("template")));
    assert!(skipped
        .iter()
        .any(|(p, r)| *p == "package.json" && r.contains("not an ECS")));
    let err = stderr(&out);
    assert!(
        err.contains("skipped rendered-only.tpl: a template"),
        "{err}"
    );
}

const TEMPLATE: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: 256
      Memory: 4096
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
";

/// Issue 15: a walk lints CloudFormation templates with ECS resources (YAML, JSON,
/// `.template`) and skips, saying why, YAML that is no template and templates without ECS
/// resources.
#[test]
fn issue_15_a_walk_lints_cloudformation_templates() {
    let tree = temp_tree(&[
        ("stack.yaml", TEMPLATE),
        ("old.template", TEMPLATE),
        ("cdk.out/App.template.json", &serde_json::to_string(&serde_json::json!({
            "Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
                "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "awsvpc", "Cpu": "256", "Memory": "4096",
                "ContainerDefinitions": [{"Name": "web", "Image": "nginx:1.27"}]}}}
        })).unwrap()),
        ("bucket.yml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"),
        (".github/workflows/ci.yml", "on: push\njobs: {}\n"),
    ]);
    let out = ecslint(tree.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let mut found = findings(&out);
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            (
                "cdk.out/App.template.json",
                "fargate-cpu-memory-combination"
            ),
            ("old.template", "fargate-cpu-memory-combination"),
            ("stack.yaml", "fargate-cpu-memory-combination"),
        ]
        .map(|(p, r)| (p.to_owned(), r.to_owned()))
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        skipped.contains(&(
            "bucket.yml".to_owned(),
            "a CloudFormation template without ECS resources".to_owned()
        )),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&(
            ".github/workflows/ci.yml".to_owned(),
            "YAML that is not a CloudFormation template".to_owned()
        )),
        "{skipped:?}"
    );
    for file in report["files"].as_array().unwrap() {
        assert_eq!(file["kind"], "cloudformation");
    }
    // Named, a template without ECS resources is linted, and clean.
    let out = ecslint(tree.path(), &["check", "bucket.yml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// Issue 15: a template on standard input, named by `--stdin-filename`.
#[test]
fn issue_15_a_template_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = ecslint_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "-",
            "--stdin-filename",
            "stack.yaml",
        ],
        TEMPLATE,
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "fargate-cpu-memory-combination");
    assert_eq!(d["pointer"], "/Resources/TaskDef/Properties/Memory");
    assert_eq!(d["range"]["start"]["line"], 9);
    assert!(
        d["message"].as_str().unwrap().starts_with("TaskDef: "),
        "{d}"
    );
}
