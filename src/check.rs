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

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Context;
use ecslint_core::fix::fix_all;
use ecslint_core::pair::Summary;
use ecslint_core::{
    lint_bytes, Applicability, DocumentKind, LintOptions, PairedTaskDefinition, Pairing, SourceFile,
};

use crate::args::CheckArgs;
use crate::config::{normalize, Discovery, Failure, Loaded, Overrides};
use crate::files::{self, report_error, Origin, Target};
use crate::output::{self, Linted};
use crate::terraform::Modules;
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
    let mut targets = files::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        &cwd,
        &discovery,
        &mut failed,
    );
    // Terraform: each `.tf` file's module (its folder), and the files `container_definitions`
    // reads, which are linted too.
    let stdin_dir = args
        .stdin_filename
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| cwd.clone(), |d| cwd.join(d));
    let (modules, read_by_modules) = Modules::load(&targets, &stdin_dir, &cwd);
    targets.extend(read_by_modules);

    // `--task-definition`: checked against every service, and linted too.
    let explicit_td = args
        .task_definition
        .as_ref()
        .map(|p| normalize(&cwd.join(p)));
    if let (Some(path), Some(abs)) = (&args.task_definition, &explicit_td) {
        if !abs.is_file() {
            report_error(&format!(
                "--task-definition {}: no such file",
                path.display()
            ));
            return Ok(Status::Failure);
        }
        if !targets.iter().any(|t| &t.abs == abs) {
            targets.push(Target {
                display: files::shown(path, Path::new("")),
                path: path.clone(),
                abs: abs.clone(),
                origin: Origin::Explicit,
            });
        }
    }

    let applicability = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut reported_failures = HashSet::new();
    // First every file's kind and family: pairing a service needs the task definitions of
    // the whole run. Only standard input is kept; the other files are read again when they
    // are linted, so that memory does not grow with the number of files.
    let kind = args.kind.map(|k| k.kind());
    let mut planned: Vec<Planned> = Vec::new();
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
        let summary = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|t| ecslint_core::pair::summarize(t, kind));
        let kept = (target.origin == Origin::Stdin).then_some(bytes);
        planned.push(Planned {
            target,
            config,
            summary,
            kept,
        });
    }

    // With `--fix` on standard input, the fixed document goes to stdout and the report to
    // stderr, after the run (so that the "Fixed …" lines come first, as they always have).
    let to_stderr = args.fix && planned.iter().any(|p| p.kept.is_some());
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
        quiet: args.quiet,
        fix_hint: !args.fix,
    };
    let mut stdout = io::stdout().lock();
    let mut buffered: Vec<u8> = Vec::new();
    let mut writer = output::Writer::new(
        args.format,
        if to_stderr {
            &mut buffered
        } else {
            &mut stdout
        },
        options,
    );

    let mut evidence = crate::deployers::Evidence::new(&cwd);
    let mut fixed_stdin: Option<Vec<u8>> = None;
    for (index, planned_file) in planned.iter().enumerate() {
        let Planned { target, config, .. } = planned_file;
        let bytes = match contents(planned_file) {
            Ok(bytes) => bytes,
            Err(e) => {
                report_error(&format!("{}: {e}", target.display));
                failed = true;
                continue;
            }
        };
        let is_service = planned_file
            .summary
            .as_ref()
            .is_some_and(|s| s.kind.is_service());
        let found = if is_service {
            find_pair(index, explicit_td.as_deref(), &planned, &cwd)
        } else {
            FoundPair::default()
        };
        let deployments = evidence.deployments(&target.abs, args.deployer, config);
        let module_files: Vec<SourceFile<'_>> = modules
            .files_for(&target.display)
            .into_iter()
            .map(|(path, text)| SourceFile { path, text })
            .collect();
        let mut options = LintOptions {
            kind,
            settings: &config.settings,
            report_unknown_kind: target.origin != Origin::Walked,
            pairing: Pairing::default(),
            path: Some(&target.display),
            deployments: &deployments,
            files: &module_files,
        };
        options.pairing.ecspresso = found.ecspresso;
        options.pairing.note = found.note.as_deref();
        if let Some((shown, text)) = &found.task_definition {
            options.pairing.task_definition = Some(PairedTaskDefinition { path: shown, text });
        }
        // YAML found by walking is linted only when it is a CloudFormation template: a cheap
        // look at the text first, so that the workflows and manifests of a repository are not
        // parsed for nothing.
        if target.origin == Origin::Walked && is_yaml(&target.abs, &bytes) {
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 20)]);
            if !ecslint_core::forms::cloudformation::looks_like_template(&text) {
                writer.skipped(&target.display, NOT_A_TEMPLATE);
                continue;
            }
        }
        let mut result = lint_bytes(&bytes, &options);
        if target.origin == Origin::Walked {
            if let Some(reason) = skip_reason(&target.abs, &bytes, &result) {
                writer.skipped(&target.display, reason);
                continue;
            }
        }
        let mut text = String::from_utf8_lossy(&bytes);
        let texts = evidence.texts(&target.abs);
        let mut others: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), *t)).collect();
        if let Some((p, t)) = &found.task_definition {
            others.push((p.as_str(), t.as_str()));
        }
        others.extend(module_files.iter().map(|f| (f.path, f.text)));
        if args.fix {
            let outcome = std::str::from_utf8(&bytes)
                .ok()
                .filter(|_| result.parsed)
                .and_then(|t| fix_all(t, &options, applicability));
            if target.origin == Origin::Stdin {
                let fixed = outcome
                    .as_ref()
                    .map_or_else(|| bytes.to_vec(), |o| o.text.clone().into_bytes());
                fixed_stdin.get_or_insert_with(Vec::new).extend(fixed);
            }
            if let Some(outcome) = outcome {
                let written = if target.origin == Origin::Stdin {
                    Ok(())
                } else {
                    write_atomically(&target.path, outcome.text.as_bytes())
                };
                match written {
                    Ok(()) => {
                        if !args.quiet {
                            report_fixes(&target.display, &outcome.applied);
                        }
                        text = outcome.text.into();
                        result = outcome.result;
                    }
                    Err(e) => {
                        report_error(&format!(
                            "{}: cannot write the fixed file: {e:#}",
                            target.display
                        ));
                        failed = true;
                    }
                }
            }
        }
        writer.file(
            &Linted {
                path: &target.display,
                text: &text,
                result: &result,
            },
            &others,
        )?;
    }
    if args.verbose {
        for skipped in writer.skipped_files() {
            eprintln!("skipped {}: {}", skipped.path, skipped.reason);
        }
    }
    let summary = writer.finish(failed)?;
    if to_stderr {
        let mut err = io::stderr().lock();
        err.write_all(&buffered)?;
        err.flush()?;
    }
    if let Some(fixed) = &fixed_stdin {
        stdout.write_all(fixed)?;
    }
    stdout.flush()?;

    Ok(if failed {
        Status::Failure
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        Status::Findings
    } else {
        Status::Success
    })
}

