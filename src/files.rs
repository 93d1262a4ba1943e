//! Which files a run lints: the paths given, directories walked, standard input.
//!
//! Directories are walked with the `ignore` crate (ripgrep's walker): `.gitignore` and
//! `.ignore` are respected, hidden files and folders are skipped except the folders that
//! hold ECS files by convention ([`ECS_HIDDEN_DIRS`]: `.aws/`, where the ECS deploy GitHub
//! action's README keeps `task-definition.json`, `.ecspresso/`, `.copilot/`, …), entries are
//! sorted by name so that output is stable, and each file is kept only if its
//! configuration's `[files]` globs include it (default: `*.json`; `*.yaml`, `*.yml` and
//! `*.template`, which are linted when they are CloudFormation templates with ECS resources;
//! and `*.json.tpl` / `*.tpl`, the inputs of Terraform's `templatefile()`, which are skipped
//! when they are JSON only once rendered). Files named on the command line are linted
//! whatever their name.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;

use crate::config::{normalize, Discovery};

/// How a file came to be linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line: always reported, whatever it is.
    Explicit,
    /// Found by walking a directory: reported only if it is an ECS document.
    Walked,
    /// Standard input (`-`).
    Stdin,
}

/// A file to lint.
#[derive(Debug, Clone)]
pub struct Target {
    /// The path as shown in the output.
    pub display: String,
    /// The path to read (unused for stdin).
    pub path: PathBuf,
    /// Absolute and normalised: finds the configuration.
    pub abs: PathBuf,
    pub origin: Origin,
}

impl Target {
    /// The directory the file's configuration is looked up from.
    pub fn dir(&self) -> PathBuf {
        self.abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.abs.clone())
    }
}

/// Expands the command line's paths into files, in order. Missing paths and walk errors
/// are reported on stderr and set `failed`.
pub fn collect(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    cwd: &Path,
    discovery: &Arc<Mutex<Discovery>>,
    failed: &mut bool,
) -> Vec<Target> {
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_filename.unwrap_or(Path::new("<stdin>"));
            targets.push(Target {
                display: display(name),
                path: path.clone(),
                abs: normalize(&cwd.join(stdin_filename.unwrap_or(Path::new("-")))),
                origin: Origin::Stdin,
            });
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => {
                report_error(&format!("{}: {e}", path.display()));
                *failed = true;
            }
            Ok(meta) if meta.is_dir() => {
                walk(path, cwd, discovery, &mut seen, &mut targets, failed)
            }
            Ok(_) => {
                let abs = normalize(&cwd.join(path));
                if seen.insert(abs.clone()) {
                    targets.push(Target {
                        display: display(path),
                        path: path.clone(),
                        abs,
                        origin: Origin::Explicit,
                    });
                }
            }
        }
    }
    targets
}

/// Hidden folders a walk enters: where ECS files are kept by convention. Every other hidden
/// folder (`.git/`, `.terraform/`, `.venv/`, editor caches) is skipped.
pub const ECS_HIDDEN_DIRS: &[&str] = &[
    ".aws",
    ".ecs",
    ".ecspresso",
    ".copilot",
    ".github",
    ".circleci",
    ".buildkite",
    ".gitlab",
    ".deploy",
    ".infra",
];

/// `*.json.tpl` and `*.tpl`: Terraform `templatefile()` inputs.
pub fn is_template_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tpl")
}

fn walk(
    root: &Path,
    cwd: &Path,
    discovery: &Arc<Mutex<Discovery>>,
    seen: &mut HashSet<PathBuf>,
    targets: &mut Vec<Target>,
    failed: &mut bool,
) {
    let filter_discovery = Arc::clone(discovery);
    let filter_cwd = cwd.to_path_buf();
    let walker = WalkBuilder::new(root)
        .standard_filters(true)
        .hidden(false)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if entry.depth() > 0 {
                let name = entry.file_name().to_string_lossy();
                if name.starts_with('.') {
                    let dir = entry.file_type().is_some_and(|t| t.is_dir());
                    if !dir || !ECS_HIDDEN_DIRS.contains(&name.as_ref()) {
                        return false;
                    }
                }
            }
            // Prune directories the configuration excludes; a broken configuration is
            // reported when its files are reached.
            if entry.depth() == 0 || !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let abs = normalize(&filter_cwd.join(entry.path()));
            let Some(parent) = abs.parent() else {
                return true;
            };
            let resolved = filter_discovery
                .lock()
                .expect("discovery lock")
                .for_dir(parent);
            !resolved.is_ok_and(|config| config.excludes_dir(&abs))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                report_error(&e.to_string());
                *failed = true;
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let abs = normalize(&cwd.join(entry.path()));
        let Some(parent) = abs.parent() else { continue };
        let included = match discovery.lock().expect("discovery lock").for_dir(parent) {
            Ok(config) => config.includes_file(&abs),
            // Kept so that the broken configuration is reported.
            Err(_) => entry.path().extension().is_some_and(|e| e == "json"),
        };
        if included && seen.insert(abs.clone()) {
            targets.push(Target {
                display: display(entry.path()),
                path: entry.path().to_path_buf(),
                abs,
                origin: Origin::Walked,
            });
        }
    }
}

/// The path as shown: as given, without a leading `./`.
fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut text: &str = &text;
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_owned()
}

/// Prints an error about a path or a configuration on stderr.
pub fn report_error(message: &str) {
    let _ = writeln!(std::io::stderr(), "error: {message}");
}

/// The task definition an ecspresso configuration pairs with the service at `service`
/// (absolute): the first `ecspresso.yml` (`.yaml`, `.json`, `.jsonnet`) in the service's
/// directory or above whose `service_definition` is that file.
pub fn ecspresso_task_definition(service: &Path) -> Option<PathBuf> {
    let mut dir = service.parent();
    while let Some(d) = dir {
        for name in ecslint_core::pair::ECSPRESSO_CONFIG_FILES {
            let candidate = d.join(name);
            let Ok(text) = std::fs::read_to_string(&candidate) else {
                continue;
            };
            let config = ecslint_core::pair::EcspressoConfig::parse(&text);
            let (Some(svc), Some(td)) = (config.service_definition, config.task_definition) else {
                continue;
            };
            if normalize(&d.join(svc)) == service {
                return Some(normalize(&d.join(td)));
            }
        }
        dir = d.parent();
    }
    None
}

/// `path` as shown: relative to `cwd` when inside it.
pub fn shown(path: &Path, cwd: &Path) -> String {
    display(path.strip_prefix(cwd).unwrap_or(path))
}
