//! WebAssembly bindings for ecslint: a thin adapter over `ecslint-core`, built by
//! `npm/scripts/build.sh` into the npm package (also the base of the playground and the
//! VS Code extension).
//!
//! Everything crosses the boundary as JSON: options come in as a plain object, results go
//! out as plain objects parsed from the core's JSON, so lint results have exactly the shape
//! of `ecslint check --format json` ([`ecslint_core::report::Report`]), one file entry per
//! document.
//!
//! Errors: a document with problems is never an error (its syntax errors are diagnostics).
//! Invalid input to the API itself (unknown option, bad configuration, unknown rule, kind or
//! format) throws a JS `Error` whose `message` reads on its own, with `code` (see
//! [`ErrorCode`]), `reason` (the bare message, as the CLI prints it) and, for a
//! configuration, `range` (where in the TOML text, or `null`). A Rust panic would be a bug:
//! the panic hook keeps its message, and the JS wrapper turns the resulting trap into an
//! `Error` with `code: "internal"` and that message (see `takePanicMessage`), then starts a
//! fresh instance (`__wbg_reset_state`, generated with `--experimental-reset-state-function`),
//! since a trapped instance may hold half-updated state.

use std::sync::Mutex;

use ecslint_core::deploy::repository::Repository;
use ecslint_core::docs;
use ecslint_core::fix::fix_all;
use ecslint_core::output::{self, Format};
use ecslint_core::registry;
use ecslint_core::report::{FileReport, Locator, Report};
use ecslint_core::schema::{json_schema, SchemaKind};
use ecslint_core::suggest::did_you_mean;
use ecslint_core::text::TextRange;
use ecslint_core::{
    lint as lint_text, lint_bytes, Applicability, Config, ConfigError, Deployer, Deployment,
    DocumentKind, LintOptions, LintResult, Overrides, PairedTaskDefinition, Pairing, Settings,
    SourceFile,
};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The package's version (the workspace's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// ---------------------------------------------------------------------------------------
// Errors

/// What kind of invalid input an error is about (the JS `Error`'s `code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The options object or an argument has the wrong shape.
    InvalidOptions,
    /// The configuration cannot be used (also a bad `assume`).
    InvalidConfig,
    /// `select` / `ignore` name something that is not a rule or category.
    InvalidSelect,
    /// `explain` was given an id that is not a rule.
    UnknownRule,
    /// `schema` or the `kind` option was given an unknown kind.
    UnknownKind,
    /// `formatReport` was given an unknown format.
    UnknownFormat,
    /// `formatReport` was given something that is not a report.
    InvalidReport,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidOptions => "invalid-options",
            ErrorCode::InvalidConfig => "invalid-config",
            ErrorCode::InvalidSelect => "invalid-select",
            ErrorCode::UnknownRule => "unknown-rule",
            ErrorCode::UnknownKind => "unknown-kind",
            ErrorCode::UnknownFormat => "unknown-format",
            ErrorCode::InvalidReport => "invalid-report",
        }
    }
}

/// An error of the API, before it becomes a JS `Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub code: ErrorCode,
    /// The whole message (`invalid configuration: …`).
    pub message: String,
    /// The bare message, as the CLI prints it after its own prefix.
    pub reason: String,
    /// For a configuration given as text: where the problem is.
    pub range: Option<String>,
}

impl ApiError {
    fn new(code: ErrorCode, prefix: &str, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        ApiError {
            code,
            message: if prefix.is_empty() {
                reason.clone()
            } else {
                format!("{prefix}: {reason}")
            },
            reason,
            range: None,
        }
    }

    fn options(reason: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::InvalidOptions, "invalid options", reason)
    }

    fn config(error: ConfigError, text: Option<&str>) -> Self {
        let mut e = ApiError::new(
            ErrorCode::InvalidConfig,
            "invalid configuration",
            error.message,
        );
        e.range = match (error.range, text) {
            (Some(range), Some(text)) => Some(span_json(text, range)),
            _ => None,
        };
        e
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> JsValue {
        let error = js_sys::Error::new(&e.message);
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), value);
        };
        set("code", &JsValue::from_str(e.code.as_str()));
        set("reason", &JsValue::from_str(&e.reason));
        let range = e.range.map_or(JsValue::NULL, |r| to_js(&r));
        set("range", &range);
        error.into()
    }
}

/// A byte range of `text` as the report's `{start, end}` (lines, columns, offsets), as JSON
/// text (members in the contract's order).
fn span_json(text: &str, range: TextRange) -> String {
    serde_json::to_string(&Locator::new(text).span(range)).unwrap_or_else(|_| "null".to_owned())
}

/// JSON text (always produced by serde_json here) as a JS value.
fn to_js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

// ---------------------------------------------------------------------------------------
// Panics

/// The message of the last panic, kept by the hook for the JS wrapper.
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Installs the panic hook; runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message =
            format!("ecslint internal error (a bug: please report it with the input): {info}");
        if let Ok(mut slot) = PANIC_MESSAGE.lock() {
            *slot = Some(message);
        }
    }));
}

/// The message of the last Rust panic (then forgotten), if any: the JS wrapper calls it
/// when a call trapped, to throw a readable `Error` instead of `RuntimeError: unreachable`.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    PANIC_MESSAGE.lock().ok().and_then(|mut slot| slot.take())
}

/// Panics on purpose: the npm tests check that a panic becomes a readable error.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("a panic on purpose, for the tests");
}

// ---------------------------------------------------------------------------------------
// Options

