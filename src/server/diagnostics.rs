//! The core's diagnostics as LSP diagnostics: ranges in the negotiated encoding, the rule as
//! the code, the help on a second line (as the VS Code extension shows it), related places
//! in this document, in the paired one, or in another file of the workspace (a workflow's
//! render step, a Terraform module's other file).

use ecslint_core::{Diagnostic, Severity};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
};

use super::analysis::Analysis;
use super::positions::{Encoding, LineIndex};
use crate::config::Failure;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "ecslint";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The message shown: the message, then `help: …` on its own line.
pub fn message(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    }
}

/// A related place in another file than the document and its pair, named relative to the
/// workspace root: one its lint read (`Analysis::files`), else the file on disk.
fn elsewhere(
    analysis: &Analysis,
    name: &str,
    range: ecslint_core::text::TextRange,
    encoding: Encoding,
) -> Option<Location> {
    let path = analysis.root.join(name);
    let uri = super::documents::file_uri(&path)?;
    let read;
    let text = match analysis.files.iter().find(|(p, _)| p == name) {
        Some((_, text)) => text.as_str(),
        None => {
            read = std::fs::read_to_string(&path).ok()?;
            read.as_str()
        }
    };
    Some(Location::new(
        uri,
        LineIndex::new(text).range(text, range, encoding),
    ))
}

/// A document's diagnostics.
pub fn to_lsp(analysis: &Analysis, encoding: Encoding) -> Vec<lsp_types::Diagnostic> {
    if let Some(panic) = &analysis.crashed {
        return vec![lsp_types::Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String("internal-error".to_owned())),
            source: Some(SOURCE.to_owned()),
            message: format!(
                "ecslint failed on this document (internal error: {panic}); other documents are still linted. Please report it, with the document"
            ),
            ..Default::default()
        }];
    }
    let Some(result) = &analysis.result else {
        return Vec::new();
    };
    let text = analysis.text.as_str();
    let index = LineIndex::new(text);
    let partner = analysis
        .pairing
        .task_definition
        .as_ref()
        .map(|c| (c, LineIndex::new(&c.text)));
    result
        .diagnostics
        .iter()
        .map(|d| {
            let related: Vec<DiagnosticRelatedInformation> = d
                .related
                .iter()
                .filter_map(|r| {
                    let location = match &r.document {
                        None => Location::new(
                            analysis.uri.clone(),
                            index.range(text, r.range, encoding),
                        ),
                        Some(name) => match partner.as_ref().filter(|(c, _)| &c.shown == name) {
                            Some((c, other)) => Location::new(
                                c.uri.clone(),
                                other.range(&c.text, r.range, encoding),
                            ),
                            None => elsewhere(analysis, name, r.range, encoding)?,
                        },
                    };
                    Some(DiagnosticRelatedInformation {
                        location,
                        message: r.message.clone(),
                    })
                })
                .collect();
            lsp_types::Diagnostic {
                range: index.range(text, d.range, encoding),
                severity: Some(severity(d.severity)),
                code: Some(NumberOrString::String(d.rule.to_owned())),
                source: Some(SOURCE.to_owned()),
                message: message(d),
                related_information: (!related.is_empty()).then_some(related),
                ..Default::default()
            }
        })
        .collect()
}

/// A configuration that cannot be used, as a diagnostic in its file.
pub fn config_problem(failure: &Failure, encoding: Encoding) -> lsp_types::Diagnostic {
    let range = match (&failure.text, failure.error.range) {
        (Some(text), Some(range)) => LineIndex::new(text).range(text, range, encoding),
        _ => Range::new(Position::new(0, 0), Position::new(0, 0)),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("invalid-config".to_owned())),
        source: Some(SOURCE.to_owned()),
        message: format!(
            "{}\n(ecslint lints without this file until it is fixed)",
            failure.error.message
        ),
        ..Default::default()
    }
}