/// A file of the run, before it is linted: what pairing needs (kind, family, path) and,
/// for standard input (which cannot be read twice), its bytes.
struct Planned {
    target: Target,
    config: Arc<Loaded>,
    summary: Option<Summary>,
    kept: Option<Vec<u8>>,
}

/// Why a file found by walking a directory is not reported on, if it is not: it is no ECS
/// document, or it is a template (`*.tpl`) that is JSON only once rendered.
/// Why a walked YAML file is skipped.
const NOT_A_TEMPLATE: &str = "YAML that is not a CloudFormation template";

/// A file the YAML reader reads (`.yaml`, `.yml`, or `.template` written in YAML).
fn is_yaml(path: &Path, bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let name = path.to_string_lossy();
    ecslint_core::forms::Reader::for_file(Some(&name), &head) == ecslint_core::forms::Reader::Yaml
}

fn skip_reason(
    path: &Path,
    bytes: &[u8],
    result: &ecslint_core::LintResult,
) -> Option<&'static str> {
    if files::is_template_name(path) && !result.parsed {
        Some("a template that is JSON only once it is rendered (lint the rendered output)")
    } else if is_yaml(path, bytes) && result.kind != DocumentKind::CloudFormation {
        Some(NOT_A_TEMPLATE)
    } else if result.kind == DocumentKind::CloudFormation
        && !ecslint_core::forms::cloudformation::mentions_ecs_resources(&String::from_utf8_lossy(
            bytes,
        ))
    {
        Some("a CloudFormation template without ECS resources")
    } else if result.kind == DocumentKind::Unknown && path.extension().is_some_and(|e| e == "tf") {
        Some("a Terraform file without an aws_ecs_task_definition or aws_ecs_service resource")
    } else if result.kind == DocumentKind::Unknown {
        Some("not an ECS task definition, container definition array or service definition")
    } else {
        None
    }
}

