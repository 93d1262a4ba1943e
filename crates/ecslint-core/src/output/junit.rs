//! JUnit XML for CI test report viewers.
//!
//! One `<testsuite name="ecslint">`, one `<testcase>` per linted file (a clean file is a
//! passing test), one `<failure>` per error or warning. Info diagnostics are not failures:
//! they are listed in the test case's `<system-out>`. `failures` counts `<failure>`
//! elements. Environment values are redacted first ([`super::redact_environment_values`]).

use std::fmt::Write;

use crate::diagnostic::Severity;
use crate::report::{Report, ReportDiagnostic};

/// The XML document, ending with a newline.
pub fn junit(report: &Report) -> String {
    let report = &*super::redact_environment_values(report);
    let mut out = String::new();
    let tests = report.files.len();
    let failures = report.summary.errors + report.summary.warnings;
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<testsuites name="ecslint" tests="{tests}" failures="{failures}" errors="0">"#
    );
    let _ = writeln!(
        out,
        r#"  <testsuite name="ecslint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    );
    for file in &report.files {
        let path = escape(&file.path);
        let (infos, failing): (Vec<&ReportDiagnostic>, Vec<&ReportDiagnostic>) = file
            .diagnostics
            .iter()
            .partition(|d| d.severity == Severity::Info);
        if failing.is_empty() && infos.is_empty() {
            let _ = writeln!(out, r#"    <testcase classname="{path}" name="{path}"/>"#);
            continue;
        }
        let _ = writeln!(out, r#"    <testcase classname="{path}" name="{path}">"#);
        for d in failing {
            let _ = writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                escape(&d.message),
                escape(d.rule),
                escape(&body(d)),
            );
        }
        let deployed = file
            .deployer
            .as_ref()
            .filter(|d| d.name != "aws-cli")
            .map(|d| match &d.source {
                Some(s) => format!("deployed by {} ({}:{})", d.name, s.path, s.line),
                None => format!("deployed by {}", d.name),
            });
        if !infos.is_empty() || deployed.is_some() {
            let lines: Vec<String> = deployed
                .into_iter()
                .chain(infos.iter().map(|d| format!("{} [{}]", body(d), d.rule)))
                .collect();
            let _ = writeln!(
                out,
                "      <system-out>{}</system-out>",
                escape(&lines.join("\n"))
            );
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
    out.push_str("</testsuites>\n");
    out
}

/// `line:col message`, then the help on the next line.
fn body(d: &ReportDiagnostic) -> String {
    let mut text = format!(
        "{}:{} {}",
        d.range.start.line, d.range.start.column, d.message
    );
    if let Some(help) = &d.help {
        text.push('\n');
        text.push_str(help);
    }
    text
}

/// Escapes text for an XML attribute or element; characters XML 1.0 cannot hold become
/// U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
