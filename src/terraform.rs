//! Terraform modules for `ecslint check`: the core reads no file, so the CLI hands each `.tf`
//! file the other `.tf` files of its folder (one module: its variables, locals and task
//! definitions) and the files its `container_definitions` read with `file()` or
//! `templatefile()`; and each such file the `.tf` files of the module that reads it, so that
//! it is checked as that task definition's containers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ecslint_core::forms::terraform::{normalize_path, referenced_files};

use crate::config::normalize;
use crate::files::{Origin, Target};

/// One folder's `.tf` files and the files they read.
#[derive(Default)]
struct Module {
    /// `(path as shown, text)`.
    tf: Vec<(String, String)>,
    read: Vec<(String, String)>,
}

/// The modules of a run.
#[derive(Default)]
pub struct Modules {
    /// By folder, as shown.
    modules: HashMap<String, Module>,
    /// A file `file()`/`templatefile()` reads (normalised, as shown) → its module's folder.
    readers: HashMap<String, String>,
}

fn shown_dir(display: &str) -> String {
    Path::new(display)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `.tf` files of a folder (one Terraform module), in name order.
fn tf_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf") && p.is_file())
        .collect();
    names.sort();
    names
}

fn is_tf(display: &str) -> bool {
    display.ends_with(".tf")
}

impl Modules {
    /// Reads the modules of the `.tf` files among `targets`, and returns the files they read
    /// that the run does not lint yet (to be linted, as walked files).
    pub fn load(targets: &[Target], stdin_dir: &Path, cwd: &Path) -> (Self, Vec<Target>) {
        let mut modules = Modules::default();
        for target in targets.iter().filter(|t| is_tf(&t.display)) {
            let key = shown_dir(&target.display);
            if modules.modules.contains_key(&key) {
                continue;
            }
            let fs_dir = if target.origin == Origin::Stdin {
                stdin_dir.to_path_buf()
            } else {
                target
                    .path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            };
            let mut module = Module::default();
            for path in tf_files_in(if fs_dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                &fs_dir
            }) {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let shown = if key.is_empty() {
                    name.into_owned()
                } else {
                    format!("{key}/{name}")
                };
                if let Ok(text) = std::fs::read_to_string(&path) {
                    module.tf.push((shown, text));
                }
            }
            for (shown, text) in &module.tf {
                for read in referenced_files(Some(shown), text) {
                    if module.read.iter().any(|(p, _)| *p == read) {
                        continue;
                    }
                    let on_disk = cwd.join(&read);
                    if let Ok(text) = std::fs::read_to_string(&on_disk) {
                        modules.readers.insert(read.clone(), key.clone());
                        module.read.push((read, text));
                    }
                }
            }
            modules.modules.insert(key, module);
        }
        let mut extra = Vec::new();
        for module in modules.modules.values() {
            for (read, _) in &module.read {
                let abs = normalize(&cwd.join(read));
                if !targets.iter().any(|t| t.abs == abs)
                    && !extra.iter().any(|t: &Target| t.abs == abs)
                {
                    extra.push(Target {
                        display: read.clone(),
                        path: cwd.join(read),
                        abs,
                        origin: Origin::Walked,
                    });
                }
            }
        }
        extra.sort_by(|a, b| a.display.cmp(&b.display));
        (modules, extra)
    }

    /// The files to hand the core with `target` (`LintOptions::files`): for a `.tf` file, its
    /// module's other `.tf` files and the files they read; for a file a module reads, that
    /// module's `.tf` files.
    pub fn files_for(&self, display: &str) -> Vec<(&str, &str)> {
        if is_tf(display) {
            let Some(module) = self.modules.get(&shown_dir(display)) else {
                return Vec::new();
            };
            return module
                .tf
                .iter()
                .filter(|(p, _)| p != display)
                .chain(&module.read)
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect();
        }
        let Some(key) = self.readers.get(&normalize_path(display)) else {
            return Vec::new();
        };
        self.modules[key]
            .tf
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect()
    }
}

/// For the language server, the files to hand the core with one document (`path` on disk,
/// `shown` relative to `root`), as `ecslint check` does for the same file in a walk of
/// `root`: a `.tf` file gets its module; any other file the module of the nearest folder (its
/// own, then the ones above it, inside `root`) whose `.tf` files read it with `file()` or
/// `templatefile()`. The other files are read from disk.
pub fn files_for_document(path: &Path, shown: &str, root: &Path) -> Vec<(String, String)> {
    let target = |path: &Path, display: String| Target {
        display,
        path: path.to_path_buf(),
        abs: normalize(path),
        origin: Origin::Explicit,
    };
    let shown_of = |p: &Path| {
        p.strip_prefix(root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default()
    };
    let mut targets = Vec::new();
    if is_tf(shown) {
        targets.push(target(path, shown.to_owned()));
    } else {
        // Only the folders whose `.tf` files name the file at all: the server asks this on
        // every lint of every document, and most read no file.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let names_it = |tf: &PathBuf| {
            std::fs::read_to_string(tf).is_ok_and(|text| !name.is_empty() && text.contains(&name))
        };
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(root)) {
            let tfs = tf_files_in(d);
            if let Some(tf) = tfs.first().filter(|_| tfs.iter().any(names_it)) {
                let display = shown_of(tf);
                targets.push(target(tf, display));
            }
            dir = d.parent();
        }
    }
    if targets.is_empty() {
        return Vec::new();
    }
    let (modules, _) = Modules::load(&targets, root, root);
    modules
        .files_for(shown)
        .into_iter()
        .map(|(p, t)| (p.to_owned(), t.to_owned()))
        .collect()
}
