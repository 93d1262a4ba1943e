//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` lists every rule of the registry (so `ruleIndex` is the
//! registry order) with its summary, its Markdown docs as `help`, its default level, and
//! the properties GitHub code scanning reads: `tags` (`ecs` and the category, so `security`
//! for security rules), `precision`, and for security rules a `security-severity` score.
//! Each result has the file's URI (relative paths stay relative, resolved against
//! `%SRCROOT%`, the directory ecslint ran in: run it from the repository root so that code
//! scanning finds the file), a region in lines and columns (columns count Unicode code
//! points, declared with `columnKind`) and in bytes (the report's offsets), the JSON pointer
//! as a logical location, a `partialFingerprints` entry that follows the finding through
//! edits that move lines (rule, file and pointer, not line numbers), and, when the
//! diagnostic has a fix, the fix as byte-offset replacements.
//!
//! The output is validated against the OASIS SARIF 2.1.0 JSON Schema in
//! `tests/integrations.rs`. Environment values are redacted first
//! ([`super::redact_environment_values`]).

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::diagnostic::Severity;
use crate::registry;
use crate::report::{Report, ReportDiagnostic, Span};
use crate::rule::{Category, RuleMeta};

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

/// The base that relative URIs are resolved against: the directory ecslint ran in.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of ecslint's own entry in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "ecslint/v1";

/// The SARIF log of a run, as a JSON value.
pub fn build(report: &Report, tool_version: &str) -> Value {
    let report = &*super::redact_environment_values(report);
    let rules: Vec<Value> = registry::rules().iter().map(|meta| rule(meta)).collect();
    let mut results = Vec::new();
    for file in &report.files {
        let uri = uri(&file.path);
        // How often each fingerprint has been seen in this file, so that two findings of
        // one rule at one pointer stay apart.
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for d in &file.diagnostics {
            let mut result = result(&uri, d);
            // How the file is deployed, which decided the finding's severity.
            if let Some(deployer) = &file.deployer {
                result["properties"]["deployer"] = json!(deployer);
            }
            let hash = fingerprint(&file.path, d);
            let n = seen.entry(hash).or_default();
            *n += 1;
            result["partialFingerprints"] = json!({ FINGERPRINT_KEY: format!("{hash:016x}:{n}") });
            results.push(result);
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

/// A rule's reporting descriptor.
fn rule(meta: &RuleMeta) -> Value {
    let docs = meta.docs();
    // The category as a tag (`security` is the one code scanning gives a meaning to).
    let tags = ["ecs", meta.category.as_str()];
    let mut properties = json!({
        "category": meta.category.as_str(),
        "fix": meta.fix,
        "tags": tags,
        "precision": precision(meta.category),
    });
    if let Some(score) = security_severity(meta) {
        properties["security-severity"] = json!(score);
    }
    json!({
        "id": meta.id,
        "name": meta.name,
        "shortDescription": { "text": meta.summary() },
        "fullDescription": { "text": meta.summary() },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(meta.severity), "enabled": meta.default_enabled },
        "properties": properties,
    })
}

/// How sure a rule is of its findings, as code scanning's `precision` (very-high, high,
/// medium, low): the JSON and the API model are facts; the other rules rest on the API
/// reference and judgement.
fn precision(category: Category) -> &'static str {
    match category {
        Category::Syntax | Category::Structure => "very-high",
        Category::Correctness | Category::Security => "high",
        Category::Suspicious | Category::BestPractice => "medium",
    }
}

/// Code scanning's `security-severity` (a CVSS-like score as a string: 9.0+ critical, 7.0+
/// high, 4.0+ medium, below low), for security rules only. From the default severity, but a
/// credential in plaintext is high whatever the rule's default (its findings are advice for
/// a suspicious name, a warning for a value shaped like a real key).
fn security_severity(meta: &RuleMeta) -> Option<&'static str> {
    if meta.category != Category::Security {
        return None;
    }
    if meta.id == "environment-no-plaintext-secrets" {
        return Some("7.5");
    }
    Some(match meta.severity {
        Severity::Error => "8.0",
        Severity::Warning => "5.5",
        Severity::Info => "3.0",
    })
}

/// A stable 64-bit FNV-1a hash of what identifies a finding across runs: the rule, the
/// file, and the JSON pointer (or, for findings without one, such as syntax errors, the
/// message). Line and column numbers are left out on purpose.
fn fingerprint(path: &str, d: &ReportDiagnostic) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let what = if d.pointer.is_empty() {
        &d.message
    } else {
        &d.pointer
    };
    for part in [d.rule, path, what] {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// An artifact location: relative URIs against [`SRCROOT`], absolute ones as they are.
fn artifact_location(uri: &str) -> Value {
    if uri.starts_with("file:") {
        json!({ "uri": uri })
    } else {
        json!({ "uri": uri, "uriBaseId": SRCROOT })
    }
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
            "artifactLocation": artifact_location(uri),
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
                    "artifactLocation": artifact_location(&uri),
                    "region": region(&r.range),
                }
            })
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    // A fix whose edits were withheld (an environment value) cannot be a SARIF fix, which
    // needs at least one replacement.
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
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
            "artifactChanges": [{ "artifactLocation": artifact_location(uri), "replacements": replacements }],
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
