//! How each file of a run is deployed: `--deployer`, the configuration (`[[deploy]]`,
//! `deployer`), or the evidence in its repository, read once per repository.
//!
//! The repository is the nearest folder above the file that holds `.git` (else the current
//! directory). This module only finds and reads the evidence files (GitHub workflows, ecspresso
//! configurations, CodeDeploy appspecs, Terraform files); what they say is read by the core
//! (`ecslint_core::deploy::repository`), which the npm package and the editor share.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ecslint_core::deploy::repository::{is_evidence_file, Repository};
use ecslint_core::{Deployer, Deployment};
use ignore::WalkBuilder;

use crate::config::Loaded;
use crate::files::{self, ECS_HIDDEN_DIRS};

/// What the repositories of a run say, read lazily, once per repository.
pub struct Evidence {
    cwd: PathBuf,
    repositories: HashMap<PathBuf, Read>,
}

/// A repository's evidence and the texts of its evidence files (paths relative to the root).
struct Read {
    repository: Repository,
    files: Vec<(String, String)>,
}

impl Evidence {
    pub fn new(cwd: &Path) -> Self {
        Evidence {
            cwd: cwd.to_path_buf(),
            repositories: HashMap::new(),
        }
    }

    /// The deployments of the file at `abs`: `flag` (`--deployer`), then the configuration,
    /// then the repository's evidence; empty when nothing says (the core's default). The
    /// evidence's paths are shown relative to the current directory.
    pub fn deployments(
        &mut self,
        abs: &Path,
        flag: Option<Deployer>,
        config: &Loaded,
    ) -> Vec<Deployment> {
        if let Some(deployer) = flag.or_else(|| config.deployer_for(abs)) {
            return vec![Deployment::new(deployer)];
        }
        let root = self.root_of(abs);
        let read = self.read(&root);
        let Ok(rel) = abs.strip_prefix(&root) else {
            return Vec::new();
        };
        let mut deployments = read.repository.deployments(&slashes(rel));
        for d in &mut deployments {
            let shown = |p: &mut String| *p = files::shown(&root.join(&*p), &self.cwd);
            if let Some(e) = &mut d.evidence {
                shown(&mut e.path);
            }
            for r in &mut d.rendered {
                shown(&mut r.evidence.path);
            }
            if let Some(run) = &mut d.ecspresso_run {
                shown(&mut run.evidence.path);
            }
            if let Some(a) = &mut d.appspec {
                for e in a
                    .container_name
                    .iter_mut()
                    .map(|(_, e)| e)
                    .chain(a.container_port.iter_mut().map(|(_, e)| e))
                {
                    shown(&mut e.path);
                }
            }
        }
        deployments
    }

    /// The evidence files of the repository of `abs`, as shown (path, text): related places
    /// of findings point into them.
    pub fn texts(&self, abs: &Path) -> Vec<(String, &str)> {
        let root = self.root_of(abs);
        self.repositories
            .get(&root)
            .map(|r| {
                r.files
                    .iter()
                    .map(|(p, t)| (files::shown(&root.join(p), &self.cwd), t.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn root_of(&self, abs: &Path) -> PathBuf {
        let mut dir = abs.parent();
        while let Some(d) = dir {
            if d.join(".git").exists() {
                return d.to_path_buf();
            }
            dir = d.parent();
        }
        self.cwd.clone()
    }

    fn read(&mut self, root: &Path) -> &Read {
        self.repositories
            .entry(root.to_path_buf())
            .or_insert_with(|| {
                let files = evidence_files(root);
                let repository =
                    Repository::read(files.iter().map(|(p, t)| (p.as_str(), t.as_str())));
                Read { repository, files }
            })
    }
}

/// Reads the repository's evidence files (`.gitignore` respected; hidden folders but the
/// ones ECS files are kept in, and `.github`, skipped).
fn evidence_files(root: &Path) -> Vec<(String, String)> {
    let walker = WalkBuilder::new(root)
        .standard_filters(true)
        .hidden(false)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !name.starts_with('.')
                || (e.file_type().is_some_and(|t| t.is_dir())
                    && ECS_HIDDEN_DIRS.contains(&name.as_ref()))
        })
        .build();
    let mut out = Vec::new();
    for entry in walker.flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel = slashes(rel);
        if !is_evidence_file(&rel) {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            out.push((rel, text));
        }
    }
    out
}

fn slashes(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
