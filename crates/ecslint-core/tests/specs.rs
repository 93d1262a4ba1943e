//! Per-rule fixtures: `tests/specs/<area>/<rule-id>/{valid,invalid}*.json`.
//!
//! Each fixture is linted with only its folder's rule selected. `valid*` files must produce no
//! diagnostic, `invalid*` files at least one; the snapshot beside each file holds what the user
//! sees: the diagnostics with line and column, their help and fixes, and the text after safe
//! fixes. Review changes with `cargo insta review` (or `INSTA_UPDATE=always`, then read the diff).
//!
//! Cross-checks need two documents: a service fixture `invalid-foo.json` with a sibling
//! `invalid-foo.taskdef.json` is linted with that file as its paired task definition (as
//! `ecslint check --task-definition invalid-foo.taskdef.json invalid-foo.json`); related
//! locations in it are shown with its name. `*.taskdef.json` files are not fixtures of their
//! own.
//!
//! `*.yaml` fixtures of the YAML reader's own rules (`invalid-yaml`, `unknown-yaml-tag`,
//! `duplicate-key`) are read with the reader alone (`read::yaml::parse`, a CloudFormation
//! template's settings) and show the problems it reports; other `*.yaml` fixtures (a
//! CloudFormation template, a task definition in YAML) are linted as `lint` reads a file of
//! that name.
//!
//! `*.tf` fixtures are read as Terraform files (the options name the file), and show the
//! findings in Terraform's terms.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ecslint_core::deploy::detect::{Appspec, EcspressoRun, RenderStep};
use ecslint_core::fix::fix_all;
use ecslint_core::report::Locator;
use ecslint_core::{
    lint_bytes, registry, Applicability, Config, Deployer, Deployment, Evidence, LintOptions,
    PairedTaskDefinition, Settings,
};

fn specs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs")
}

fn fixtures() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for area in std::fs::read_dir(specs_root()).unwrap() {
        let area = area.unwrap().path();
        for rule in std::fs::read_dir(&area).unwrap() {
            let rule = rule.unwrap().path();
            let id = rule.file_name().unwrap().to_string_lossy().into_owned();
            for file in std::fs::read_dir(&rule).unwrap() {
                let file = file.unwrap().path();
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                if file
                    .extension()
                    .is_some_and(|e| e == "json" || e == "yaml" || e == "tf")
                    && !name.ends_with(".taskdef.json")
                    && !name.ends_with(".deployer.json")
                {
                    out.push((id.clone(), file));
                }
            }
        }
    }
    out.sort();
    out
}

/// A YAML fixture: the reader's problems for rule `id`.
fn render_yaml(id: &str, path: &Path) -> (String, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let out = ecslint_core::read::yaml::parse(&text);
    let locator = Locator::new(&text);
    let mut rendered = String::new();
    writeln!(rendered, "# Input").unwrap();
    writeln!(rendered, "{}", text.trim_end()).unwrap();
    writeln!(rendered, "\n# Problems (read::yaml)").unwrap();
    let problems: Vec<_> = out.problems.iter().filter(|p| p.rule == id).collect();
    for p in &problems {
        let span = locator.span(p.range);
        let pointer = out
            .root
            .as_ref()
            .map(|r| r.pointer_to(p.range))
            .unwrap_or_default();
        writeln!(
            rendered,
            "{}:{}-{}:{} {} at {pointer:?}: {}",
            span.start.line, span.start.column, span.end.line, span.end.column, p.rule, p.message
        )
        .unwrap();
        if let Some(help) = &p.help {
            writeln!(rendered, "  help: {help}").unwrap();
        }
        if let Some((range, message)) = &p.related {
            let s = locator.span(*range);
            writeln!(
                rendered,
                "  related {}:{}: {message}",
                s.start.line, s.start.column
            )
            .unwrap();
        }
    }
    (rendered, problems.len())
}

/// A fixture's deployment, from a sibling `<name>.deployer.json`: `{"deployer": "…",
/// "rendered": [{"containers": […], "fields": […], "path": "…", "line": n}],
/// "keep_empty_keys": […], "appspec": {"path", "container_name", "container_port", "line"},
/// "ecspresso_run": {"path", "line", "env": […], "env_open": false}}` (every member but
/// `deployer` optional).
fn deployments(path: &Path) -> Vec<Deployment> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let v: serde_json::Value = serde_json::from_str(&text).expect("a deployer fixture");
    let evidence = |v: &serde_json::Value| Evidence {
        path: v["path"].as_str().unwrap_or("deploy.yml").to_owned(),
        line: v["line"].as_u64().unwrap_or(1) as u32,
        range: None,
    };
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    let deployer = Deployer::parse(v["deployer"].as_str().unwrap()).expect("a deployer id");
    let mut d = Deployment::new(deployer);
    for r in v["rendered"].as_array().into_iter().flatten() {
        let fields = strings(&r["fields"])
            .into_iter()
            .map(|f| &*Box::leak(f.into_boxed_str()))
            .collect();
        d.rendered.push(RenderStep {
            containers: strings(&r["containers"]),
            fields,
            evidence: evidence(r),
        });
    }
    d.keep_empty_keys = strings(&v["keep_empty_keys"]);
    if let Some(a) = v.get("appspec") {
        d.appspec = Some(Appspec {
            path: a["path"].as_str().unwrap_or("appspec.yaml").to_owned(),
            container_name: a["container_name"]
                .as_str()
                .map(|n| (n.to_owned(), evidence(a))),
            container_port: a["container_port"].as_i64().map(|p| (p, evidence(a))),
        });
    }
    if let Some(r) = v.get("ecspresso_run") {
        d.ecspresso_run = Some(EcspressoRun {
            evidence: evidence(r),
            env: strings(&r["env"]),
            env_open: r["env_open"].as_bool().unwrap_or(false),
            config: None,
        });
    }
    vec![d]
}

