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
//! `*.tf` fixtures are read as Terraform files (the options name the file), and show the
//! findings in Terraform's terms.
//!
//! `*.yaml` fixtures are read with the YAML reader (`read::yaml::parse`, a CloudFormation
//! template's settings) and show the problems it reports for the folder's rule: the reader
//! is not yet behind `lint` (issue 15), so only its own rules (`invalid-yaml`,
//! `unknown-yaml-tag`, `duplicate-key`) have YAML fixtures.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ecslint_core::fix::fix_all;
use ecslint_core::report::Locator;
use ecslint_core::{
    lint_bytes, registry, Applicability, Config, LintOptions, PairedTaskDefinition, Settings,
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

fn render(id: &str, path: &Path) -> (String, usize) {
    if path.extension().is_some_and(|e| e == "yaml") {
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
    if path.extension().is_some_and(|e| e == "tf") {
        // Terraform fixtures are read as the `.tf` files they are.
        options.path = Some(&file_name);
    }
    let sibling = path.with_extension("taskdef.json");
    let td_name = sibling.file_name().unwrap().to_string_lossy().into_owned();
    let td_text = std::fs::read_to_string(&sibling).ok();
    if let Some(td_text) = &td_text {
        options.pairing.task_definition = Some(PairedTaskDefinition {
            path: &td_name,
            text: td_text,
        });
    }
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