/// The options object of `lint`, `lintPair` and `fix` (read by [`read_options`]: members in
/// camelCase, unknown members refused).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file entry's path (default `<input>`).
    pub path: Option<String>,
    /// Lint as this kind instead of detecting it.
    pub kind: Option<String>,
    /// `ecslint.toml` as text (TOML, or the same structure as JSON text) or as an object.
    pub config: Option<Value>,
    /// Like `--select`: replaces the configuration's `select`.
    pub select: Option<Vec<String>>,
    /// Like `--ignore`: extends the configuration's `ignore`.
    pub ignore: Option<Vec<String>>,
    /// Overrides the configuration's `[assume]`.
    pub assume: Option<Assume>,
    /// Report a document that is none of the known kinds (default `true`).
    pub report_unknown_kind: Option<bool>,
    /// `fix` only: also apply unsafe fixes (`unsafe`).
    pub unsafe_fixes: Option<bool>,
    /// For a service: the task definition it runs (`{path, text}`), checked against it.
    pub task_definition: Option<TaskDefinitionOption>,
    /// For a service: an ecspresso configuration names it.
    pub ecspresso: Option<bool>,
    /// For a service: why no task definition was found (the hosts' pairing note).
    pub pair_note: Option<String>,
    /// How the document is deployed (a deployer id: `ecs-deploy-action`, `ecspresso`, …), as
    /// `--deployer`; else the configuration's `deployer`, else `repository`'s evidence.
    pub deployer: Option<String>,
    /// The repository the document is in, for finding its deployer: the evidence files'
    /// texts (workflows, ecspresso configurations, appspecs, `.tf` files).
    pub repository: Option<RepositoryOption>,
    /// Other files the host read for this one (`[{path, text}]`, as `LintOptions::files`):
    /// for a `.tf` file, the other `.tf` files of its folder (its module) and the files its
    /// `container_definitions` read (`terraformReadFiles`); for such a file, the `.tf` files
    /// of the module that reads it, so that it is checked as that task definition's
    /// containers. Related places may point into them.
    pub files: Option<Vec<TaskDefinitionOption>>,
}

/// `repository` in the options.
#[derive(Debug, Clone, Default)]
pub struct RepositoryOption {
    /// The repository's root as reports show it (`""`: the current folder); prefixed to the
    /// evidence's paths.
    pub root: Option<String>,
    /// The document's path relative to the root.
    pub path: String,
    /// Evidence files: paths relative to the root, with `/`.
    pub files: Vec<RepositoryFile>,
}

/// An evidence file of `repository`.
#[derive(Debug, Clone, Default)]
pub struct RepositoryFile {
    /// Relative to the repository's root, with `/`.
    pub path: String,
    pub text: String,
    /// The path reports show for it (default: `root` and `path`).
    pub shown: Option<String>,
}

/// `taskDefinition` (and each of `files`) in the options.
#[derive(Debug, Clone, Default)]
pub struct TaskDefinitionOption {
    pub path: String,
    pub text: String,
}

/// `assume` in the options.
#[derive(Debug, Clone, Default)]
pub struct Assume {
    pub launch_type: Option<String>,
    pub operating_system_family: Option<String>,
}

