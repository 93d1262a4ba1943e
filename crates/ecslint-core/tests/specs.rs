//! Per-rule fixtures: `tests/specs/<area>/<rule-id>/{valid,invalid}*.json`.
//!
//! Each fixture is linted with only its folder's rule selected. `valid*` files must produce no
//! diagnostic, `invalid*` files at least one; the snapshot beside each file holds what the user
//! sees: the diagnostics with line and column, their help and fixes, and the text after safe
//! fixes. Review changes with `cargo insta review` (or `INSTA_UPDATE=always`, then read the diff).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ecslint_core::fix::fix_all;
use ecslint_core::report::Locator;
use ecslint_core::{lint_bytes, registry, Applicability, Config, LintOptions, Settings};

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
                if file.extension().is_some_and(|e| e == "json") {
                    out.push((id.clone(), file));
                }
            }
        }
    }
    out.sort();
    out
}

fn render(id: &str, path: &Path) -> (String, usize) {
    let bytes = std::fs::read(path).unwrap();
    let config = Config {
        select: Some(vec![id.to_owned()]),
        ..Config::default()
    };
    let settings = Settings::from_config(&config).unwrap();
    let options = LintOptions::new(&settings);
    let result = lint_bytes(&bytes, &options);
    let text = String::from_utf8_lossy(&bytes);
    let locator = Locator::new(&text);
    let mut out = String::new();
    writeln!(out, "# Input").unwrap();
    writeln!(out, "{}", text.trim_end()).unwrap();
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
            let s = locator.span(r.range);
            writeln!(
                out,
                "  related {}:{}: {}",
                s.start.line, s.start.column, r.message
            )
            .unwrap();
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
                missing.push(format!("{} has no {prefix}*.json fixture", meta.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
