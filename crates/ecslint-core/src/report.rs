//! The JSON report: the stable, documented contract of `ecslint check --format json`, also
//! returned by the wasm API so that every host reads the same shape.
//!
//! ```json
//! {"version":1,"files":[{"path":"taskdef.json","kind":"task-definition","diagnostics":[
//!   {"rule":"invalid-type","severity":"error","message":"…","pointer":"/containerDefinitions/0/memory",
//!    "range":{"start":{"line":1,"column":1,"offset":0},"end":{"line":1,"column":9,"offset":8}},
//!    "help":"…","fix":null,"related":[]}]}],
//!  "summary":{"files":1,"errors":1,"warnings":0,"infos":0}}
//! ```
//!
//! Lines and columns are 1-based; columns count Unicode characters; offsets are bytes.
//! `fix`, when present, is `{"applicability":"safe"|"unsafe","message":"…","edits":[{"range":…,"newText":"…"}]}`.
//! `related` lists secondary locations (`{"message","range","pointer","path"}`; `path` is null
//! for the same file). `skipped` lists the files a directory walk found and did not lint
//! (`{"path","reason"}`). New members may be added in later versions; none is removed or renamed
//! without a new `version`.
//!
//! A report also reads back ([`Report::from_json`]: members it does not know are skipped), so
//! that a host can hand one back to [`crate::output`] for another format. That reader is
//! written out by hand over a [`serde_json::Value`] rather than derived: the derived
//! `Deserialize` of these types cost the npm package's WebAssembly about 40 KB (the derives
//! stay, for Rust users of the types).

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize};

use crate::deploy::DeployedBy;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::DocumentKind;
use crate::lint::LintResult;
use crate::text::{LineIndex, Position, TextRange};

/// Version of the report's format.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub files: Vec<FileReport>,
    /// Files a directory walk found and did not lint, with the reason (not an ECS document,
    /// a template that is JSON only once rendered).
    #[serde(default)]
    pub skipped: Vec<Skipped>,
    pub summary: Summary,
}

/// A file found by walking a directory and not linted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    pub kind: DocumentKind,
    /// Who deploys the file, as found (`source`: where that was read; `null` when configured
    /// or assumed): the first of `deployers`.
    #[serde(default)]
    pub deployer: Option<DeployedBy>,
    /// Every way the file is deployed; each judged it.
    #[serde(default)]
    pub deployers: Vec<DeployedBy>,
    pub diagnostics: Vec<ReportDiagnostic>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportDiagnostic {
    #[serde(deserialize_with = "rule_id")]
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub pointer: String,
    pub range: Span,
    pub help: Option<String>,
    pub fix: Option<ReportFix>,
    pub related: Vec<ReportRelated>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportFix {
    pub applicability: Applicability,
    pub message: String,
    pub edits: Vec<ReportEdit>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportEdit {
    pub range: Span,
    pub new_text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportRelated {
    pub message: String,
    pub range: Span,
    pub pointer: Option<String>,
    /// The other document's path; `None` for the same file.
    pub path: Option<String>,
}

/// A rule's id (an alias, so that serde does not try to borrow it from the input).
pub type RuleId = &'static str;

/// A rule id read back from a report: the registry's own string, or (for an id this
/// version does not know) a copy kept for the life of the program, once per distinct id.
fn rule_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    String::deserialize(deserializer).map(intern_rule_id)
}

/// [`rule_id`] of an id read.
fn intern_rule_id(id: String) -> &'static str {
    if let Some(meta) = crate::registry::find(&id) {
        return meta.id;
    }
    static UNKNOWN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut unknown = UNKNOWN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(known) = unknown.get(id.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(id.into_boxed_str());
    unknown.insert(leaked);
    leaked
}

/// Resolves byte ranges of one document to lines and columns.
pub struct Locator<'t> {
    text: &'t str,
    index: LineIndex,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        Locator {
            text,
            index: LineIndex::new(text),
        }
    }

    pub fn span(&self, range: TextRange) -> Span {
        Span {
            start: self.index.position(self.text, range.start),
            end: self.index.position(self.text, range.end),
        }
    }
}

impl FileReport {
    /// The report of one file. `text` is the document's text (for invalid UTF-8, the lossy
    /// conversion: diagnostics lie before the first invalid byte). `others` (path and text)
    /// resolve related locations in other documents: the paired task definition, the
    /// workflow that deploys the file.
    pub fn new(path: &str, text: &str, result: &LintResult, others: &[(&str, &str)]) -> Self {
        Self::with_others(path, text, result, others)
    }

