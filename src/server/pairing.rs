//! The task definition of an open service document, found as `ecslint check` finds it
//! (`ecslint_core::pair`'s order): `[[pair]]` in `ecslint.toml`, an ecspresso configuration,
//! then a task definition of the family the service names. The CLI looks for that family
//! among the files of its run; an editor's "run" is the open documents and the files of the
//! service's own directory (one in the same directory first; several equally near are
//! ambiguous and pair none, with a note). An open document is read as it is in the editor,
//! unsaved edits included.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecslint_core::pair::{summarize, Summary};
use lsp_types::Uri;

use super::documents::file_uri;
use crate::config::Loaded;
use crate::files;

/// Files of a directory read when looking for a task definition, at most.
const MAX_DIR_FILES: usize = 256;
/// Larger files are not read for pairing.
const MAX_FILE_BYTES: u64 = 4 << 20;

/// A document pairing may pick.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    /// The name reports give it (its path relative to the workspace root).
    pub shown: String,
    pub text: Arc<String>,
}

/// What was found for a service.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub task_definition: Option<Candidate>,
    pub note: Option<String>,
    pub ecspresso: bool,
}

/// Finds the task definition of `service` (summarised as `summary`) among the open
/// documents `open` and the files beside it.
pub fn find(
    service: &Candidate,
    summary: &Summary,
    config: Option<&Loaded>,
    open: &[Candidate],
    root: &Path,
) -> Found {
    let mut found = Found::default();
    let ecspresso = service
        .path
        .as_deref()
        .and_then(files::ecspresso_task_definition);
    found.ecspresso = ecspresso.is_some();
    let named = service
        .path
        .as_deref()
        .and_then(|p| config.and_then(|c| c.paired_task_definition(p)))
        .map(Path::to_path_buf)
        .or(ecspresso);
    if let Some(abs) = named {
        if let Some(c) = open.iter().find(|c| c.path.as_deref() == Some(&abs)) {
            found.task_definition = Some(c.clone());
        } else {
            match read(&abs, root) {
                Ok(c) => found.task_definition = Some(c),
                Err(e) => {
                    found.note = Some(format!("{} cannot be read: {e}", files::shown(&abs, root)))
                }
            }
        }
        return found;
    }
    let Some(family) = summary.task_definition_family.as_deref() else {
        return found;
    };
    let is_family = |text: &str| {
        summarize(text, None)
            .is_some_and(|s| s.kind.is_task_definition() && s.family.as_deref() == Some(family))
    };
    let mut candidates: Vec<Candidate> = open
        .iter()
        .filter(|c| c.uri != service.uri && is_family(&c.text))
        .cloned()
        .collect();
    let dir = service.path.as_deref().and_then(Path::parent);
    if let Some(dir) = dir {
        for path in directory_files(dir) {
            if Some(path.as_path()) == service.path.as_deref()
                || open.iter().any(|c| c.path.as_deref() == Some(&path))
            {
                continue;
            }
            if let Ok(c) = read(&path, root) {
                if is_family(&c.text) {
                    candidates.push(c);
                }
            }
        }
    }
    let near: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.path.as_deref().and_then(Path::parent) == dir && dir.is_some())
        .collect();
    let pick = match (near.as_slice(), candidates.as_slice()) {
        ([one], _) => Some((*one).clone()),
        ([], [one]) => Some(one.clone()),
        _ => None,
    };
    match pick {
        Some(c) => found.task_definition = Some(c),
        None if candidates.len() > 1 => {
            let shown: Vec<&str> = candidates
                .iter()
                .take(3)
                .map(|c| c.shown.as_str())
                .collect();
            found.note = Some(format!(
                "{} task definitions of family `{family}` are open or beside the service: {}{}",
                candidates.len(),
                shown.join(", "),
                if candidates.len() > 3 { ", …" } else { "" }
            ));
        }
        None => {}
    }
    found
}

/// Whether a document is a task definition or a service: what pairing reads.
pub fn summary(text: &str) -> Option<Summary> {
    summarize(text, None)
}

fn read(path: &Path, root: &Path) -> std::io::Result<Candidate> {
    let meta = std::fs::metadata(path)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other("the file is too large to pair"));
    }
    let bytes = std::fs::read(path)?;
    Ok(Candidate {
        uri: file_uri(path).ok_or_else(|| std::io::Error::other("no URI for this path"))?,
        path: Some(path.to_path_buf()),
        shown: files::shown(path, root),
        text: Arc::new(String::from_utf8_lossy(&bytes).into_owned()),
    })
}

/// The regular files of `dir`, sorted, at most [`MAX_DIR_FILES`].
fn directory_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.file_name() != Some(std::ffi::OsStr::new(crate::config::CONFIG_FILE)))
        .take(MAX_DIR_FILES)
        .collect();
    out.sort();
    out
}
