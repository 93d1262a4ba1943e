//! Configuration: `ecslint.toml` as written (`Config`) and resolved against the rule
//! registry (`Settings`).
//!
//! ```toml
//! # Rules: all are on by default; `select` narrows, `ignore` removes, `[rules]` sets levels.
//! select = ["ALL"]                  # rule ids, categories ("security") or "ALL"
//! ignore = ["image-latest-tag"]
//!
//! [rules]
//! unknown-field = "warning"         # "error" | "warning" | "info" | "off"
//!
//! [files]
//! include = ["**/*.json"]
//! exclude = ["cdk.out/**"]
//!
//! [assume]                          # for files that do not say
//! launch-type = "FARGATE"           # FARGATE | EC2 | EXTERNAL | MANAGED_INSTANCES
//! operating-system-family = "LINUX" # a runtimePlatform.operatingSystemFamily value
//!
//! [[pair]]                          # a service and the task definition it runs
//! service = "ecs-service-def.json"
//! task-definition = "ecs-task-def.json"
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::model::{COMPATIBILITY, OS_FAMILY};
use crate::registry;
use crate::rule::{Category, RuleMeta};
use crate::suggest::did_you_mean;
use crate::text::TextRange;

/// `ecslint.toml`, as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Only these rules (ids, categories or "ALL"); when absent, every rule that is on by
    /// default (a few opinionated ones, such as `readonly-root-filesystem`, are not).
    pub select: Option<Vec<String>>,
    /// Rules (ids or categories) to turn off.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule level: "error", "warning", "info" or "off".
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    #[serde(default)]
    pub files: FilesConfig,
    #[serde(default)]
    pub assume: Assumptions,
    /// Services and the task definitions they run, by path relative to the config file.
    #[serde(default)]
    pub pair: Vec<Pair>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesConfig {
    /// Globs of files to lint when walking directories (default: `**/*.json`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip when walking directories.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// What to assume for a file that does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Assumptions {
    /// The launch type the task runs on when `requiresCompatibilities` is absent.
    pub launch_type: Option<String>,
    /// The operating system when `runtimePlatform` is absent.
    pub operating_system_family: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pair {
    pub service: String,
    pub task_definition: String,
}

/// A configuration that cannot be used, with where in the file the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub range: Option<TextRange>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses `ecslint.toml` text and checks it against the rule registry.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError {
            message: e.message().trim().to_owned(),
            range: e.span().map(|s| TextRange::new(s.start, s.end)),
        })?;
        Settings::from_config(&config).map_err(|mut e| {
            e.range = e.range.or_else(|| locate_in_toml(text, &e.message));
            e
        })?;
        Ok(config)
    }

    /// Parses the configuration as JSON (the same structure, for the wasm API).
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text).map_err(|e| ConfigError {
            message: e.to_string(),
            range: None,
        })?;
        Settings::from_config(&config)?;
        Ok(config)
    }
}

/// `--select` / `--ignore` (the wasm API's `select` / `ignore`), applied on top of every
/// configuration: `select` replaces the configuration's, `ignore` extends it, and both win
/// over a level set in `[rules]` (which alone would turn a rule back on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Overrides {
    /// Checks the rule ids and categories given.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let config = Config {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            ..Config::default()
        };
        Settings::from_config(&config).map(|_| ())
    }

    /// Applies the overrides to `config`.
    pub fn apply(&self, config: &mut Config) {
        if let Some(select) = &self.select {
            config.select = Some(select.clone());
        }
        config.ignore.extend(self.ignore.iter().cloned());
        // A level in `[rules]` turns its rule on again; the command line has the last word.
        config.rules.retain(|id, level| {
            let Some(meta) = registry::find(id) else {
                return true;
            };
            let selected = self
                .select
                .as_ref()
                .is_none_or(|s| s.iter().any(|s| names(s, meta)));
            let ignored = self.ignore.iter().any(|s| names(s, meta));
            level == "off" || (selected && !ignored)
        });
    }
}

/// Whether a `select`/`ignore` entry (an id, a category or "ALL") names `meta`.
fn names(selector: &str, meta: &RuleMeta) -> bool {
    selector.eq_ignore_ascii_case("all")
        || selector == meta.id
        || selector == meta.category.as_str()
}