    /// [`FileReport::new`], by the name the Terraform hosts call it (a Terraform service's
    /// task definition may be in another `.tf` file, its containers in a JSON file).
    pub fn with_others(
        path: &str,
        text: &str,
        result: &LintResult,
        others: &[(&str, &str)],
    ) -> Self {
        let here = Locator::new(text);
        let there: Vec<(&str, Locator<'_>)> = others
            .iter()
            .filter(|(p, _)| {
                others.len() == 1
                    || result
                        .diagnostics
                        .iter()
                        .any(|d| d.related.iter().any(|r| r.document.as_deref() == Some(*p)))
            })
            .map(|(p, t)| (*p, Locator::new(t)))
            .collect();
        let diagnostics = result
            .diagnostics
            .iter()
            .map(|d| ReportDiagnostic::new(d, &here, &there))
            .collect();
        FileReport {
            path: path.to_owned(),
            kind: result.kind,
            deployer: result.deployed_by.first().cloned(),
            deployers: result.deployed_by.clone(),
            diagnostics,
        }
    }
}

impl ReportDiagnostic {
    fn new(d: &Diagnostic, here: &Locator<'_>, there: &[(&str, Locator<'_>)]) -> Self {
        ReportDiagnostic {
            rule: d.rule,
            severity: d.severity,
            message: d.message.clone(),
            pointer: d.pointer.clone(),
            range: here.span(d.range),
            help: d.help.clone(),
            fix: d.fix.as_ref().map(|f| ReportFix {
                applicability: f.applicability,
                message: f.message.clone(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| ReportEdit {
                        range: here.span(e.range),
                        new_text: e.new_text.clone(),
                    })
                    .collect(),
            }),
            related: d
                .related
                .iter()
                .map(|r| {
                    // The other document named so, else the only one there is.
                    let locator = match &r.document {
                        Some(doc) => there
                            .iter()
                            .find(|(p, _)| p == doc)
                            .or(match there {
                                [only] => Some(only),
                                _ => None,
                            })
                            .map_or(here, |(_, l)| l),
                        None => here,
                    };
                    ReportRelated {
                        message: r.message.clone(),
                        range: locator.span(r.range),
                        pointer: r.pointer.clone(),
                        path: r.document.clone(),
                    }
                })
                .collect(),
        }
    }
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Self {
        let mut summary = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report {
            version: REPORT_VERSION,
            files,
            skipped: Vec::new(),
            summary,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }

    /// Reads a report written by [`Report::to_json`] (or any host's copy of it): what the
    /// derived `Deserialize` reads (members it does not know are skipped; an absent `Option`
    /// is `None`, an absent `skipped`, `deployer` or `deployers` empty), written out by hand.
    pub fn from_json(text: &str) -> Result<Report, ReportError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ReportError(e.to_string()))?;
        read::report(&value)
    }
}

/// Why a text is not a report ([`Report::from_json`]): the JSON error, or which member is
/// missing or of the wrong type (`files[0].diagnostics[1].range: missing \`start\``).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError(pub String);

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReportError {}

/// [`Report::from_json`]'s reader, one function a type.
mod read {
    use serde_json::{Map, Value};

    use super::*;
    use crate::deploy::Evidence;

    type Result<T> = std::result::Result<T, ReportError>;
    type Object = Map<String, Value>;

    fn error<T>(at: &str, message: impl std::fmt::Display) -> Result<T> {
        Err(ReportError(if at.is_empty() {
            message.to_string()
        } else {
            format!("`{at}`: {message}")
        }))
    }

