//! `ecslint`: the command-line front end of `ecslint-core`.
//!
//! This file only dispatches to the commands and turns their outcome into the exit code:
//! 0 no errors, 1 findings (errors, or warnings with `--deny-warnings`), 2 usage or I/O
//! failure. A closed stdout (`ecslint check | head`) is not a failure: a broken pipe exits
//! with 0, as ripgrep does.

mod args;
mod check;
mod commands;
mod config;
mod deployers;
mod files;
mod output;
mod server;
mod terraform;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to complain about.
    Success,
    /// Problems found in the linted files.
    Findings,
    /// Bad usage, a bad configuration or an I/O failure (already reported on stderr).
    Failure,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Success => ExitCode::SUCCESS,
            Status::Findings => ExitCode::from(1),
            Status::Failure => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(args) => commands::rules::run(&args),
        Command::Explain(args) => commands::explain::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Server(_) => server::run(),
    };
    match outcome {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether `err` is, at its root, a write to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
