//! `--format json`: the core's [`Report`] on one line, the documented contract.

use std::io::{self, Write};

use ecslint_core::report::Report;

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", report.to_json())
}
