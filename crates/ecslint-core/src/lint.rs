//! The entry point: text in, diagnostics out. One parse, one structural walk, one pass of
//! the rules; nothing here touches the filesystem, the clock or the environment.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{detect_kind, Document, DocumentKind};
use crate::json::{self, Node};
use crate::pair::{PairedTaskDefinition, Pairing};
use crate::registry;
use crate::rules::structure::walk;
use crate::rules::structure::UnknownDocumentKind;
use crate::rules::syntax::InvalidUtf8;
use crate::rules::Reporter;
use crate::settings::Settings;
use crate::text::TextRange;

/// How to lint one document.
#[derive(Debug, Clone, Copy)]
pub struct LintOptions<'a> {
    /// The document's kind; detected from its keys when `None`.
    pub kind: Option<DocumentKind>,
    pub settings: &'a Settings,
    /// Report a document that is none of the known kinds (`unknown-document-kind`). Hosts
    /// turn this off for files found by walking a directory.
    pub report_unknown_kind: bool,
    /// For a service: the task definition it runs, and how it is deployed (see
    /// [`crate::pair`]). Ignored for other kinds.
    pub pairing: Pairing<'a>,
    /// The file's name as the host knows it (`deploy/task.yaml`, `main.tf`), when there is
    /// one: it chooses the reader (JSON, YAML, HCL) and the form before the content does.
    pub path: Option<&'a str>,
}

impl<'a> LintOptions<'a> {
    pub fn new(settings: &'a Settings) -> Self {
        LintOptions {
            kind: None,
            settings,
            report_unknown_kind: true,
            pairing: Pairing::default(),
            path: None,
        }
    }
}

/// What linting one document found.
#[derive(Debug, Clone)]
pub struct LintResult {
    pub kind: DocumentKind,
    /// Sorted by position, then rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// The whole document was read (no fatal syntax error): rules ran and fixes may be applied.
    pub parsed: bool,
}

impl LintResult {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Lints raw bytes: reports invalid UTF-8, then lints the text.
pub fn lint_bytes(bytes: &[u8], options: &LintOptions<'_>) -> LintResult {
    match std::str::from_utf8(bytes) {
        Ok(text) => lint(text, options),
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len() - at);
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            let kind = options.kind.unwrap_or_else(|| kind_from_text(&head));
            let mut reporter = Reporter::new(None);
            reporter
                .report(&InvalidUtf8::META, TextRange::new(at, at + len), format!("the file is not valid UTF-8: byte 0x{:02X} at offset {at}", bytes[at]))
                .help("save the file as UTF-8 (JSON must be UTF-8; UTF-16 and Latin-1 files are refused)");
            LintResult {
                kind,
                diagnostics: finish(reporter.diagnostics, options.settings),
                parsed: false,
            }
        }
    }
}

/// Lints one document.
pub fn lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    let parsed = json::parse(text);
    let root = parsed.root.as_ref();
    let kind = root.map(|root| options.kind.unwrap_or_else(|| detect_kind(root)));
    // A service's task definition is parsed once, before the reporter that borrows both.
    let paired: Option<(PairedTaskDefinition<'_>, json::ParseOutput<'_>)> =
        match (kind, options.pairing.task_definition) {
            (Some(DocumentKind::Service), Some(td)) => Some((td, json::parse(td.text))),
            _ => None,
        };
    let mut reporter = Reporter::new(root);
    for problem in &parsed.problems {
        let meta = registry::find(problem.rule).expect("parser rules are registered");
        let d = reporter.report(meta, problem.range, problem.message.clone());
        d.help = problem.help.clone();
        d.fix = problem.fix.clone();
        if let Some((range, message)) = &problem.related {
            d.related(*range, message.clone());
        }
    }
    let kind = match (root, kind) {
        (Some(root), Some(kind)) => {
            let paired = paired
                .as_ref()
                .and_then(|(td, p)| p.root.as_ref().map(|r| (*td, r)));
            check_document(kind, text, root, paired, options, &mut reporter);
            kind
        }
        _ => options.kind.unwrap_or_else(|| kind_from_text(text)),
    };
    LintResult {
        kind,
        diagnostics: finish(reporter.diagnostics, options.settings),
        parsed: root.is_some(),
    }
}