impl Options {
    /// Reads the options from their JSON text (`null` for none).
    pub fn from_json(text: &str) -> Result<Options, ApiError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| ApiError::options(e.to_string()))?;
        if value.is_null() {
            return Ok(Options::default());
        }
        read_options(&value).map_err(ApiError::options)
    }

    fn from_js(value: &JsValue) -> Result<Options, ApiError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options::default());
        }
        if !value.is_object() {
            return Err(ApiError::options("the options must be an object"));
        }
        let text = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| ApiError::options("the options cannot be read as JSON"))?;
        Options::from_json(&text)
    }

    fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            ignore: self.ignore.clone().unwrap_or_default(),
        }
    }

    /// The forced kind, if any.
    pub fn kind(&self) -> Result<Option<DocumentKind>, ApiError> {
        let Some(name) = &self.kind else {
            return Ok(None);
        };
        DocumentKind::parse(name).map(Some).ok_or_else(|| {
            let names: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
            ApiError::new(
                ErrorCode::UnknownKind,
                "invalid options",
                format!("`{name}` is not a kind: use {}", names.join(", ")),
            )
        })
    }

    /// The configuration with `select`, `ignore` and `assume` applied.
    pub fn config(&self) -> Result<Config, ApiError> {
        let overrides = self.overrides();
        overrides.validate().map_err(|e| {
            ApiError::new(ErrorCode::InvalidSelect, "invalid select/ignore", e.message)
        })?;
        let mut config = match &self.config {
            None | Some(Value::Null) => Config::default(),
            Some(Value::String(text)) => parse_config(text)?,
            Some(value @ Value::Object(_)) => {
                Config::from_json(&value.to_string()).map_err(|e| ApiError::config(e, None))?
            }
            Some(_) => {
                return Err(ApiError::options(
                    "`config` must be ecslint.toml text (TOML or JSON) or an object",
                ))
            }
        };
        overrides.apply(&mut config);
        if let Some(assume) = &self.assume {
            if let Some(launch_type) = &assume.launch_type {
                config.assume.launch_type = Some(launch_type.clone());
            }
            if let Some(os) = &assume.operating_system_family {
                config.assume.operating_system_family = Some(os.clone());
            }
        }
        Ok(config)
    }

    /// The resolved settings.
    pub fn settings(&self) -> Result<Settings, ApiError> {
        Settings::from_config(&self.config()?).map_err(|e| ApiError::config(e, None))
    }

    fn path(&self) -> &str {
        self.path.as_deref().unwrap_or("<input>")
    }

    /// The pairing the options describe.
    fn pairing(&self) -> Pairing<'_> {
        Pairing {
            task_definition: self.task_definition.as_ref().map(|t| PairedTaskDefinition {
                path: &t.path,
                text: &t.text,
            }),
            note: self.pair_note.as_deref(),
            ecspresso: self.ecspresso.unwrap_or(false),
        }
    }

    /// `files` as the core takes them.
    fn files(&self) -> Vec<SourceFile<'_>> {
        self.files
            .iter()
            .flatten()
            .map(|f| SourceFile {
                path: &f.path,
                text: &f.text,
            })
            .collect()
    }

    /// The other documents related locations may point into: the paired task definition,
    /// the repository's evidence files and `files`.
    fn other(&self) -> Vec<(String, &str)> {
        let mut others: Vec<(String, &str)> = self
            .task_definition
            .as_ref()
            .map(|t| (t.path.clone(), t.text.as_str()))
            .into_iter()
            .collect();
        if let Some(repo) = &self.repository {
            for f in &repo.files {
                others.push((shown_in(repo, &f.path), f.text.as_str()));
            }
        }
        for f in self.files.iter().flatten() {
            others.push((f.path.clone(), f.text.as_str()));
        }
        others
    }

    /// How the document is deployed: `deployer`, the configuration's `deployer`, or the
    /// repository's evidence (empty: the core's default).
    fn deployments(&self, config: &Config) -> Result<Vec<Deployment>, ApiError> {
        let named = self.deployer.as_deref().or(config.deployer.as_deref());
        if let Some(id) = named {
            let deployer = Deployer::parse(id).ok_or_else(|| {
                let ids: Vec<&str> = Deployer::ALL.iter().map(|d| d.id()).collect();
                ApiError::options(format!(
                    "`deployer`: `{id}` is not a deployer: use one of {}",
                    ids.join(", ")
                ))
            })?;
            return Ok(vec![Deployment::new(deployer)]);
        }
        let Some(repo) = &self.repository else {
            return Ok(Vec::new());
        };
        let read = Repository::read(
            repo.files
                .iter()
                .map(|f| (f.path.as_str(), f.text.as_str())),
        );
        let mut deployments = read.deployments(&repo.path);
        for d in &mut deployments {
            let shown = |e: &mut ecslint_core::Evidence| e.path = shown_in(repo, &e.path);
            if let Some(e) = &mut d.evidence {
                shown(e);
            }
            for r in &mut d.rendered {
                shown(&mut r.evidence);
            }
            if let Some(run) = &mut d.ecspresso_run {
                shown(&mut run.evidence);
            }
            if let Some(a) = &mut d.appspec {
                for (_, e) in a.container_name.iter_mut() {
                    shown(e);
                }
                for (_, e) in a.container_port.iter_mut() {
                    shown(e);
                }
            }
        }
        Ok(deployments)
    }
}

// ---------------------------------------------------------------------------------------
// Reading the options
//
// Written out by hand: serde's derived `Deserialize` of these structs cost the wasm about
// 25 KB. The messages are serde's (`unknown field `x`, expected one of …`, `invalid type: …,
// expected …`, `missing field `x``).

/// An options object being read: its members, and the names it may have.
struct Members<'v> {
    map: &'v serde_json::Map<String, Value>,
}

impl<'v> Members<'v> {
    /// `value` as an object with only the members `names`.
    fn new(value: &'v Value, what: &str, names: &[&str]) -> Result<Self, String> {
        let Value::Object(map) = value else {
            return Err(invalid_type(value, what));
        };
        if let Some(unknown) = map.keys().find(|k| !names.contains(&k.as_str())) {
            let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            let expected = match &expected[..] {
                [a, b] => format!("{a} or {b}"),
                _ => format!("one of {}", expected.join(", ")),
            };
            return Err(format!("unknown field `{unknown}`, expected {expected}"));
        }
        Ok(Members { map })
    }

    /// A member that may be absent (or `null`).
    fn optional<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'v Value) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v).map(Some),
        }
    }

    /// A member that must be there.
    fn required<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'v Value) -> Result<T, String>,
    ) -> Result<T, String> {
        match self.map.get(name) {
            Some(v) => read(v),
            None => Err(format!("missing field `{name}`")),
        }
    }
}

/// serde's `invalid type: string "x", expected a string`.
fn invalid_type(value: &Value, expected: &str) -> String {
    let found = match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {}", Value::String(s.clone())),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    };
    format!("invalid type: {found}, expected {expected}")
}

fn string(value: &Value) -> Result<String, String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| invalid_type(value, "a string"))
}

fn boolean(value: &Value) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| invalid_type(value, "a boolean"))
}

fn list<T>(value: &Value, read: impl Fn(&Value) -> Result<T, String>) -> Result<Vec<T>, String> {
    match value {
        Value::Array(items) => items.iter().map(read).collect(),
        _ => Err(invalid_type(value, "a sequence")),
    }
}

