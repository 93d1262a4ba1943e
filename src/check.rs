//! `ecslint check`: find the files, lint each with its configuration, fix if asked, report.
//!
//! Problems with the run itself (a missing path, an unreadable file, a bad configuration)
//! are printed on stderr as they happen and the other files are still linted; they make
//! the exit code 2 whatever was found. Otherwise the exit code is 1 when an error remains
//! (or a warning, with `--deny-warnings`), else 0.
//!
//! `--fix` applies fixes and reports what is left in the fixed text. A fixed file is
//! replaced atomically (a temporary file in the same directory, renamed over it, with the
//! original's permissions); a file that cannot be parsed is never touched. Standard input
//! is not a file to write: the fixed document goes to stdout and the report to stderr.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Context;
use ecslint_core::fix::fix_all;
use ecslint_core::report::{FileReport, Report};
use ecslint_core::{lint_bytes, Applicability, DocumentKind, LintOptions};

use crate::args::CheckArgs;
use crate::config::{Discovery, Failure, Overrides};
use crate::files::{self, report_error, Origin, Target};
use crate::output::{self, Linted};
use crate::Status;

/// Width of pretty output when stdout is not a terminal (and of snapshots).
const DEFAULT_WIDTH: usize = 100;

pub fn run(args: CheckArgs) -> anyhow::Result<Status> {
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    if let Err(e) = overrides.validate() {
        report_error(&format!("--select/--ignore: {}", e.message));
        return Ok(Status::Failure);
    }
    let stderr_color = io::stderr().is_terminal() && !no_color();
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let discovery = Discovery::new(overrides, args.config.as_deref(), &cwd);
    if let Some(Err(failure)) = discovery.explicit() {
        eprint!("{}", failure.render(stderr_color));
        return Ok(Status::Failure);
    }
    let discovery = Arc::new(Mutex::new(discovery));
    let mut failed = false;
    let targets = files::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        &cwd,
        &discovery,
        &mut failed,
    );

    let applicability = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut reported_failures = HashSet::new();
    let mut linted = Vec::new();
    let mut fixed_stdin: Option<Vec<u8>> = None;
    for target in targets {
        let resolved = discovery
            .lock()
            .expect("discovery lock")
            .for_dir(&target.dir());
        let config = match resolved {
            Ok(config) => config,
            Err(failure) => {
                report_failure(&failure, &mut reported_failures, stderr_color);
                failed = true;
                continue;
            }
        };
        let bytes = match read(&target) {
            Ok(bytes) => bytes,
            Err(e) => {
                report_error(&format!("{}: {e}", target.display));
                failed = true;
                continue;
            }
        };
        let options = LintOptions {
            kind: args.kind.map(|k| k.kind()),
            settings: &config.settings,
            report_unknown_kind: target.origin != Origin::Walked,
        };
        let mut result = lint_bytes(&bytes, &options);
        if target.origin == Origin::Walked && result.kind == DocumentKind::Unknown {
            continue;
        }
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if args.fix {
            let outcome = std::str::from_utf8(&bytes)
                .ok()
                .filter(|_| result.parsed)
                .and_then(|t| fix_all(t, &options, applicability));
            if target.origin == Origin::Stdin {
                let fixed = outcome
                    .as_ref()
                    .map_or_else(|| bytes.clone(), |o| o.text.clone().into_bytes());
                fixed_stdin.get_or_insert_with(Vec::new).extend(fixed);
            }
            if let Some(outcome) = outcome {
                if target.origin != Origin::Stdin {
                    if let Err(e) = write_atomically(&target.path, outcome.text.as_bytes()) {
                        report_error(&format!(
                            "{}: cannot write the fixed file: {e:#}",
                            target.display
                        ));
                        failed = true;
                        linted.push(Linted {
                            path: target.display,
                            text,
                            result,
                        });
                        continue;
                    }
                }
                if !args.quiet {
                    report_fixes(&target.display, &outcome.applied);
                }
                text = outcome.text;
                result = outcome.result;
            }
        }
        linted.push(Linted {
            path: target.display,
            text,
            result,
        });
    }

    let report = Report::new(
        linted
            .iter()
            .map(|l| FileReport::new(&l.path, &l.text, &l.result, None))
            .collect(),
    );
    let to_stderr = fixed_stdin.is_some();
    let terminal = if to_stderr {
        io::stderr().is_terminal()
    } else {
        io::stdout().is_terminal()
    };
    let options = output::Options {
        color: terminal && !no_color(),
        width: if terminal {
            terminal_width()
        } else {
            DEFAULT_WIDTH
        },
        // "No problems found" would be misleading when some files could not be linted.
        quiet: args.quiet || failed,
        fix_hint: !args.fix,
    };
    if to_stderr {
        let mut err = io::stderr().lock();
        output::write(args.format, &mut err, &linted, &report, &options)?;
        err.flush()?;
    }
    let mut out = io::stdout().lock();
    match &fixed_stdin {
        Some(fixed) => out.write_all(fixed)?,
        None => output::write(args.format, &mut out, &linted, &report, &options)?,
    }
    out.flush()?;

    let summary = &report.summary;
    Ok(if failed {
        Status::Failure
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        Status::Findings
    } else {
        Status::Success
    })
}

fn read(target: &Target) -> io::Result<Vec<u8>> {
    if target.origin == Origin::Stdin {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(&target.path)
    }
}

/// Prints a broken configuration once, however many files it governs.
fn report_failure(failure: &Failure, reported: &mut HashSet<PathBuf>, color: bool) {
    if reported.insert(failure.path.clone()) {
        eprint!("{}", failure.render(color));
    }
}

/// "Fixed 2 problems in taskdef.json: remove the trailing comma, quote the value".
fn report_fixes(path: &str, applied: &[(&'static str, String)]) {
    let what: Vec<&str> = applied
        .iter()
        .map(|(_, message)| message.as_str())
        .collect();
    let _ = writeln!(
        io::stderr(),
        "Fixed {} in {path}: {}",
        output::pretty::plural(applied.len(), "problem"),
        what.join(", ")
    );
}

/// Replaces `path` (following symlinks) with `contents` in one rename.
fn write_atomically(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().context("the file has no directory")?;
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".ecslint-fix-")
        .tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    // Best effort: a file system without permissions still gets the fix.
    let _ = std::fs::set_permissions(temp.path(), permissions);
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// NO_COLOR set to anything but the empty string turns colour off (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The terminal's width from `COLUMNS`, else the default.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(DEFAULT_WIDTH)
}