/// The rules the YAML reader reports by itself.
const READER_RULES: &[&str] = &["invalid-yaml", "unknown-yaml-tag", "duplicate-key"];

fn render(id: &str, path: &Path) -> (String, usize) {
    let yaml = path.extension().is_some_and(|e| e == "yaml");
    if yaml && READER_RULES.contains(&id) {
        return render_yaml(id, path);
    }
    let bytes = std::fs::read(path).unwrap();
    let config = Config {
        select: Some(vec![id.to_owned()]),
        ..Config::default()
    };
    let settings = Settings::from_config(&config).unwrap();
    let mut options = LintOptions::new(&settings);
    let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    options.path = Some(&file_name);
    let sibling = path.with_extension("taskdef.json");
    let td_name = sibling.file_name().unwrap().to_string_lossy().into_owned();
    let td_text = std::fs::read_to_string(&sibling).ok();
    if let Some(td_text) = &td_text {
        options.pairing.task_definition = Some(PairedTaskDefinition {
            path: &td_name,
            text: td_text,
        });
    }
    let deployments = deployments(&path.with_extension("deployer.json"));
    options.deployments = &deployments;
    let result = lint_bytes(&bytes, &options);
    let text = String::from_utf8_lossy(&bytes);
    let locator = Locator::new(&text);
    let td_locator = td_text.as_deref().map(Locator::new);
    let mut out = String::new();
    writeln!(out, "# Input").unwrap();
    writeln!(out, "{}", text.trim_end()).unwrap();
    if let Some(td_text) = &td_text {
        writeln!(out, "\n# Task definition ({td_name})").unwrap();
        writeln!(out, "{}", td_text.trim_end()).unwrap();
    }
    if !deployments.is_empty() {
        let names: Vec<&str> = deployments.iter().map(|d| d.deployer.id()).collect();
        writeln!(out, "\n# Deployed by {}", names.join(", ")).unwrap();
    }
    writeln!(out, "\n# Diagnostics ({})", result.kind.as_str()).unwrap();
    for d in &result.diagnostics {
        let span = locator.span(d.range);
        writeln!(
            out,
            "{}:{}-{}:{} {} {} at {:?}: {}",
            span.start.line,
            span.start.column,
            span.end.line,
            span.end.column,
            d.severity,
            d.rule,
            d.pointer,
            d.message
        )
        .unwrap();
        if let Some(help) = &d.help {
            writeln!(out, "  help: {help}").unwrap();
        }
        for r in &d.related {
            match (&r.document, &td_locator) {
                (Some(doc), Some(there)) => {
                    let s = there.span(r.range);
                    writeln!(
                        out,
                        "  related {doc}:{}:{} {:?}: {}",
                        s.start.line,
                        s.start.column,
                        r.pointer.as_deref().unwrap_or(""),
                        r.message
                    )
                    .unwrap();
                }
                _ => {
                    let s = locator.span(r.range);
                    writeln!(
                        out,
                        "  related {}:{}: {}",
                        s.start.line, s.start.column, r.message
                    )
                    .unwrap();
                }
            }
        }
        if let Some(fix) = &d.fix {
            let applicability = match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            };
            writeln!(out, "  fix ({applicability}): {}", fix.message).unwrap();
        }
    }
    if let Ok(text) = std::str::from_utf8(&bytes) {
        if let Some(fixed) = fix_all(text, &options, Applicability::Safe) {
            writeln!(
                out,
                "\n# After safe fixes ({} applied, {} left)",
                fixed.applied.len(),
                fixed.result.diagnostics.len()
            )
            .unwrap();
            writeln!(out, "{}", fixed.text.trim_end()).unwrap();
        }
    }
    (out, result.diagnostics.len())
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let mut failures = Vec::new();
    for (id, path) in fixtures() {
        assert!(
            registry::find(&id).is_some(),
            "{} is in a folder named after no rule",
            path.display()
        );
        let (rendered, count) = render(&id, &path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("valid") && count != 0 {
            failures.push(format!(
                "{}: expected no diagnostic, got:\n{rendered}",
                path.display()
            ));
        }
        if name.starts_with("invalid") && count == 0 {
            failures.push(format!(
                "{}: expected a diagnostic, got none",
                path.display()
            ));
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(path.parent().unwrap());
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(&path);
        settings.bind(|| insta::assert_snapshot!(name, rendered));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_rule_has_a_valid_and_an_invalid_fixture() {
    let fixtures = fixtures();
    let mut missing = Vec::new();
    for meta in registry::rules() {
        for prefix in ["valid", "invalid"] {
            let found = fixtures.iter().any(|(id, p)| {
                id == meta.id && p.file_name().unwrap().to_string_lossy().starts_with(prefix)
            });
            if !found {
                missing.push(format!("{} has no {prefix}* fixture", meta.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