/// The options object (not `null`), as [`Options`].
fn read_options(value: &Value) -> Result<Options, String> {
    let m = Members::new(
        value,
        "struct Options",
        &[
            "path",
            "kind",
            "config",
            "select",
            "ignore",
            "assume",
            "reportUnknownKind",
            "unsafe",
            "taskDefinition",
            "ecspresso",
            "pairNote",
            "deployer",
            "repository",
            "files",
        ],
    )?;
    Ok(Options {
        path: m.optional("path", string)?,
        kind: m.optional("kind", string)?,
        config: m.optional("config", |v| Ok(v.clone()))?,
        select: m.optional("select", |v| list(v, string))?,
        ignore: m.optional("ignore", |v| list(v, string))?,
        assume: m.optional("assume", |v| {
            let m = Members::new(v, "struct Assume", &["launchType", "operatingSystemFamily"])?;
            Ok(Assume {
                launch_type: m.optional("launchType", string)?,
                operating_system_family: m.optional("operatingSystemFamily", string)?,
            })
        })?,
        report_unknown_kind: m.optional("reportUnknownKind", boolean)?,
        unsafe_fixes: m.optional("unsafe", boolean)?,
        task_definition: m.optional("taskDefinition", path_and_text)?,
        ecspresso: m.optional("ecspresso", boolean)?,
        pair_note: m.optional("pairNote", string)?,
        deployer: m.optional("deployer", string)?,
        repository: m.optional("repository", |v| {
            let m = Members::new(v, "struct RepositoryOption", &["root", "path", "files"])?;
            Ok(RepositoryOption {
                root: m.optional("root", string)?,
                path: m.required("path", string)?,
                files: m.required("files", |v| {
                    list(v, |v| {
                        let m =
                            Members::new(v, "struct RepositoryFile", &["path", "text", "shown"])?;
                        Ok(RepositoryFile {
                            path: m.required("path", string)?,
                            text: m.required("text", string)?,
                            shown: m.optional("shown", string)?,
                        })
                    })
                })?,
            })
        })?,
        files: m.optional("files", |v| list(v, path_and_text))?,
    })
}

/// `{path, text}` (`taskDefinition`).
fn path_and_text(value: &Value) -> Result<TaskDefinitionOption, String> {
    let m = Members::new(value, "struct TaskDefinitionOption", &["path", "text"])?;
    Ok(TaskDefinitionOption {
        path: m.required("path", string)?,
        text: m.required("text", string)?,
    })
}

/// Configuration text: JSON when it starts with `{` (a TOML document cannot), else TOML.
fn parse_config(text: &str) -> Result<Config, ApiError> {
    let parsed = if text.trim_start().starts_with('{') {
        Config::from_json(text)
    } else {
        Config::from_toml(text)
    };
    parsed.map_err(|e| ApiError::config(e, Some(text)))
}

// ---------------------------------------------------------------------------------------
// Documents

