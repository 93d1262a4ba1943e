//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` lists every rule of the registry (so `ruleIndex` is the
//! registry order) with its summary and Markdown docs. Each result has the file's relative
//! URI, a region in lines and columns (columns count Unicode code points, declared with
//! `columnKind`), the JSON pointer as a logical location and, when the diagnostic has a
//! fix, the fix as byte-offset replacements.

use std::io::{self, Write};

use ecslint_core::registry;
use ecslint_core::report::{Report, ReportDiagnostic};
use ecslint_core::{Diagnostic, Severity};
use serde_json::{json, Value};

use super::Linted;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/ecslint/ecslint";

pub fn write(out: &mut dyn Write, files: &[Linted], report: &Report) -> io::Result<()> {
    let sarif = build(files, report);
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// The SARIF log of a run.
pub fn build(files: &[Linted], report: &Report) -> Value {
    let rules: Vec<Value> = registry::rules()
        .iter()
        .map(|meta| {
            let docs = meta.docs();
            json!({
                "id": meta.id,
                "name": meta.name,
                "shortDescription": { "text": meta.summary() },
                "fullDescription": { "text": meta.summary() },
                "help": { "text": docs, "markdown": docs },
                "defaultConfiguration": { "level": level(meta.severity) },
                "properties": { "category": meta.category.as_str(), "fix": meta.fix },
            })
        })
        .collect();
    let mut results = Vec::new();
    for (file, linted) in report.files.iter().zip(files) {
        let uri = uri(&file.path);
        for (d, core) in file.diagnostics.iter().zip(&linted.result.diagnostics) {
            results.push(result(&uri, d, core));
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ecslint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn result(uri: &str, d: &ReportDiagnostic, core: &Diagnostic) -> Value {
    let rule_index = registry::rules().iter().position(|m| m.id == d.rule);
    let text = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": {
                "startLine": d.range.start.line,
                "startColumn": d.range.start.column,
                "endLine": d.range.end.line,
                "endColumn": d.range.end.column,
                "byteOffset": core.range.start,
                "byteLength": core.range.len(),
            }
        }
    });
    if !d.pointer.is_empty() {
        location["logicalLocations"] = json!([{
            "name": d.pointer.rsplit('/').next().unwrap_or_default(),
            "fullyQualifiedName": d.pointer,
            "kind": "member",
        }]);
    }
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location],
        "properties": { "pointer": d.pointer },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .zip(&core.related)
        .enumerate()
        .map(|(id, (r, core))| {
            let uri = r.path.as_deref().map_or_else(|| uri.to_owned(), self::uri);
            json!({
                "id": id,
                "message": { "text": r.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": {
                        "startLine": r.range.start.line,
                        "startColumn": r.range.start.column,
                        "endLine": r.range.end.line,
                        "endColumn": r.range.end.column,
                        "byteOffset": core.range.start,
                        "byteLength": core.range.len(),
                    }
                }
            })
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &core.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": { "byteOffset": e.range.start, "byteLength": e.range.len() },
                    "insertedContent": { "text": e.new_text },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{ "artifactLocation": { "uri": uri }, "replacements": replacements }],
            "properties": { "applicability": fix.applicability },
        }]);
    }
    result
}

/// SARIF's level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI: relative paths as relative references (forward slashes, reserved
/// characters escaped), absolute ones as `file://` URIs.
fn uri(path: &str) -> String {
    let absolute = std::path::Path::new(path).is_absolute();
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str(if path.starts_with('/') {
            "file://"
        } else {
            "file:///"
        });
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':'
                if absolute || b != b':' =>
            {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_escaped() {
        assert_eq!(uri("dir\\my task.json"), "dir/my%20task.json");
    }
}
