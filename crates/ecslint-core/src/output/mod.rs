//! The report's machine-readable formats: JSON, SARIF 2.1.0, GitHub Actions annotations and
//! JUnit XML, as pure functions of a [`Report`] (plus the rule registry, for SARIF's rule
//! list). No I/O: the CLI prints the text, the wasm API returns it, so every host writes
//! the same bytes.
//!
//! The people-facing `pretty` format is not here: each host renders it (the CLI with
//! miette's snippets, the npm package's bin in JS).
//!
//! ```
//! use ecslint_core::output::{self, Format};
//! use ecslint_core::report::{FileReport, Report};
//! use ecslint_core::{lint, LintOptions, Settings};
//! let text = r#"{"family": "web", "cpu": 256, "containerDefinitions": []}"#;
//! let settings = Settings::default();
//! let result = lint(text, &LintOptions::new(&settings));
//! let report = Report::new(vec![FileReport::new("t.json", text, &result, None)]);
//! let github = output::format(&report, Format::Github, "0.1.0");
//! assert!(github.contains("::error file=t.json,line=1,col=26,"));
//! ```

pub mod github;
pub mod junit;
pub mod sarif;

use crate::report::Report;

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
    match format {
        Format::Json => json(report),
        Format::Sarif => sarif::sarif(report, tool_version),
        Format::Github => github::github(report),
        Format::Junit => junit::junit(report),
    }
}

/// `--format json`: the report on one line.
pub fn json(report: &Report) -> String {
    let mut out = report.to_json();
    out.push('\n');
    out
}
