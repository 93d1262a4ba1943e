//! Configuration: `ecslint.toml` as written (`Config`) and resolved against the rule
//! registry (`Settings`).
//!
//! ```toml
//! deployer = "ecs-deploy-action"    # how files are deployed (else the repository says; see
//!                                   # docs/deployers.md)
//! # Rules: all are on by default; `select` narrows, `ignore` removes, `[rules]` sets levels.
//! select = ["ALL"]                  # rule ids, categories ("security") or "ALL"
//! ignore = ["image-tag-latest"]
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
//!
//! [[deploy]]                        # how these files are deployed
//! files = [".aws/*.json"]
//! via = "ecs-deploy-action"         # aws-cli | ecs-deploy-action[@v1] | ecspresso | terraform | codedeploy
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::json;
use crate::model::{COMPATIBILITY, OS_FAMILY};
use crate::registry;
use crate::rule::{Category, RuleMeta};
use crate::suggest::did_you_mean;
use crate::text::TextRange;
use crate::toml_reader::{self, Entry, Item, Table, Value};

/// `ecslint.toml`, as written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    /// Only these rules (ids, categories or "ALL"); when absent, every rule that is on by
    /// default (a few opinionated ones, such as `readonly-root-filesystem`, are not).
    pub select: Option<Vec<String>>,
    /// Rules (ids or categories) to turn off.
    pub ignore: Vec<String>,
    /// Per-rule level: "error", "warning", "info" or "off".
    pub rules: BTreeMap<String, String>,
    pub files: FilesConfig,
    pub assume: Assumptions,
    /// Services and the task definitions they run, by path relative to the config file.
    pub pair: Vec<Pair>,
    /// How every file is deployed (a deployer id: `ecs-deploy-action`, `ecspresso`, …),
    /// unless a `[[deploy]]` rule names it.
    pub deployer: Option<String>,
    /// `[[deploy]]`: how the files that match `files` are deployed.
    pub deploy: Vec<DeployRule>,
}

/// `[[deploy]] files = [".aws/*.json"] via = "ecs-deploy-action"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct DeployRule {
    /// Globs relative to the configuration file.
    pub files: Vec<String>,
    /// The deployer's id.
    pub via: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FilesConfig {
    /// Globs of files to lint when walking directories (default: `**/*.json`).
    pub include: Vec<String>,
    /// Globs of files to skip when walking directories.
    pub exclude: Vec<String>,
}

/// What to assume for a file that does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Assumptions {
    /// The launch type the task runs on when `requiresCompatibilities` is absent.
    pub launch_type: Option<String>,
    /// The operating system when `runtimePlatform` is absent.
    pub operating_system_family: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
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
        let root = toml_reader::parse(text).map_err(|e| ConfigError {
            message: e.message,
            range: Some(e.range),
        })?;
        read_config(&root)
    }

    /// Parses the configuration as JSON (the same structure, for the wasm API). A `null`
    /// member is the same as an absent one.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let parsed = json::parse(text);
        if let Some(problem) = parsed.problems.first() {
            return Err(ConfigError {
                message: problem.message.clone(),
                range: Some(problem.range),
            });
        }
        let Some(root) = parsed.root else {
            return Err(error("the configuration is empty", None));
        };
        match from_json_node(&root)? {
            Item {
                value: Value::Table(table),
                ..
            } => read_config(&table),
            item => Err(wrong_type("the configuration", "an object", &item)),
        }
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

fn error(message: impl Into<String>, range: Option<TextRange>) -> ConfigError {
    ConfigError {
        message: message.into(),
        range,
    }
}

/// `Err(e)` with `range` when `e` has none.
fn at<T>(result: Result<T, ConfigError>, range: TextRange) -> Result<T, ConfigError> {
    result.map_err(|e| ConfigError {
        range: e.range.or(Some(range)),
        ..e
    })
}

/// Where a string's text is: inside its quotes when it is written plainly (`"x"`, `'x'`),
/// else the whole value.
fn value_range(item: &Item) -> TextRange {
    let range = item.range;
    match &item.value {
        Value::String(s) if range.len() == s.len() + 2 => {
            TextRange::new(range.start + 1, range.end - 1)
        }
        _ => range,
    }
}

