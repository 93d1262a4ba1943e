//! `ecslint.toml` for the server: the CLI's discovery (the nearest file in the document's
//! directory or above, loaded once per directory), thrown away and rebuilt when a
//! configuration file changes. A configuration that cannot be used is shown as a diagnostic
//! in its own file, and the documents it governs are linted with the default settings
//! meanwhile (as the VS Code extension does).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecslint_core::{Config, Settings};

use crate::config::{normalize, Discovery, Failure, Loaded, Overrides, CONFIG_FILE};

/// The configurations of a workspace.
#[derive(Debug)]
pub struct Configs {
    root: PathBuf,
    discovery: Discovery,
}

/// The configuration of one document.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Settings,
    pub loaded: Option<Arc<Loaded>>,
    /// The configuration that cannot be used, and its file (absolute).
    pub failure: Option<(PathBuf, Arc<Failure>)>,
}

impl Configs {
    pub fn new(root: &Path) -> Self {
        Configs {
            root: root.to_path_buf(),
            discovery: Discovery::new(Overrides::default(), None, root),
        }
    }

    /// Forgets every loaded configuration (a file was created, changed or deleted).
    pub fn reload(&mut self) {
        self.discovery = Discovery::new(Overrides::default(), None, &self.root);
    }

    /// The configuration of the document at `path` (the workspace root's for a document that
    /// is not a file).
    pub fn for_document(&mut self, path: Option<&Path>) -> Resolved {
        let dir = path
            .and_then(Path::parent)
            .map(normalize)
            .unwrap_or_else(|| self.root.clone());
        match self.discovery.for_dir(&dir) {
            Ok(loaded) => Resolved {
                settings: loaded.settings.clone(),
                loaded: Some(loaded),
                failure: None,
            },
            Err(failure) => Resolved {
                settings: Settings::default(),
                loaded: None,
                failure: Some((self.root.join(&failure.path), failure)),
            },
        }
    }
}

/// Whether a path is a configuration file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == CONFIG_FILE)
}

/// The problem of an `ecslint.toml` as it is typed (not yet saved), if any.
pub fn check_text(path: &Path, text: &str) -> Option<Failure> {
    let error = match Config::from_toml(text) {
        Ok(config) => Settings::from_config(&config).err()?,
        Err(error) => error,
    };
    Some(Failure {
        path: path.to_path_buf(),
        text: Some(text.to_owned()),
        error,
    })
}
