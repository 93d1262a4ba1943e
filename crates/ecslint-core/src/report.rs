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
//! A report also deserialises (members it does not know are skipped), so that a host can
//! hand one back to [`crate::output`] for another format.

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
    let id = String::deserialize(deserializer)?;
    if let Some(meta) = crate::registry::find(&id) {
        return Ok(meta.id);
    }
    static UNKNOWN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut unknown = UNKNOWN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(known) = unknown.get(id.as_str()) {
        return Ok(known);
    }
    let leaked: &'static str = Box::leak(id.into_boxed_str());
    unknown.insert(leaked);
    Ok(leaked)
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

    /// Reads a report written by [`Report::to_json`] (or any host's copy of it).
    pub fn from_json(text: &str) -> Result<Report, serde_json::Error> {
        serde_json::from_str(text)
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
}
