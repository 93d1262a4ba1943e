//! The report's machine-readable formats: JSON, SARIF 2.1.0, GitHub Actions annotations and
//! JUnit XML, as pure functions of a [`Report`] (plus the rule registry, for SARIF's rule
//! list). No I/O: the CLI prints the text, the wasm API returns it, so every host writes
//! the same bytes.
//!
//! The people-facing `pretty` format is not here: each host renders it (the CLI with
//! miette's snippets, the npm package's bin in JS).
//!
//! **No output carries the value of an environment variable** (`environment[].value` often
//! holds credentials, and these outputs end up in CI logs, pull-request annotations and code
//! scanning). Messages never quote a value; the one place a value could appear is a fix that
//! rewrites it (quoting `"value": 12345` writes `"12345"`, and the help says so). Every
//! format here first applies [`redact_environment_values`]: for a diagnostic at an
//! environment value, the text its fix would write is masked (`***`) wherever the message or
//! help repeats it, and the fix's edits are left out (its applicability and message stay, so
//! the output still says that `--fix` fixes it; `--fix` itself works on the core's
//! diagnostics, not on this output). Hosts that apply fixes from a report in memory (the
//! wasm `lint`, editors) get the unredacted report.
//!
//! ```
//! use ecslint_core::output::{self, Format};
//! use ecslint_core::report::{FileReport, Report};
//! use ecslint_core::{lint, LintOptions, Settings};
//! let text = r#"{"family": "web", "cpu": 256, "containerDefinitions": []}"#;
//! let settings = Settings::default();
//! let result = lint(text, &LintOptions::new(&settings));
//! let report = Report::new(vec![FileReport::new("t.json", text, &result, &[])]);
//! let github = output::format(&report, Format::Github, "0.1.0");
//! assert!(github.contains("::error file=t.json,line=1,col=26,"));
//! ```

pub mod github;
pub mod junit;
pub mod sarif;

use std::borrow::Cow;

use crate::report::{Report, ReportDiagnostic};

/// A format [`format`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The stable JSON report, on one line.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// JUnit XML.
    Junit,
}

impl Format {
    /// Every format, in a stable order.
    pub const ALL: [Format; 4] = [Format::Json, Format::Sarif, Format::Github, Format::Junit];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
        }
    }

    /// The format named `name`.
    pub fn parse(name: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The report in `format`, ending with a newline. `tool_version` is the version SARIF
/// names the tool with (the host's own).
pub fn format(report: &Report, format: Format, tool_version: &str) -> String {
    let report = &*redact_environment_values(report);
    match format {
        Format::Json => json(report),
        Format::Sarif => sarif::sarif(report, tool_version),
        Format::Github => github::github(report),
        Format::Junit => junit::junit(report),
    }
}

/// `--format json`: the report on one line (after [`redact_environment_values`]).
pub fn json(report: &Report) -> String {
    let mut out = redact_environment_values(report).to_json();
    out.push('\n');
    out
}

/// What replaces a masked value.
pub const MASK: &str = "***";

/// Whether a JSON pointer points at the value of an environment variable, or inside it:
/// `…/environment/N/value…` (`environmentFiles` entries are S3 ARNs, not values).
pub fn is_environment_value(pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.split('/').collect();
    segments.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case("environment")
            && !w[1].is_empty()
            && w[1].bytes().all(|b| b.is_ascii_digit())
            && w[2] == "value"
    })
}

/// The report as every output format shows it: for each diagnostic at an environment
/// value ([`is_environment_value`]) with a fix, the values its edits would write are masked
/// in the message, help and fix message, and the edits are dropped. Borrowed when nothing
/// needs it.
pub fn redact_environment_values(report: &Report) -> Cow<'_, Report> {
    let needs = |d: &ReportDiagnostic| {
        is_environment_value(&d.pointer) && d.fix.as_ref().is_some_and(|f| !f.edits.is_empty())
    };
    if !report.files.iter().flat_map(|f| &f.diagnostics).any(needs) {
        return Cow::Borrowed(report);
    }
    let mut report = report.clone();
    for d in report.files.iter_mut().flat_map(|f| &mut f.diagnostics) {
        if needs(d) {
            redact_diagnostic(d);
        }
    }
    Cow::Owned(report)
}

