//! Output formats of `ecslint check`. Every format reads the same two things: the linted
//! files (text and core diagnostics, for byte ranges and snippets) and the core's
//! [`Report`] (lines and columns, the JSON contract), built once per run.

pub mod github;
pub mod json;
pub mod junit;
pub mod pretty;
mod redact;
pub mod sarif;

use std::io::{self, Write};

use ecslint_core::report::Report;
use ecslint_core::LintResult;

use crate::args::Format;

/// One linted file, as reported.
#[derive(Debug)]
pub struct Linted {
    /// The path shown in the output.
    pub path: String,
    /// The text the diagnostics refer to (after `--fix`, the fixed text).
    pub text: String,
    pub result: LintResult,
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

/// Writes the run's report in `format`.
pub fn write(
    format: Format,
    out: &mut dyn Write,
    files: &[Linted],
    report: &Report,
    options: &Options,
) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::write(out, files, report, options),
        Format::Json => json::write(out, report),
        Format::Sarif => sarif::write(out, files, report),
        Format::Github => github::write(out, report),
        Format::Junit => junit::write(out, report),
    }
}