/// A planned file's bytes: kept (standard input) or read again.
fn contents(planned: &Planned) -> io::Result<Cow<'_, [u8]>> {
    match &planned.kept {
        Some(bytes) => Ok(Cow::Borrowed(bytes)),
        None => read(&planned.target).map(Cow::Owned),
    }
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

/// The task definition found for a service, and what the host knows about it.
#[derive(Debug, Default)]
struct FoundPair {
    /// Its path as shown, and its text.
    task_definition: Option<(String, String)>,
    note: Option<String>,
    ecspresso: bool,
}

/// Finds the task definition of the service `targets[index]`, in the order of
/// `ecslint_core::pair`: `--task-definition`, `[[pair]]`, an ecspresso configuration, then a
/// task definition of the named family in the same run (one in the service's directory
/// first; several equally near are ambiguous and pair none).
fn find_pair(index: usize, explicit: Option<&Path>, planned: &[Planned], cwd: &Path) -> FoundPair {
    let Planned { target, config, .. } = &planned[index];
    let mut found = FoundPair::default();
    let ecspresso = if target.origin == Origin::Stdin {
        None
    } else {
        files::ecspresso_task_definition(&target.abs)
    };
    found.ecspresso = ecspresso.is_some();
    let named = explicit
        .map(Path::to_path_buf)
        .or_else(|| {
            config
                .paired_task_definition(&target.abs)
                .map(Path::to_path_buf)
        })
        .or(ecspresso);
    if let Some(abs) = named {
        let in_run = planned.iter().find(|p| p.target.abs == abs);
        let read = match in_run {
            Some(p) => contents(p).map(|bytes| (p.target.display.clone(), bytes.into_owned())),
            None => std::fs::read(&abs).map(|bytes| (files::shown(&abs, cwd), bytes)),
        };
        match read {
            Ok((shown, bytes)) => {
                found.task_definition = Some((shown, String::from_utf8_lossy(&bytes).into_owned()));
            }
            Err(e) => {
                found.note = Some(format!("{} cannot be read: {e}", files::shown(&abs, cwd)));
            }
        }
        return found;
    }
    let Some(family) = planned[index]
        .summary
        .as_ref()
        .and_then(|s| s.task_definition_family.as_deref())
    else {
        return found;
    };
    let of_family: Vec<usize> = planned
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            *i != index
                && p.summary.as_ref().is_some_and(|s| {
                    s.kind.is_task_definition() && s.family.as_deref() == Some(family)
                })
        })
        .map(|(i, _)| i)
        .collect();
    // A guess by family stays inside the service's project: the same ecslint.toml or the same
    // folder. Tutorials' family names (`ecs-demo`) recur across unrelated projects.
    let dir = target.dir();
    let same_project = |p: &Planned| {
        p.target.dir() == dir
            || config
                .project_dir()
                .is_some_and(|d| p.config.project_dir() == Some(d))
    };
    let candidates: Vec<usize> = of_family
        .iter()
        .copied()
        .filter(|i| same_project(&planned[*i]))
        .collect();
    if candidates.is_empty() {
        if let Some(other) = of_family.first() {
            found.note = Some(format!(
                "{} has family `{family}` but is outside this service's project (no shared ecslint.toml or folder), so it was not paired",
                planned[*other].target.display
            ));
        }
        return found;
    }
    let near: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|i| planned[*i].target.dir() == dir)
        .collect();
    let pick = match (near.as_slice(), candidates.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        _ => None,
    };
    match pick {
        Some(i) => {
            let p = &planned[i];
            match contents(p) {
                Ok(bytes) => {
                    found.task_definition = Some((
                        p.target.display.clone(),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    ));
                }
                Err(e) => {
                    found.note = Some(format!("{} cannot be read: {e}", p.target.display));
                }
            }
        }
        None if candidates.len() > 1 => {
            let shown: Vec<&str> = candidates
                .iter()
                .take(3)
                .map(|i| planned[*i].target.display.as_str())
                .collect();
            found.note = Some(format!(
                "{} task definitions of family `{family}` in this run: {}{}",
                candidates.len(),
                shown.join(", "),
                if candidates.len() > 3 { ", …" } else { "" }
            ));
        }
        None => {}
    }
    found
}
