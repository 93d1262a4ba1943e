//! Configuration discovery: which `ecslint.toml` governs a file, loaded once per directory.
//!
//! A file is governed by the nearest `ecslint.toml` in its directory or any parent, unless
//! `--config` names one for every file. `--select` replaces the file's `select`, `--ignore`
//! extends its `ignore`, and both win over a level set in `[rules]` (which alone would turn
//! a rule back on). `[files]` globs are relative to the config file's directory and
//! follow `.gitignore` conventions: a pattern without `/` matches a name at any depth, one
//! with `/` is anchored, `*` never crosses `/`. A configuration that cannot be used is
//! reported once, with miette pointing into the TOML, and fails the run (exit code 2).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use ecslint_core::{Config, ConfigError, Deployer, Settings};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use miette::{LabeledSpan, NamedSource};

/// The file name looked for.
pub const CONFIG_FILE: &str = "ecslint.toml";

pub use ecslint_core::Overrides;

/// A usable configuration.
#[derive(Debug)]
pub struct Loaded {
    pub settings: Settings,
    /// The directory `[files]` globs are relative to.
    dir: PathBuf,
    /// `[files] include`; `None`: `*.json`, `*.tpl` and `*.tf`.
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// `exclude` with trailing `/**` removed, to prune whole directories.
    exclude_dirs: GlobSet,
    /// `[[pair]]`: services and their task definitions, absolute and normalised.
    pub pairs: Vec<(PathBuf, PathBuf)>,
    /// `[[deploy]]`: files (globs relative to `dir`) and how they are deployed.
    deploy: Vec<(GlobSet, Deployer)>,
    /// `deployer`: how the other files are deployed.
    deployer: Option<Deployer>,
}

impl Loaded {
    /// How the configuration says the file at `path` (absolute) is deployed: the first
    /// `[[deploy]]` whose `files` match it, else `deployer`.
    pub fn deployer_for(&self, path: &Path) -> Option<Deployer> {
        let rel = self.relative(path);
        self.deploy
            .iter()
            .find(|(globs, _)| globs.is_match(&rel))
            .map(|(_, d)| *d)
            .or(self.deployer)
    }

    /// The folder of the `ecslint.toml` this configuration was read from (`--config`'s file is
    /// shared by every file; `None` without one): files under one configuration are one
    /// project.
    pub fn project_dir(&self) -> Option<&Path> {
        (!self.dir.as_os_str().is_empty()).then_some(self.dir.as_path())
    }

    /// The task definition `[[pair]]` pairs with the service at `service` (absolute).
    pub fn paired_task_definition(&self, service: &Path) -> Option<&Path> {
        self.pairs
            .iter()
            .find(|(s, _)| s == service)
            .map(|(_, t)| t.as_path())
    }

    /// Whether a file found by walking a directory is linted.
    pub fn includes_file(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        let included = match &self.include {
            Some(include) => include.is_match(&rel),
            None => {
                path.extension().is_some_and(|e| {
                    matches!(
                        e.to_str(),
                        Some("json" | "yaml" | "yml" | "template" | "tf")
                    )
                }) || crate::files::is_template_name(path)
            }
        };
        included && !self.exclude.is_match(&rel)
    }

    /// Whether a directory found by walking is skipped with everything in it.
    pub fn excludes_dir(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.exclude_dirs.is_match(&rel) || self.exclude.is_match(&rel)
    }

    fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.dir).unwrap_or(path).to_path_buf()
    }
}

/// A configuration that cannot be used.
#[derive(Debug)]
pub struct Failure {
    pub path: PathBuf,
    /// The TOML text, when it could be read.
    pub text: Option<String>,
    pub error: ConfigError,
}

impl Failure {
    /// The error as miette renders it: the message and, when known, the place in the file.
    pub fn render(&self, color: bool) -> String {
        let Some(text) = &self.text else {
            return format!("error: {}: {}\n", self.path.display(), self.error.message);
        };
        let mut report =
            miette::MietteDiagnostic::new(format!("invalid configuration: {}", self.error.message))
                .with_code("ecslint::config");
        if let Some(range) = self.error.range {
            let start = range.start.min(text.len());
            let end = range.end.clamp(start, text.len());
            report = report.with_label(LabeledSpan::new_primary_with_span(
                None,
                (start, end - start),
            ));
        }
        let source = NamedSource::new(self.path.display().to_string(), text.clone());
        let report = miette::Report::new(report).with_source_code(source);
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out = format!("error: {}: {}\n", self.path.display(), self.error.message);
        }
        out
    }
}

pub type Resolved = Result<Arc<Loaded>, Arc<Failure>>;

/// Finds and caches the configuration of each directory.
#[derive(Debug)]
pub struct Discovery {
    overrides: Overrides,
    /// `--config`: one configuration for every file.
    fixed: Option<Resolved>,
    by_dir: HashMap<PathBuf, Resolved>,
    /// Configuration paths are shown relative to it.
    cwd: PathBuf,
    /// Used when no `ecslint.toml` is found.
    default: Option<Resolved>,
}