/// A document as given: text, or bytes (which may not be UTF-8, as a file read from disk).
#[derive(Debug, Clone)]
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn from_js(value: &JsValue) -> Result<Input, ApiError> {
        if let Some(text) = value.as_string() {
            return Ok(Input::Text(text));
        }
        if value.is_instance_of::<js_sys::Uint8Array>() {
            return Ok(Input::Bytes(
                js_sys::Uint8Array::from(value.clone()).to_vec(),
            ));
        }
        Err(ApiError::options(
            "the document must be a string or a Uint8Array",
        ))
    }

    fn lint(&self, options: &LintOptions<'_>) -> LintResult {
        match self {
            Input::Text(text) => lint_text(text, options),
            Input::Bytes(bytes) => lint_bytes(bytes, options),
        }
    }

    /// The text diagnostics refer to (for invalid UTF-8, the lossy conversion, as the CLI).
    fn text(&self) -> String {
        match self {
            Input::Text(text) => text.clone(),
            Input::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    /// The text, if it is UTF-8.
    fn utf8(&self) -> Option<&str> {
        match self {
            Input::Text(text) => Some(text),
            Input::Bytes(bytes) => std::str::from_utf8(bytes).ok(),
        }
    }
}

/// An evidence file's path as reports show it: its `shown`, else under the repository's root.
fn shown_in(repo: &RepositoryOption, path: &str) -> String {
    if let Some(shown) = repo
        .files
        .iter()
        .find(|f| f.path == path)
        .and_then(|f| f.shown.clone())
    {
        return shown;
    }
    match repo.root.as_deref() {
        None | Some("") | Some(".") => path.to_owned(),
        Some(root) => format!("{}/{path}", root.trim_end_matches('/')),
    }
}

/// Lints one document: its file entry.
pub fn lint_input(
    input: &Input,
    options: &Options,
    settings: &Settings,
) -> Result<FileReport, ApiError> {
    let deployments = options.deployments(&options.config()?)?;
    let files = options.files();
    let lint_options = LintOptions {
        kind: options.kind()?,
        settings,
        report_unknown_kind: options.report_unknown_kind.unwrap_or(true),
        pairing: options.pairing(),
        path: Some(options.path()),
        deployments: &deployments,
        files: &files,
    };
    let result = input.lint(&lint_options);
    let others = options.other();
    let others: Vec<(&str, &str)> = others.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    Ok(FileReport::new(
        options.path(),
        &input.text(),
        &result,
        &others,
    ))
}

/// What `fix` did.
pub struct Fixed {
    pub fixed: bool,
    pub text: String,
    pub applied: Vec<(&'static str, String)>,
    pub report: FileReport,
}

/// Applies fixes to one document, as `ecslint check --fix` does: a document that cannot be
/// parsed (or is not UTF-8) is left as it is.
pub fn fix_input(input: &Input, options: &Options) -> Result<Fixed, ApiError> {
    let settings = options.settings()?;
    let deployments = options.deployments(&options.config()?)?;
    let files = options.files();
    let lint_options = LintOptions {
        kind: options.kind()?,
        settings: &settings,
        report_unknown_kind: options.report_unknown_kind.unwrap_or(true),
        pairing: options.pairing(),
        path: Some(options.path()),
        deployments: &deployments,
        files: &files,
    };
    let others = options.other();
    let others: Vec<(&str, &str)> = others.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let applicability = if options.unsafe_fixes.unwrap_or(false) {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let result = input.lint(&lint_options);
    let outcome = input
        .utf8()
        .filter(|_| result.parsed)
        .and_then(|text| fix_all(text, &lint_options, applicability));
    Ok(match outcome {
        Some(outcome) => Fixed {
            fixed: true,
            report: FileReport::new(options.path(), &outcome.text, &outcome.result, &others),
            text: outcome.text,
            applied: outcome.applied,
        },
        None => {
            let text = input.text();
            Fixed {
                fixed: false,
                report: FileReport::new(options.path(), &text, &result, &others),
                text,
                applied: Vec::new(),
            }
        }
    })
}

// ---------------------------------------------------------------------------------------
// The API

/// `lint(document, options?)`: lints one document (a string, or a `Uint8Array` of a file's
/// bytes) and returns the report with its one file entry.
#[wasm_bindgen(js_name = lint, skip_typescript)]
pub fn lint_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let input = Input::from_js(&input)?;
    let options = Options::from_js(&options)?;
    let settings = options.settings()?;
    let file = lint_input(&input, &options, &settings)?;
    Ok(to_js(&Report::new(vec![file]).to_json()))
}

/// `lintPair(serviceText, serviceName, taskDefText, taskDefName, options?)`: a service and
/// the task definition it runs, as one report with two file entries (service first).
///
/// The service is linted as a `service` and checked against the task definition (container
/// names and ports of load balancers, `networkConfiguration` for `awsvpc`, Service Connect
/// port names, …): those findings point into the task definition through `related[].path`
/// (its name). The task definition is linted as detected, else as a `task-definition`.
#[wasm_bindgen(js_name = lintPair, skip_typescript)]
pub fn lint_pair_js(
    service: JsValue,
    service_name: String,
    task_definition: JsValue,
    task_definition_name: String,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let service = Input::from_js(&service)?;
    let task_definition = Input::from_js(&task_definition)?;
    let options = Options::from_js(&options)?;
    let report = lint_pair(
        &service,
        &service_name,
        &task_definition,
        &task_definition_name,
        &options,
    )?;
    Ok(to_js(&report.to_json()))
}

/// See [`lint_pair_js`].
pub fn lint_pair(
    service: &Input,
    service_name: &str,
    task_definition: &Input,
    task_definition_name: &str,
    options: &Options,
) -> Result<Report, ApiError> {
    if options.kind.is_some() {
        return Err(ApiError::options(
            "`kind` does not apply to lintPair: the service is linted as a service, the task definition as a task definition",
        ));
    }
    let settings = options.settings()?;
    let service_options = Options {
        path: Some(service_name.to_owned()),
        kind: Some(DocumentKind::Service.as_str().to_owned()),
        task_definition: Some(TaskDefinitionOption {
            path: task_definition_name.to_owned(),
            text: task_definition.text(),
        }),
        ..options.clone()
    };
    let service = lint_input(service, &service_options, &settings)?;
    let mut task_options = Options {
        path: Some(task_definition_name.to_owned()),
        task_definition: None,
        ..options.clone()
    };
    let mut task = lint_input(task_definition, &task_options, &settings)?;
    if !task.kind.is_task_definition() {
        task_options.kind = Some(DocumentKind::TaskDefinition.as_str().to_owned());
        task = lint_input(task_definition, &task_options, &settings)?;
    }
    Ok(Report::new(vec![service, task]))
}

/// `pairSummary(text, kind?)`: what pairing needs to know of a file (`null` when it is not
/// JSON): `{kind, family, taskDefinitionFamily}` (see `ecslint_core::pair`). For the npm
/// bin, which pairs services with task definitions as the CLI does.
#[wasm_bindgen(js_name = pairSummary, skip_typescript)]
pub fn pair_summary_js(text: String, kind: Option<String>) -> Result<JsValue, JsValue> {
    let kind = match kind {
        Some(k) => Some(
            DocumentKind::parse(&k)
                .ok_or_else(|| ApiError::options(format!("`{k}` is not a kind")))?,
        ),
        None => None,
    };
    let value = match ecslint_core::pair::summarize(&text, kind) {
        Some(s) => {
            json!({"kind": s.kind, "family": s.family, "taskDefinitionFamily": s.task_definition_family})
        }
        None => Value::Null,
    };
    Ok(to_js(&value.to_string()))
}

/// `terraformReadFiles(path, text)`: the files the `container_definitions` of a `.tf` file's
/// task definitions read with `file()` or `templatefile()`, resolved against its folder
/// (`path`'s): the host reads them and hands them back in `files` (the npm bin does, as the
/// CLI does).
#[wasm_bindgen(js_name = terraformReadFiles, skip_typescript)]
pub fn terraform_read_files_js(path: String, text: String) -> JsValue {
    let files = ecslint_core::forms::terraform::referenced_files(Some(&path), &text);
    to_js(&Value::from(files).to_string())
}

/// `ecspressoConfig(text)`: `{serviceDefinition, taskDefinition}` of an ecspresso
/// configuration (YAML, JSON or Jsonnet), each `null` when absent or templated.
#[wasm_bindgen(js_name = ecspressoConfig, skip_typescript)]
pub fn ecspresso_config_js(text: String) -> JsValue {
    let c = ecslint_core::pair::EcspressoConfig::parse(&text);
    to_js(
        &json!({"serviceDefinition": c.service_definition, "taskDefinition": c.task_definition})
            .to_string(),
    )
}

/// `fix(document, options?)`: applies the safe fixes (with `unsafe: true` also the unsafe
/// ones). Returns `{ fixed, text, applied: [{rule, message}], report }`: `text` is the fixed
/// text (the input, unchanged, when `fixed` is false) and `report` lints it.
#[wasm_bindgen(js_name = fix, skip_typescript)]
pub fn fix_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let input = Input::from_js(&input)?;
    let options = Options::from_js(&options)?;
    let fixed = fix_input(&input, &options)?;
    let applied: Vec<Value> = fixed
        .applied
        .iter()
        .map(|(rule, message)| json!({ "rule": rule, "message": message }))
        .collect();
    // Written by hand so that the report keeps the contract's member order.
    let out = format!(
        r#"{{"fixed":{},"text":{},"applied":{},"report":{}}}"#,
        fixed.fixed,
        Value::String(fixed.text),
        Value::Array(applied),
        Report::new(vec![fixed.report]).to_json(),
    );
    Ok(to_js(&out))
}

/// `loadConfig(text, { select, ignore }?)`: reads `ecslint.toml` text (or the same as JSON)
/// and returns it as an object with `select` / `ignore` applied, ready to pass as `config`.
/// Throws `invalid-config` (with `range`) or `invalid-select`.
#[wasm_bindgen(js_name = loadConfig, skip_typescript)]
pub fn load_config_js(text: String, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options::from_js(&options)?;
    let config = Options {
        config: Some(Value::String(text)),
        ..options
    }
    .config()?;
    Settings::from_config(&config).map_err(|e| ApiError::config(e, None))?;
    let json = serde_json::to_string(&config).unwrap_or_else(|_| "null".to_owned());
    Ok(to_js(&json))
}

/// `loadDocs(text)`: installs the documentation this build leaves out (rule docs and sources,
/// botocore's shape and member docs; see `ecslint_core::docs`) from the package's docs asset
/// (`dist/ecslint_docs.js` / `.cjs`, written with it by npm/scripts/build.sh). The JS wrapper calls
/// it before `rules`, `explain`, `schema` and SARIF, once per instance (see `docsLoaded`).
/// Throws `internal` if the text is not this build's.
#[wasm_bindgen(js_name = loadDocs, skip_typescript)]
pub fn load_docs_js(text: String) -> Result<(), JsValue> {
    docs::load(text).map_err(|e| {
        let error = js_sys::Error::new(&format!("ecslint: cannot load the documentation: {e}"));
        let _ = js_sys::Reflect::set(&error, &"code".into(), &"internal".into());
        let _ = js_sys::Reflect::set(&error, &"reason".into(), &e.to_string().into());
        let _ = js_sys::Reflect::set(&error, &"range".into(), &JsValue::NULL);
        JsValue::from(error)
    })
}

/// `docsLoaded()`: whether the documentation is there (compiled in, or `loadDocs` ran on this
/// instance; a fresh instance after a panic has to load it again).
#[wasm_bindgen(js_name = docsLoaded, skip_typescript)]
pub fn docs_loaded_js() -> bool {
    docs::available()
}

/// Every rule, as the rule list of `rules()`.
pub fn rules_json() -> Value {
    Value::Array(
        registry::rules()
            .iter()
            .map(|m| {
                json!({
                    "id": m.id,
                    "name": m.name,
                    "severity": m.severity,
                    "category": m.category,
                    "fix": m.fix,
                    "summary": m.summary(),
                    "docs": m.docs(),
                    "sources": docs::rule_sources(m),
                })
            })
            .collect(),
    )
}

/// `rules()`: every rule: `{ id, name, severity, category, fix, summary, docs, sources }`
/// (`docs` is Markdown).
#[wasm_bindgen(js_name = rules, skip_typescript)]
pub fn rules_js() -> JsValue {
    to_js(&rules_json().to_string())
}

/// A rule's documentation as `ecslint explain` prints it.
pub fn explain(id: &str) -> Result<String, ApiError> {
    let Some(meta) = registry::find(id) else {
        let hint = match did_you_mean(id, registry::rules().iter().map(|m| m.id)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`ecslint rules` lists them".to_owned(),
        };
        return Err(ApiError::new(
            ErrorCode::UnknownRule,
            "",
            format!("`{id}` is not a rule: {hint}"),
        ));
    };
    Ok(format!(
        "{} ({}, {})\n\n{}",
        meta.id,
        meta.severity,
        meta.category.as_str(),
        meta.docs().trim_start()
    ))
}

/// `explain(id)`: the rule's documentation (Markdown, under a line `id (severity,
/// category)`), as `ecslint explain` prints it.
#[wasm_bindgen(js_name = explain, skip_typescript)]
pub fn explain_js(id: String) -> Result<String, JsValue> {
    Ok(explain(&id)?)
}

/// `schema(kind)`: the JSON Schema of `task-definition`, `service` or
/// `container-definitions`.
#[wasm_bindgen(js_name = schema, skip_typescript)]
pub fn schema_js(kind: String) -> Result<JsValue, JsValue> {
    let Some(kind) = SchemaKind::parse(&kind) else {
        return Err(ApiError::new(
            ErrorCode::UnknownKind,
            "",
            format!(
                "`{kind}` is not a kind: use task-definition, service or container-definitions"
            ),
        )
        .into());
    };
    Ok(to_js(&json_schema(kind).to_string()))
}

/// A report (JSON text) in `format`.
pub fn format_report(report: &str, format: &str) -> Result<String, ApiError> {
    let Some(format) = Format::parse(format) else {
        return Err(ApiError::new(
            ErrorCode::UnknownFormat,
            "",
            format!("`{format}` is not a format: use json, sarif, github or junit (pretty is rendered in JS)"),
        ));
    };
    let report = Report::from_json(report).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidReport,
            "not an ecslint report",
            e.to_string(),
        )
    })?;
    Ok(output::format(&report, format, VERSION))
}