fn check_document<'a>(
    kind: DocumentKind,
    text: &'a str,
    root: &'a Node<'a>,
    paired: Option<(PairedTaskDefinition<'a>, &'a Node<'a>)>,
    options: &LintOptions<'a>,
    reporter: &mut Reporter<'a>,
) {
    if kind == DocumentKind::Unknown {
        if options.report_unknown_kind {
            reporter
                .report(&UnknownDocumentKind::META, TextRange::new(root.range.start, root.range.start + 1), "this is not an ECS task definition, container definition array or service definition")
                .help("ecslint checks RegisterTaskDefinition and CreateService input; if this is one, say which with `--kind`");
        }
        return;
    }
    let mut document = Document::new(kind, text, root, options.settings);
    if document.service.is_some() {
        document.pair_note = options.pairing.note;
        document.ecspresso |= options.pairing.ecspresso;
        document.ecspresso_config = options.pairing.ecspresso;
        match paired {
            Some((td, td_root)) => {
                if !document.pair_with(td.path, td.text, td_root) {
                    document.pair_unusable = Some(td.path);
                }
            }
            None => document.pair_unusable = options.pairing.task_definition.map(|td| td.path),
        }
    }
    check_paired(document, reporter, options);
}

fn check_paired<'a>(
    document: Document<'a>,
    reporter: &mut Reporter<'a>,
    options: &LintOptions<'a>,
) {
    walk::check(&document, reporter);
    if document.service.is_some() && document.ecspresso {
        soften_read_only_fields(reporter);
    }
    for rule in registry::all() {
        if let Some(check) = rule.check {
            if options.settings.is_enabled(rule.meta.id) {
                check(&document, reporter);
            }
        }
    }
}

/// ecspresso reads a service definition through the DescribeServices shape and sends only
/// CreateService's members: a read-only field (`platformFamily`, `runningCount`, …) left in
/// an ecspresso service definition is dropped, not refused, so it is a warning there
/// (`aws ecs create-service --cli-input-json` refuses it: an error elsewhere).
fn soften_read_only_fields(reporter: &mut Reporter<'_>) {
    use crate::rules::structure::ReadOnlyField;
    for d in &mut reporter.diagnostics {
        if d.rule == ReadOnlyField::META.id && d.severity == Severity::Error {
            d.severity = Severity::Warning;
            d.help = Some(format!(
                "{}; ecspresso drops it, but `aws ecs create-service --cli-input-json` refuses it",
                d.help.as_deref().unwrap_or("remove it")
            ));
        }
    }
}

/// Guesses the kind of a document that could not be parsed, from its text.
pub(crate) fn kind_from_text(text: &str) -> DocumentKind {
    if text.contains("\"taskDefinitionArn\"") {
        DocumentKind::DescribeTaskDefinition
    } else if text.contains("\"containerDefinitions\"") {
        DocumentKind::TaskDefinition
    } else if text.contains("\"serviceName\"") || text.contains("\"desiredCount\"") {
        DocumentKind::Service
    } else if text.trim_start().starts_with('[') && text.contains("\"image\"") {
        DocumentKind::ContainerDefinitions
    } else {
        DocumentKind::Unknown
    }
}

/// Drops disabled rules, applies configured levels and sorts.
fn finish(mut diagnostics: Vec<Diagnostic>, settings: &Settings) -> Vec<Diagnostic> {
    diagnostics.retain(|d| settings.is_enabled(d.rule));
    for d in &mut diagnostics {
        if let Some(level) = settings.level(d.rule) {
            d.severity = level;
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    diagnostics
}