/// Best effort: the range of the first quoted word of `message` in the TOML text.
fn locate_in_toml(text: &str, message: &str) -> Option<TextRange> {
    let word = message.split('`').nth(1)?;
    let start = text.find(word)?;
    Some(TextRange::new(start, start + word.len()))
}

/// The configuration resolved against the rules: which rules run, at which level.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Rules that are off.
    disabled: Vec<&'static str>,
    /// Levels set by the user (rules not here keep each diagnostic's own level).
    levels: HashMap<&'static str, Severity>,
    pub assume: Assumptions,
}

impl Default for Settings {
    /// No configuration: every rule that is on by default, at its default level.
    fn default() -> Self {
        Settings::from_config(&Config::default()).expect("the empty configuration is valid")
    }
}

impl Settings {
    pub fn from_config(config: &Config) -> Result<Settings, ConfigError> {
        let all = registry::rules();
        let mut enabled: Vec<bool> = match &config.select {
            None => all.iter().map(|m| m.default_enabled).collect(),
            Some(select) => {
                let mut on = vec![false; all.len()];
                for sel in select {
                    for i in matching(sel, "select")? {
                        on[i] = true;
                    }
                }
                on
            }
        };
        for ign in &config.ignore {
            for i in matching(ign, "ignore")? {
                enabled[i] = false;
            }
        }
        let mut levels = HashMap::new();
        for (id, level) in &config.rules {
            let meta = registry::find(id).ok_or_else(|| unknown_rule(id, "[rules]"))?;
            let index = all.iter().position(|m| m.id == meta.id).unwrap_or_default();
            match level.as_str() {
                "off" => enabled[index] = false,
                other => {
                    let severity = Severity::parse(other).ok_or_else(|| ConfigError {
                        message: format!(
                            "`{other}` is not a level for `{id}`: use \"error\", \"warning\", \"info\" or \"off\""
                        ),
                        range: None,
                    })?;
                    levels.insert(meta.id, severity);
                    enabled[index] = true;
                }
            }
        }
        if let Some(lt) = &config.assume.launch_type {
            check_value(lt, "launch-type", COMPATIBILITY.values)?;
        }
        if let Some(os) = &config.assume.operating_system_family {
            check_value(os, "operating-system-family", OS_FAMILY.values)?;
        }
        Ok(Settings {
            disabled: all
                .iter()
                .zip(&enabled)
                .filter(|(_, on)| !**on)
                .map(|(m, _)| m.id)
                .collect(),
            levels,
            assume: config.assume.clone(),
        })
    }

    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled.contains(&rule)
    }

    /// The level the user set for `rule`, if any.
    pub fn level(&self, rule: &str) -> Option<Severity> {
        self.levels.get(rule).copied()
    }
}

/// Indexes in the registry of the rules `selector` names (an id, a category or "ALL").
fn matching(selector: &str, field: &str) -> Result<Vec<usize>, ConfigError> {
    let all = registry::rules();
    if selector.eq_ignore_ascii_case("all") {
        return Ok((0..all.len()).collect());
    }
    if let Some(category) = Category::ALL.iter().find(|c| c.as_str() == selector) {
        return Ok(all
            .iter()
            .enumerate()
            .filter(|(_, m)| m.category == *category)
            .map(|(i, _)| i)
            .collect());
    }
    match all.iter().position(|m| m.id == selector) {
        Some(i) => Ok(vec![i]),
        None => Err(unknown_rule(selector, field)),
    }
}

fn unknown_rule(id: &str, field: &str) -> ConfigError {
    let candidates = registry::rules()
        .iter()
        .map(|m: &&RuleMeta| m.id)
        .chain(Category::ALL.iter().map(|c| c.as_str()));
    let hint = did_you_mean(id, candidates)
        .map(|s| format!(": did you mean `{s}`?"))
        .unwrap_or_else(|| ": `ecslint rules` lists them".to_owned());
    ConfigError {
        message: format!("`{id}` in `{field}` is not a rule or category{hint}"),
        range: None,
    }
}

fn check_value(value: &str, field: &str, valid: &[&str]) -> Result<(), ConfigError> {
    if valid.contains(&value) {
        return Ok(());
    }
    Err(ConfigError {
        message: format!(
            "`{value}` is not a valid `{field}`: use one of {}",
            valid.join(", ")
        ),
        range: None,
    })
}