/// `formatReport(report, format)`: a report (the object, or its JSON text) as `json`,
/// `sarif`, `github` or `junit` text, byte for byte what `ecslint check --format FORMAT`
/// prints.
#[wasm_bindgen(js_name = formatReport, skip_typescript)]
pub fn format_report_js(report: JsValue, format: String) -> Result<String, JsValue> {
    let text = match report.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&report)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidReport,
                    "not an ecslint report",
                    "not JSON",
                )
            })?,
    };
    Ok(format_report(&text, &format)?)
}

/// `version()`: the version of ecslint (the workspace's, also the npm package's).
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version_js() -> String {
    VERSION.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASK: &str = r#"{"family": "web", "cpu": 256, "containerDefinitions": [{"name": "a", "image": "nginx", "essential": true, "memory": 512}]}"#;

    #[test]
    fn options_are_checked() {
        let e = Options::from_json(r#"{"configs": ""}"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidOptions);
        assert!(e
            .message
            .starts_with("invalid options: unknown field `configs`"));
        let e = Options::from_json(r#"{"kind": "taskdef"}"#)
            .unwrap()
            .kind()
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownKind);
    }

    #[test]
    fn options_errors_are_serdes() {
        let e = |json: &str| Options::from_json(json).unwrap_err().reason;
        assert_eq!(
            e(r#"{"configs": ""}"#),
            "unknown field `configs`, expected one of `path`, `kind`, `config`, `select`, `ignore`, `assume`, `reportUnknownKind`, `unsafe`, `taskDefinition`, `ecspresso`, `pairNote`, `deployer`, `repository`, `files`"
        );
        assert_eq!(
            e(r#"{"assume": {"launch": 1}}"#),
            "unknown field `launch`, expected `launchType` or `operatingSystemFamily`"
        );
        assert_eq!(
            e(r#"{"path": 3}"#),
            "invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            e(r#"{"unsafe": 1.5}"#),
            "invalid type: floating point `1.5`, expected a boolean"
        );
        assert_eq!(
            e(r#"{"select": "x"}"#),
            r#"invalid type: string "x", expected a sequence"#
        );
        assert_eq!(
            e(r#"{"select": [true]}"#),
            "invalid type: boolean `true`, expected a string"
        );
        assert_eq!(
            e(r#"{"assume": []}"#),
            "invalid type: sequence, expected struct Assume"
        );
        assert_eq!(
            e(r#"{"taskDefinition": {"path": "t.json"}}"#),
            "missing field `text`"
        );
        assert_eq!(
            e(r#"{"repository": {"path": "a", "files": [{"path": "b", "text": "", "x": 1}]}}"#),
            "unknown field `x`, expected one of `path`, `text`, `shown`"
        );
        assert_eq!(e("[]"), "invalid type: sequence, expected struct Options");
        // `null` members are absent ones.
        let o = Options::from_json(
            r#"{"path": null, "select": null, "config": null, "repository": {"root": null, "path": "x", "files": []}}"#,
        )
        .unwrap();
        assert!(o.path.is_none() && o.select.is_none() && o.config.is_none());
        let repo = o.repository.unwrap();
        assert!(repo.root.is_none() && repo.path == "x" && repo.files.is_empty());
    }

    /// A `.tf` file with the other files of its module (tests/fixtures/terraform/infra), as
    /// the npm bin hands them: the findings and related places the CLI reports.
    #[test]
    fn terraform_with_its_module_files() {
        const DIR: &str = "infra";
        let file = |name: &str, text: &str| TaskDefinitionOption {
            path: format!("{DIR}/{name}"),
            text: text.to_owned(),
        };
        let task = include_str!("../../../tests/fixtures/terraform/infra/task.tf");
        let service = include_str!("../../../tests/fixtures/terraform/infra/service.tf");
        let containers = include_str!("../../../tests/fixtures/terraform/infra/containers.json");
        let variables = include_str!("../../../tests/fixtures/terraform/infra/variables.tf");
        assert_eq!(
            ecslint_core::forms::terraform::referenced_files(Some("infra/task.tf"), task),
            ["infra/containers.json"]
        );
        let lint = |path: &str, text: &str, files: Vec<TaskDefinitionOption>| {
            let options = Options {
                path: Some(path.to_owned()),
                files: Some(files),
                ..Options::default()
            };
            let settings = options.settings().unwrap();
            lint_input(&Input::Text(text.to_owned()), &options, &settings).unwrap()
        };
        let module = || {
            vec![
                file("service.tf", service),
                file("variables.tf", variables),
                file("containers.json", containers),
            ]
        };
        let report = lint("infra/task.tf", task, module());
        assert_eq!(report.kind, DocumentKind::Terraform);
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["fargate-cpu-memory-combination"]);
        let mut files = module();
        files[0] = file("task.tf", task);
        let report = lint("infra/service.tf", service, files);
        let d = &report.diagnostics[0];
        assert_eq!(d.rule, "load-balancer-container-port-in-task-definition");
        assert_eq!(d.related[0].path.as_deref(), Some("infra/containers.json"));
        assert_eq!(d.related[0].range.start.line, 6);
        // The JSON file, with the module that reads it: that task definition's containers.
        let report = lint(
            "infra/containers.json",
            containers,
            vec![file("task.tf", task), file("service.tf", service)],
        );
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["port-mapping-awsvpc-host-host-port"]);
        // Without its module, the service cannot be checked against the task definition.
        let report = lint("infra/service.tf", service, Vec::new());
        assert!(report
            .diagnostics
            .iter()
            .all(|d| d.rule != "load-balancer-container-port-in-task-definition"));
        let e = Options::from_json(r#"{"files": [{"path": "a.tf"}]}"#).unwrap_err();
        assert_eq!(e.reason, "missing field `text`");
    }

    #[test]
    fn config_as_toml_json_or_object() {
        for config in [
            json!("ignore = [\"invalid-type\"]"),
            json!("{\"ignore\": [\"invalid-type\"]}"),
            json!({"ignore": ["invalid-type"]}),
        ] {
            let options = Options {
                config: Some(config),
                ..Options::default()
            };
            let settings = options.settings().unwrap();
            let file = lint_input(&Input::Text(TASK.into()), &options, &settings).unwrap();
            assert!(
                file.diagnostics.iter().all(|d| d.rule != "invalid-type"),
                "{:?}",
                file.diagnostics
            );
        }
    }

    #[test]
    fn config_errors_point_into_the_toml() {
        let options = Options {
            config: Some(json!("select = 3\n")),
            ..Options::default()
        };
        let e = options.config().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidConfig);
        assert!(
            e.message.starts_with("invalid configuration: "),
            "{}",
            e.message
        );
        let range: Value = serde_json::from_str(&e.range.unwrap()).unwrap();
        assert_eq!(range["start"]["line"], 1);
    }

    #[test]
    fn select_wins_over_config_levels() {
        let options = Options {
            config: Some(json!("[rules]\ninvalid-type = \"warning\"\n")),
            select: Some(vec!["unknown-field".into()]),
            ..Options::default()
        };
        let config = options.config().unwrap();
        assert!(config.rules.is_empty());
        let e = Options {
            ignore: Some(vec!["nope".into()]),
            ..Options::default()
        }
        .config()
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidSelect);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_reported_not_fixed() {
        let options = Options::default();
        let bytes = Input::Bytes(b"{\"family\": \"\xff\"}".to_vec());
        let fixed = fix_input(&bytes, &options).unwrap();
        assert!(!fixed.fixed);
        assert_eq!(fixed.report.diagnostics[0].rule, "invalid-utf8");
    }

    #[test]
    fn fix_applies_safe_fixes() {
        let fixed = fix_input(&Input::Text(TASK.into()), &Options::default()).unwrap();
        assert!(fixed.fixed);
        assert!(fixed.text.contains("\"cpu\": \"256\""));
    }

    #[test]
    fn pair_lints_both() {
        let report = lint_pair(
            &Input::Text(r#"{"desiredCount": "1"}"#.into()),
            "service.json",
            &Input::Text(TASK.into()),
            "taskdef.json",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(report.files.len(), 2);
        assert_eq!(report.files[0].kind, DocumentKind::Service);
        assert_eq!(report.files[1].kind, DocumentKind::TaskDefinition);
    }

    #[test]
    fn pair_checks_the_service_against_the_task_definition() {
        let service = r#"{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1, "launchType": "EC2",
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#;
        let task = r#"{"family": "web", "networkMode": "bridge", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]}"#;
        let report = lint_pair(
            &Input::Text(service.into()),
            "service.json",
            &Input::Text(task.into()),
            "taskdef.json",
            &Options::default(),
        )
        .unwrap();
        let d = report.files[0]
            .diagnostics
            .iter()
            .find(|d| d.rule == "network-configuration-only-for-awsvpc")
            .expect("the cross-check runs");
        assert_eq!(d.related[0].path.as_deref(), Some("taskdef.json"));
        assert_eq!(d.related[0].range.start.line, 1);
    }

    #[test]
    fn explain_and_formats() {
        assert!(explain("unknown-field")
            .unwrap()
            .starts_with("unknown-field (error, structure)\n\n"));
        assert_eq!(
            explain("unknown-feld").unwrap_err().reason,
            "`unknown-feld` is not a rule: did you mean `unknown-field`?"
        );
        let settings = Settings::default();
        let file = lint_input(&Input::Text(TASK.into()), &Options::default(), &settings).unwrap();
        let json = Report::new(vec![file]).to_json();
        assert_eq!(format_report(&json, "json").unwrap(), format!("{json}\n"));
        assert!(format_report(&json, "github")
            .unwrap()
            .contains("::error file=<input>,line=1,col=26,"));
        assert_eq!(
            format_report(&json, "pretty").unwrap_err().code,
            ErrorCode::UnknownFormat
        );
        assert_eq!(
            format_report("{}", "json").unwrap_err().code,
            ErrorCode::InvalidReport
        );
    }
}