fn wrong_type(what: &str, expected: &str, item: &Item) -> ConfigError {
    error(
        format!("{what} must be {expected}, found {}", item.kind_name()),
        Some(item.range),
    )
}

fn unknown_key(entry: &Entry, section: &str, keys: &[&str]) -> ConfigError {
    let hint = match did_you_mean(&entry.key, keys.iter().copied()) {
        Some(key) => format!("did you mean `{key}`?"),
        None => format!(
            "use one of {}",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    error(
        format!("unknown key `{}`{section}: {hint}", entry.key),
        Some(entry.key_range),
    )
}

fn as_table<'t>(item: &'t Item, what: &str) -> Result<&'t Table, ConfigError> {
    match &item.value {
        Value::Table(t) => Ok(t),
        _ => Err(wrong_type(what, "a table", item)),
    }
}

fn as_string(item: &Item, what: &str) -> Result<String, ConfigError> {
    match &item.value {
        Value::String(s) => Ok(s.clone()),
        _ => Err(wrong_type(what, "a string", item)),
    }
}

fn as_array<'t>(item: &'t Item, what: &str, expected: &str) -> Result<&'t [Item], ConfigError> {
    match &item.value {
        Value::Array(a) => Ok(&a.items),
        _ => Err(wrong_type(what, expected, item)),
    }
}

/// An array of strings.
fn strings(entry: &Entry) -> Result<Vec<String>, ConfigError> {
    let what = format!("`{}`", entry.key);
    as_array(&entry.value, &what, "an array of strings")?
        .iter()
        .map(|item| as_string(item, &format!("each entry of {what}")))
        .collect()
}

/// `select` or `ignore`: rule ids, categories or "ALL".
fn selectors(entry: &Entry) -> Result<Vec<String>, ConfigError> {
    let list = strings(entry)?;
    let items = as_array(&entry.value, "", "")?;
    for (selector, item) in list.iter().zip(items) {
        at(matching(selector, &entry.key), value_range(item))?;
    }
    Ok(list)
}

/// The configuration from its TOML (or JSON) tree, every value checked.
fn read_config(root: &Table) -> Result<Config, ConfigError> {
    let mut config = Config::default();
    for entry in &root.entries {
        let item = &entry.value;
        match entry.key.as_str() {
            "select" => config.select = Some(selectors(entry)?),
            "ignore" => config.ignore = selectors(entry)?,
            "rules" => {
                for rule in &as_table(item, "`rules`")?.entries {
                    if registry::find(&rule.key).is_none() {
                        return Err(ConfigError {
                            range: Some(rule.key_range),
                            ..unknown_rule(&rule.key, "[rules]")
                        });
                    }
                    let level = as_string(&rule.value, &format!("the level of `{}`", rule.key))?;
                    at(check_level(&rule.key, &level), value_range(&rule.value))?;
                    config.rules.insert(rule.key.clone(), level);
                }
            }
            "files" => {
                for file in &as_table(item, "`files`")?.entries {
                    match file.key.as_str() {
                        "include" => config.files.include = strings(file)?,
                        "exclude" => config.files.exclude = strings(file)?,
                        _ => {
                            return Err(unknown_key(file, " in `[files]`", &["include", "exclude"]))
                        }
                    }
                }
            }
            "assume" => {
                for assume in &as_table(item, "`assume`")?.entries {
                    let (slot, valid) = match assume.key.as_str() {
                        "launch-type" => (&mut config.assume.launch_type, COMPATIBILITY.values),
                        "operating-system-family" => {
                            (&mut config.assume.operating_system_family, OS_FAMILY.values)
                        }
                        _ => {
                            return Err(unknown_key(
                                assume,
                                " in `[assume]`",
                                &["launch-type", "operating-system-family"],
                            ))
                        }
                    };
                    let value = as_string(&assume.value, &format!("`{}`", assume.key))?;
                    at(
                        check_value(&value, &assume.key, valid),
                        value_range(&assume.value),
                    )?;
                    *slot = Some(value);
                }
            }
            "pair" => {
                for pair in as_array(item, "`pair`", "an array of tables (`[[pair]]`)")? {
                    let table = as_table(pair, "each `[[pair]]`")?;
                    let mut paths = [None, None];
                    for e in &table.entries {
                        let slot = match e.key.as_str() {
                            "service" => 0,
                            "task-definition" => 1,
                            _ => {
                                return Err(unknown_key(
                                    e,
                                    " in `[[pair]]`",
                                    &["service", "task-definition"],
                                ))
                            }
                        };
                        paths[slot] = Some(as_string(&e.value, &format!("`{}`", e.key))?);
                    }
                    let [Some(service), Some(task_definition)] = paths else {
                        return Err(error(
                            "a `[[pair]]` needs both `service` and `task-definition` (paths relative to the configuration file)",
                            Some(pair.range),
                        ));
                    };
                    config.pair.push(Pair {
                        service,
                        task_definition,
                    });
                }
            }
            "deployer" => config.deployer = Some(deployer_id(item, "`deployer`")?),
            "deploy" => {
                for rule in as_array(item, "`deploy`", "an array of tables (`[[deploy]]`)")? {
                    let table = as_table(rule, "each `[[deploy]]`")?;
                    let mut files = None;
                    let mut via = None;
                    for e in &table.entries {
                        match e.key.as_str() {
                            "files" => files = Some(strings(e)?),
                            "via" => via = Some(deployer_id(&e.value, "`via`")?),
                            _ => return Err(unknown_key(e, " in `[[deploy]]`", &["files", "via"])),
                        }
                    }
                    let (Some(files), Some(via)) = (files, via) else {
                        return Err(error(
                            "a `[[deploy]]` needs `files` (globs relative to the configuration file) and `via` (a deployer)",
                            Some(rule.range),
                        ));
                    };
                    config.deploy.push(DeployRule { files, via });
                }
            }
            _ => return Err(unknown_key(entry, "", &CONFIG_KEYS)),
        }
    }
    Settings::from_config(&config)?;
    Ok(config)
}

