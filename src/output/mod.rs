//! Output formats of `ecslint check`. The machine-readable ones (json, sarif, github,
//! junit) are pure functions of the core's [`Report`] in [`ecslint_core::output`], shared
//! with the wasm build and the npm package; `pretty` also reads the linted files (text and
//! core diagnostics, for snippets) and renders with miette, which only the CLI has.

pub mod pretty;
mod redact;

use std::io::{self, Write};

use ecslint_core::output::{self as formats, Format as CoreFormat};
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
    let format = match format {
        Format::Pretty => return pretty::write(out, files, report, options),
        Format::Json => CoreFormat::Json,
        Format::Sarif => CoreFormat::Sarif,
        Format::Github => CoreFormat::Github,
        Format::Junit => CoreFormat::Junit,
    };
    out.write_all(formats::format(report, format, env!("CARGO_PKG_VERSION")).as_bytes())
}
