//! Output formats of `ecslint check`. The machine-readable ones (json, sarif, github,
//! junit) are pure functions of the core's [`Report`] in [`ecslint_core::output`], shared
//! with the wasm build and the npm package; `pretty` also reads the linted files (text and
//! core diagnostics, for snippets) and renders with miette, which only the CLI has.

pub mod pretty;
mod redact;
mod snippets;

use std::io::{self, Write};

use ecslint_core::output::{self as formats, Format as CoreFormat};
use ecslint_core::report::{FileReport, Report, Skipped, Summary};
use ecslint_core::{Applicability, LintResult, Severity};

use crate::args::Format;

/// One linted file, as reported.
#[derive(Debug, Clone, Copy)]
pub struct Linted<'a> {
    /// The path shown in the output.
    pub path: &'a str,
    /// The text the diagnostics refer to (after `--fix`, the fixed text).
    pub text: &'a str,
    pub result: &'a LintResult,
}

/// Options that only some formats read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub color: bool,
    pub width: usize,
    pub quiet: bool,
    /// Mention how many problems `--fix` would fix (not after `--fix`).
    pub fix_hint: bool,
}

/// Writes a run's output as its files are linted, so that memory does not grow with the
/// number of files: `pretty` and `github` print each file's findings at once; `json`,
/// `sarif` and `junit` (one document for the run) keep each file's report (its findings
/// with lines and columns, not its text) and print them at the end.
pub struct Writer<'o> {
    format: Format,
    out: &'o mut dyn Write,
    options: Options,
    pretty: Option<pretty::Pretty>,
    /// The reports kept for a format that prints at the end.
    files: Vec<FileReport>,
    /// Files a walk found and did not lint (`--verbose` prints them; `json` reports them).
    skipped: Vec<Skipped>,
    summary: Summary,
    /// For `pretty`'s last lines: files with findings, and safe fixes.
    with_problems: usize,
    fixable: usize,
}

impl<'o> Writer<'o> {
    pub fn new(format: Format, out: &'o mut dyn Write, options: Options) -> Self {
        Writer {
            format,
            out,
            options,
            pretty: (format == Format::Pretty).then(|| pretty::Pretty::new(&options)),
            files: Vec::new(),
            skipped: Vec::new(),
            summary: Summary::default(),
            with_problems: 0,
            fixable: 0,
        }
    }

    /// One linted file; `others` are the documents (path and text) that related locations
    /// may point into: the paired task definition, the files a Terraform module reads.
    pub fn file(&mut self, file: &Linted<'_>, others: &[(&str, &str)]) -> io::Result<()> {
        self.summary.files += 1;
        for d in &file.result.diagnostics {
            match d.severity {
                Severity::Error => self.summary.errors += 1,
                Severity::Warning => self.summary.warnings += 1,
                Severity::Info => self.summary.infos += 1,
            }
        }
        if let Some(pretty) = &self.pretty {
            if !file.result.diagnostics.is_empty() {
                self.with_problems += 1;
            }
            self.fixable += file
                .result
                .diagnostics
                .iter()
                .filter(|d| {
                    d.fix
                        .as_ref()
                        .is_some_and(|f| f.applicability == Applicability::Safe)
                })
                .count();
            return pretty.file(self.out, file, others);
        }
        let report = FileReport::with_others(file.path, file.text, file.result, others);
        match self.format {
            Format::Github => {
                let one = Report::new(vec![report]);
                let text = formats::format(&one, CoreFormat::Github, env!("CARGO_PKG_VERSION"));
                self.out.write_all(text.as_bytes())
            }
            _ => {
                self.files.push(report);
                Ok(())
            }
        }
    }

    /// A file found by walking and not linted, and why.
    pub fn skipped(&mut self, path: &str, reason: &str) {
        self.skipped.push(Skipped {
            path: path.to_owned(),
            reason: reason.to_owned(),
        });
    }

    /// The files skipped so far.
    pub fn skipped_files(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Ends the output (`failed`: some file could not be linted) and returns the run's
    /// counts.
    pub fn finish(self, failed: bool) -> io::Result<Summary> {
        let options = Options {
            quiet: self.options.quiet || failed,
            ..self.options
        };
        let format = match self.format {
            Format::Pretty => {
                pretty::summary(
                    self.out,
                    &self.summary,
                    self.with_problems,
                    self.fixable,
                    &options,
                )?;
                return Ok(self.summary);
            }
            Format::Github => return Ok(self.summary),
            Format::Json => CoreFormat::Json,
            Format::Sarif => CoreFormat::Sarif,
            Format::Junit => CoreFormat::Junit,
        };
        let mut report = Report::new(self.files);
        report.skipped = self.skipped;
        debug_assert_eq!(report.summary, self.summary);
        self.out
            .write_all(formats::format(&report, format, env!("CARGO_PKG_VERSION")).as_bytes())?;
        Ok(report.summary)
    }
}
