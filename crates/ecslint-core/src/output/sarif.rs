//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` lists every rule of the registry (so `ruleIndex` is the
//! registry order) with its summary and Markdown docs. Each result has the file's relative
//! URI, a region in lines and columns (columns count Unicode code points, declared with
//! `columnKind`) and in bytes (the report's offsets), the JSON pointer as a logical
//! location and, when the diagnostic has a fix, the fix as byte-offset replacements.

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::registry;
use crate::report::{Report, ReportDiagnostic, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/ecslint/ecslint";

/// The SARIF log of a run, pretty-printed, ending with a newline. `tool_version` is the
/// driver's `version` and `semanticVersion`.
pub fn sarif(report: &Report, tool_version: &str) -> String {
    let mut out = serde_json::to_string_pretty(&build(report, tool_version))
        .expect("a SARIF log always serialises");
    out.push('\n');
    out
}

/// The SARIF log of a run, as a JSON value.
pub fn build(report: &Report, tool_version: &str) -> Value {
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
    for file in &report.files {
        let uri = uri(&file.path);
        for d in &file.diagnostics {
            results.push(result(&uri, d));
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ecslint",
                    "version": tool_version,
                    "semanticVersion": tool_version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// A region: lines and columns, and the byte range.
fn region(span: &Span) -> Value {
    json!({
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column,
        "byteOffset": span.start.offset,
        "byteLength": span.end.offset.saturating_sub(span.start.offset),
    })
}

fn result(uri: &str, d: &ReportDiagnostic) -> Value {
    let rule_index = registry::rules().iter().position(|m| m.id == d.rule);
    let text = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region(&d.range),
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
        .enumerate()
        .map(|(id, r)| {
            let uri = r.path.as_deref().map_or_else(|| uri.to_owned(), self::uri);
            json!({
                "id": id,
                "message": { "text": r.message },
                "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": region(&r.range),
                }
            })
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": {
                        "byteOffset": e.range.start.offset,
                        "byteLength": e.range.end.offset.saturating_sub(e.range.start.offset),
                    },
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

/// Whether `path` is absolute on Unix or Windows, whatever the host (the wasm build has no
/// notion of the platform it runs on).
fn is_absolute(path: &str) -> bool {
    let b = path.as_bytes();
    path.starts_with('/')
        || path.starts_with("\\\\")
        || (b.len() >= 3
            && b[0].is_ascii_alphabetic()
            && b[1] == b':'
            && matches!(b[2], b'\\' | b'/'))
}

/// A path as a URI: relative paths as relative references (forward slashes, reserved
/// characters escaped), absolute ones as `file://` URIs.
pub fn uri(path: &str) -> String {
    let absolute = is_absolute(path);
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
        assert_eq!(uri("/a b/t.json"), "file:///a%20b/t.json");
        assert_eq!(uri("C:\\x\\t.json"), "file:///C:/x/t.json");
    }
}