    fn object<'v>(value: &'v Value, at: &str) -> Result<&'v Object> {
        value
            .as_object()
            .map_or_else(|| error(at, "expected an object"), Ok)
    }

    /// A member that must be there.
    fn member<'v>(o: &'v Object, name: &str, at: &str) -> Result<(&'v Value, String)> {
        let here = if at.is_empty() {
            name.to_owned()
        } else {
            format!("{at}.{name}")
        };
        match o.get(name) {
            Some(v) => Ok((v, here)),
            None => error(at, format_args!("missing member `{name}`")),
        }
    }

    fn string(value: &Value, at: &str) -> Result<String> {
        value
            .as_str()
            .map_or_else(|| error(at, "expected a string"), |s| Ok(s.to_owned()))
    }

    fn required_string(o: &Object, name: &str, at: &str) -> Result<String> {
        let (v, at) = member(o, name, at)?;
        string(v, &at)
    }

    /// An `Option` member: absent or `null` is `None`.
    fn optional<'v, T>(
        o: &'v Object,
        name: &str,
        at: &str,
        read: impl FnOnce(&'v Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        match o.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v, &format!("{at}.{name}")).map(Some),
        }
    }

    fn number<T: TryFrom<u64>>(o: &Object, name: &str, at: &str) -> Result<T> {
        let (v, at) = member(o, name, at)?;
        match v.as_u64().map(T::try_from) {
            Some(Ok(n)) => Ok(n),
            _ => error(&at, "expected a non-negative integer"),
        }
    }

    /// An array member; `default`: absent is empty.
    fn array<T>(
        o: &Object,
        name: &str,
        at: &str,
        default: bool,
        read: impl Fn(&Value, &str) -> Result<T>,
    ) -> Result<Vec<T>> {
        let (v, at) = match o.get(name) {
            None if default => return Ok(Vec::new()),
            _ => member(o, name, at)?,
        };
        let Some(items) = v.as_array() else {
            return error(&at, "expected an array");
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &format!("{at}[{i}]")))
            .collect()
    }

    /// A string member that must be one of `names`.
    fn one_of<T: Copy>(o: &Object, name: &str, at: &str, names: &[(&str, T)]) -> Result<T> {
        let (v, at) = member(o, name, at)?;
        let s = string(v, &at)?;
        match names.iter().find(|(n, _)| *n == s) {
            Some((_, t)) => Ok(*t),
            None => error(&at, format_args!("unknown value `{s}`")),
        }
    }

    pub(super) fn report(value: &Value) -> Result<Report> {
        let o = object(value, "")?;
        Ok(Report {
            version: number(o, "version", "")?,
            files: array(o, "files", "", false, file)?,
            skipped: array(o, "skipped", "", true, skipped)?,
            summary: {
                let (v, at) = member(o, "summary", "")?;
                let s = object(v, &at)?;
                Summary {
                    files: number(s, "files", &at)?,
                    errors: number(s, "errors", &at)?,
                    warnings: number(s, "warnings", &at)?,
                    infos: number(s, "infos", &at)?,
                }
            },
        })
    }

    fn skipped(value: &Value, at: &str) -> Result<Skipped> {
        let o = object(value, at)?;
        Ok(Skipped {
            path: required_string(o, "path", at)?,
            reason: required_string(o, "reason", at)?,
        })
    }

    fn file(value: &Value, at: &str) -> Result<FileReport> {
        let o = object(value, at)?;
        let kinds: Vec<(&str, DocumentKind)> = DocumentKind::ALL
            .iter()
            .chain([&DocumentKind::Unknown])
            .map(|k| (k.as_str(), *k))
            .collect();
        Ok(FileReport {
            path: required_string(o, "path", at)?,
            kind: one_of(o, "kind", at, &kinds)?,
            deployer: optional(o, "deployer", at, deployed_by)?,
            deployers: array(o, "deployers", at, true, deployed_by)?,
            diagnostics: array(o, "diagnostics", at, false, diagnostic)?,
        })
    }

    fn deployed_by(value: &Value, at: &str) -> Result<DeployedBy> {
        let o = object(value, at)?;
        Ok(DeployedBy {
            name: required_string(o, "name", at)?,
            source: optional(o, "source", at, |v, at| {
                let o = object(v, at)?;
                Ok(Evidence {
                    path: required_string(o, "path", at)?,
                    line: number(o, "line", at)?,
                    range: None,
                })
            })?,
        })
    }

    fn diagnostic(value: &Value, at: &str) -> Result<ReportDiagnostic> {
        let o = object(value, at)?;
        let severities = [
            ("info", Severity::Info),
            ("warning", Severity::Warning),
            ("error", Severity::Error),
        ];
        Ok(ReportDiagnostic {
            rule: intern_rule_id(required_string(o, "rule", at)?),
            severity: one_of(o, "severity", at, &severities)?,
            message: required_string(o, "message", at)?,
            pointer: required_string(o, "pointer", at)?,
            range: span_member(o, "range", at)?,
            help: optional(o, "help", at, string)?,
            fix: optional(o, "fix", at, fix)?,
            related: array(o, "related", at, false, related)?,
        })
    }

    fn fix(value: &Value, at: &str) -> Result<ReportFix> {
        let o = object(value, at)?;
        let applicabilities = [
            ("safe", Applicability::Safe),
            ("unsafe", Applicability::Unsafe),
        ];
        Ok(ReportFix {
            applicability: one_of(o, "applicability", at, &applicabilities)?,
            message: required_string(o, "message", at)?,
            edits: array(o, "edits", at, false, |v, at| {
                let o = object(v, at)?;
                Ok(ReportEdit {
                    range: span_member(o, "range", at)?,
                    new_text: required_string(o, "newText", at)?,
                })
            })?,
        })
    }

    fn related(value: &Value, at: &str) -> Result<ReportRelated> {
        let o = object(value, at)?;
        Ok(ReportRelated {
            message: required_string(o, "message", at)?,
            range: span_member(o, "range", at)?,
            pointer: optional(o, "pointer", at, string)?,
            path: optional(o, "path", at, string)?,
        })
    }

    fn span_member(o: &Object, name: &str, at: &str) -> Result<Span> {
        let (v, at) = member(o, name, at)?;
        let o = object(v, &at)?;
        Ok(Span {
            start: position(o, "start", &at)?,
            end: position(o, "end", &at)?,
        })
    }

    fn position(o: &Object, name: &str, at: &str) -> Result<Position> {
        let (v, at) = member(o, name, at)?;
        let o = object(v, &at)?;
        Ok(Position {
            line: number(o, "line", &at)?,
            column: number(o, "column", &at)?,
            offset: number(o, "offset", &at)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint, LintOptions, Settings};

    #[test]
    fn a_report_reads_back_as_written() {
        let text = "{\"family\": \"web\", \"cpu\": 256, \"containerDefinitions\": [],}";
        let settings = Settings::default();
        let result = lint(text, &LintOptions::new(&settings));
        let report = Report::new(vec![FileReport::new("t.json", text, &result, &[])]);
        let json = report.to_json();
        let back = Report::from_json(&json).unwrap();
        assert_eq!(back.to_json(), json);
        let foreign = json.replace("\"invalid-type\"", "\"not-a-rule-yet\"");
        let back = Report::from_json(&foreign).unwrap();
        assert_eq!(back.files[0].diagnostics[0].rule, "not-a-rule-yet");
    }

    /// The hand-written reader reads what the derived `Deserialize` reads.
    #[test]
    fn the_reader_reads_what_serde_reads() {
        let text = r#"{"family": "web", "family": "api", "cpu": 256, "networkMode": "awsvpc",
            "containerDefinitions": [{"name": "a", "image": "nginx", "memory": 512,
              "dependsOn": [{"containerName": "b", "condition": "START"}]},
              {"name": "b", "image": "nginx", "memory": 512,
              "dependsOn": [{"containerName": "a", "condition": "START"}]}],}"#;
        let settings = Settings::default();
        let result = lint(text, &LintOptions::new(&settings));
        let mut file = FileReport::new("t.json", text, &result, &[]);
        file.deployers = vec![
            DeployedBy {
                name: "ecspresso".into(),
                source: Some(crate::deploy::Evidence {
                    path: "ecspresso.yml".into(),
                    line: 3,
                    range: None,
                }),
            },
            DeployedBy {
                name: "aws-cli".into(),
                source: None,
            },
        ];
        file.deployer = file.deployers.first().cloned();
        let mut report = Report::new(vec![file]);
        report.skipped.push(Skipped {
            path: "package.json".into(),
            reason: "not an ECS document".into(),
        });
        let json = report.to_json();
        assert!(json.contains("\"related\":[{") && json.contains("\"fix\":{"));
        let by_serde: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(
            Report::from_json(&json).unwrap().to_json(),
            by_serde.to_json()
        );
        assert_eq!(by_serde.to_json(), json);
        // Members it does not know are skipped; absent defaults and options are empty.
        let minimal = r#"{"version": 1, "extra": [1], "files": [{"path": "a.json", "kind": "unknown",
            "diagnostics": [{"rule": "invalid-json", "severity": "error", "message": "m", "pointer": "",
              "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 2, "offset": 1}},
              "related": [{"message": "r", "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 1, "offset": 0}}}]}]}],
            "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0}}"#;
        let by_serde: Report = serde_json::from_str(minimal).unwrap();
        let mine = Report::from_json(minimal).unwrap();
        assert_eq!(mine.to_json(), by_serde.to_json());
        assert!(mine.skipped.is_empty() && mine.files[0].deployer.is_none());
        assert_eq!(mine.files[0].diagnostics[0].help, None);
    }

    #[test]
    fn what_is_not_a_report_says_where() {
        let e = |text: &str| Report::from_json(text).unwrap_err().to_string();
        assert_eq!(e("{}"), "missing member `version`");
        assert!(e("{").starts_with("EOF while parsing"), "{}", e("{"));
        assert_eq!(e("[]"), "expected an object");
        assert_eq!(
            e(r#"{"version": -1, "files": [], "summary": {}}"#),
            "`version`: expected a non-negative integer"
        );
        assert_eq!(
            e(r#"{"version": 1, "files": [{"path": "a", "kind": "taskdef"}], "summary": {}}"#),
            "`files[0].kind`: unknown value `taskdef`"
        );
        assert_eq!(
            e(
                r#"{"version": 1, "files": [{"path": "a", "kind": "service", "diagnostics": 3}], "summary": {}}"#
            ),
            "`files[0].diagnostics`: expected an array"
        );
        assert_eq!(
            e(r#"{"version": 1, "files": [], "summary": {"files": 0}}"#),
            "`summary`: missing member `errors`"
        );
    }
}