const CONFIG_KEYS: [&str; 8] = [
    "select", "ignore", "rules", "files", "assume", "pair", "deployer", "deploy",
];

/// A deployer's id, checked.
fn deployer_id(item: &Item, what: &str) -> Result<String, ConfigError> {
    let id = as_string(item, what)?;
    if crate::deploy::Deployer::parse(&id).is_none() {
        let ids: Vec<&str> = crate::deploy::Deployer::ALL
            .iter()
            .map(|d| d.id())
            .collect();
        let hint = match did_you_mean(&id, ids.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of {}", ids.join(", ")),
        };
        return Err(error(
            format!("`{id}` is not a deployer: {hint}"),
            Some(value_range(item)),
        ));
    }
    Ok(id)
}

/// The JSON form of the configuration as the TOML tree: a `null` member is left out.
fn from_json_node(node: &json::Node) -> Result<Item, ConfigError> {
    let value = match &node.value {
        json::Value::Null | json::Value::Unknown => {
            return Err(error(
                "`null` is not a value of the configuration",
                Some(node.range),
            ))
        }
        json::Value::Bool(b) => Value::Boolean(*b),
        json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Float(n.as_f64()),
        },
        json::Value::String(s) => Value::String(s.to_string()),
        json::Value::Array(items) => {
            let mut array = toml_reader::Array::default();
            for item in items {
                array.items.push(from_json_node(item)?);
            }
            Value::Array(array)
        }
        json::Value::Object(members) => {
            let mut table = Table::default();
            for member in members.iter().filter(|m| !m.value.is_null()) {
                let item = from_json_node(&member.value)?;
                table.insert(member.key.name.to_string(), member.key.range, item);
            }
            Value::Table(table)
        }
    };
    Ok(Item {
        range: node.range,
        value,
    })
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
            check_level(id, level)?;
            match Severity::parse(level) {
                None => enabled[index] = false,
                Some(severity) => {
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

/// A level in `[rules]`: a severity or "off".
fn check_level(id: &str, level: &str) -> Result<(), ConfigError> {
    if level == "off" || Severity::parse(level).is_some() {
        return Ok(());
    }
    Err(error(
        format!(
            "`{level}` is not a level for `{id}`: use \"error\", \"warning\", \"info\" or \"off\""
        ),
        None,
    ))
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