fn redact_diagnostic(d: &mut ReportDiagnostic) {
    let Some(fix) = d.fix.as_mut() else { return };
    let values = environment_fix_values(&d.pointer, fix.edits.iter().map(|e| e.new_text.as_str()));
    fix.edits.clear();
    let masked = |s: &mut String| {
        if let Cow::Owned(m) = mask(s, &values) {
            *s = m;
        }
    };
    masked(&mut d.message);
    if let Some(help) = d.help.as_mut() {
        masked(help);
    }
    masked(&mut fix.message);
    for related in &mut d.related {
        masked(&mut related.message);
    }
}

/// The values to mask for a diagnostic at `pointer` whose fix writes `edits` (their new
/// texts): none unless the pointer is an environment value; the contents of a string
/// literal (so that `"12345"` shows as `"***"`), anything else whole; longest first. For a
/// host that renders core diagnostics itself (the CLI's `pretty`).
pub fn environment_fix_values<'a>(
    pointer: &str,
    edits: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    if !is_environment_value(pointer) {
        return Vec::new();
    }
    let mut values: Vec<String> = Vec::new();
    for text in edits {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str(text) {
            Ok(serde_json::Value::String(inner)) => {
                if !inner.is_empty() {
                    values.push(inner);
                }
            }
            _ => values.push(text.to_owned()),
        }
    }
    // Longest first, so that a value is masked whole before any part of it is.
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    values.dedup();
    values
}

/// `text` with every occurrence of `values` replaced by [`MASK`].
pub fn mask<'t>(text: &'t str, values: &[String]) -> Cow<'t, str> {
    let mut out = Cow::Borrowed(text);
    for v in values {
        if out.contains(v.as_str()) {
            out = Cow::Owned(out.replace(v.as_str(), MASK));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FileReport;
    use crate::{lint, LintOptions, Settings};

    #[test]
    fn environment_value_pointers() {
        assert!(is_environment_value(
            "/containerDefinitions/0/environment/3/value"
        ));
        assert!(is_environment_value(
            "/taskDefinition/containerDefinitions/1/Environment/0/value/k"
        ));
        assert!(is_environment_value("/0/environment/12/value"));
        assert!(!is_environment_value(
            "/containerDefinitions/0/environment/3/name"
        ));
        assert!(!is_environment_value(
            "/containerDefinitions/0/environmentFiles/0/value"
        ));
        assert!(!is_environment_value(
            "/containerDefinitions/0/environment/x/value"
        ));
        assert!(!is_environment_value(""));
    }

    #[test]
    fn a_fix_that_would_write_an_environment_value_is_withheld() {
        let text = r#"[{"name": "a", "image": "b", "memory": 512, "cpu": "256",
            "environment": [{"name": "PORT", "value": 48213}]}]"#;
        let settings = Settings::default();
        let result = lint(text, &LintOptions::new(&settings));
        let report = Report::new(vec![FileReport::new("t.json", text, &result, &[])]);
        let raw = report.to_json();
        assert!(raw.contains("48213"), "the core's report keeps it: {raw}");
        for format in Format::ALL {
            let out = super::format(&report, format, "0.0.0");
            assert!(!out.contains("48213"), "{}: {out}", format.name());
        }
        let redacted = redact_environment_values(&report);
        let env = redacted.files[0]
            .diagnostics
            .iter()
            .find(|d| d.pointer.ends_with("/environment/0/value"))
            .unwrap();
        assert_eq!(env.help.as_deref(), Some("write it as a string: \"***\""));
        let fix = env.fix.as_ref().unwrap();
        assert!(fix.edits.is_empty());
        // Other fixes keep their edits.
        let cpu = redacted.files[0]
            .diagnostics
            .iter()
            .find(|d| d.pointer == "/0/cpu")
            .unwrap();
        assert_eq!(cpu.fix.as_ref().unwrap().edits.len(), 1);
        // Nothing to redact: the report itself.
        let clean = Report::new(vec![]);
        assert!(matches!(
            redact_environment_values(&clean),
            Cow::Borrowed(_)
        ));
    }
}