impl Discovery {
    pub fn new(overrides: Overrides, explicit: Option<&Path>, cwd: &Path) -> Self {
        let fixed = explicit.map(|path| {
            let path = normalize(&cwd.join(path));
            let dir = path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| cwd.to_path_buf());
            load(&path, &dir, &overrides, cwd)
        });
        Discovery {
            overrides,
            fixed,
            by_dir: HashMap::new(),
            cwd: cwd.to_path_buf(),
            default: None,
        }
    }

    /// The `--config` file's outcome, if one was given.
    pub fn explicit(&self) -> Option<&Resolved> {
        self.fixed.as_ref()
    }

    /// The configuration of files in `dir` (absolute, normalised).
    pub fn for_dir(&mut self, dir: &Path) -> Resolved {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        if let Some(found) = self.by_dir.get(dir) {
            return found.clone();
        }
        let candidate = dir.join(CONFIG_FILE);
        let resolved = if candidate.is_file() {
            load(&candidate, dir, &self.overrides, &self.cwd)
        } else if let Some(parent) = dir.parent() {
            self.for_dir(parent)
        } else {
            self.default_config()
        };
        self.by_dir.insert(dir.to_path_buf(), resolved.clone());
        resolved
    }

    fn default_config(&mut self) -> Resolved {
        let overrides = &self.overrides;
        self.default
            .get_or_insert_with(|| {
                let mut config = Config::default();
                overrides.apply(&mut config);
                from_config(&config, None, PathBuf::new()).map_err(|error| {
                    Arc::new(Failure {
                        path: PathBuf::from("--select/--ignore"),
                        text: None,
                        error,
                    })
                })
            })
            .clone()
    }
}

fn load(path: &Path, dir: &Path, overrides: &Overrides, cwd: &Path) -> Resolved {
    let failure = |text: Option<String>, error: ConfigError| {
        Arc::new(Failure {
            path: path.strip_prefix(cwd).unwrap_or(path).to_path_buf(),
            text,
            error,
        })
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        failure(
            None,
            ConfigError {
                message: format!("cannot read the configuration: {e}"),
                range: None,
            },
        )
    })?;
    let mut config = Config::from_toml(&text).map_err(|e| failure(Some(text.clone()), e))?;
    overrides.apply(&mut config);
    from_config(&config, Some(&text), dir.to_path_buf()).map_err(|e| failure(Some(text), e))
}

fn from_config(
    config: &Config,
    text: Option<&str>,
    dir: PathBuf,
) -> Result<Arc<Loaded>, ConfigError> {
    let settings = Settings::from_config(config)?;
    let include = if config.files.include.is_empty() {
        None
    } else {
        Some(glob_set(&config.files.include, text, false)?)
    };
    let pairs = config
        .pair
        .iter()
        .map(|p| {
            (
                normalize(&dir.join(&p.service)),
                normalize(&dir.join(&p.task_definition)),
            )
        })
        .collect();
    let mut deploy = Vec::new();
    for rule in &config.deploy {
        let via = Deployer::parse(&rule.via).expect("checked when the configuration was read");
        deploy.push((glob_set(&rule.files, text, false)?, via));
    }
    Ok(Arc::new(Loaded {
        settings,
        pairs,
        deploy,
        deployer: config.deployer.as_deref().and_then(Deployer::parse),
        dir,
        include,
        exclude: glob_set(&config.files.exclude, text, false)?,
        exclude_dirs: glob_set(&config.files.exclude, text, true)?,
    }))
}

/// Compiles `[files]` patterns with `.gitignore` conventions.
fn glob_set(patterns: &[String], text: Option<&str>, dirs: bool) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let p = pattern.trim_start_matches("./");
        // A slash anywhere but at the end anchors the pattern to the config's directory.
        let p = match p.strip_prefix('/') {
            Some(rest) => rest.to_owned(),
            None if p.trim_end_matches('/').contains('/') => p.to_owned(),
            None => format!("**/{p}"),
        };
        let mut p = p.trim_end_matches('/');
        if dirs {
            p = p.trim_end_matches("/**");
        }
        let glob = GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| ConfigError {
                message: format!("`{pattern}` is not a valid glob: {}", e.kind()),
                range: text.and_then(|t| {
                    let quoted = format!("\"{pattern}\"");
                    t.find(&quoted)
                        .map(|at| ecslint_core::text::TextRange::new(at, at + quoted.len()))
                }),
            })?;
        builder.add(glob);
    }
    builder.build().map_err(|e| ConfigError {
        message: e.to_string(),
        range: None,
    })
}

/// `path` without `.` and `..` components (lexically: symlinks are not resolved).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_removes_dots() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }

    #[test]
    fn globs_follow_gitignore_conventions() {
        let set = glob_set(&["*.tmp.json".into(), "cdk.out/**".into()], None, false).unwrap();
        assert!(set.is_match("x/y.tmp.json"));
        assert!(set.is_match("cdk.out/a/b.json"));
        assert!(!set.is_match("x/cdk.out/b.json"));
        let dirs = glob_set(&["cdk.out/**".into()], None, true).unwrap();
        assert!(dirs.is_match("cdk.out"));
        assert!(!dirs.is_match("x/cdk.out"));
    }
}
