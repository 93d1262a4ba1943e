//! `--format pretty`: for people. Each file with problems gets a header naming the kind of
//! document detected, then one miette report per diagnostic (message, rule id as the code,
//! the source snippet with the range underlined, related locations, the help and the fix);
//! a summary line closes the run.
//!
//! Snippets show the file's text with the values of environment variables masked, so that
//! a lint log never leaks them.

use std::fmt;
use std::io::{self, Write};

use ecslint_core::report::Summary;
use ecslint_core::text::TextRange;
use ecslint_core::{Applicability, Diagnostic, DocumentKind, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{Linted, Options};
use crate::output::redact;
use crate::output::snippets::Snippets;

/// Renders files one at a time.
pub struct Pretty {
    handler: GraphicalReportHandler,
    color: bool,
}

impl Pretty {
    pub fn new(options: &Options) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(options.width)
            .with_links(false);
        Pretty {
            handler,
            color: options.color,
        }
    }

    /// A file's header and findings (nothing for a file without findings).
    pub fn file(
        &self,
        out: &mut dyn Write,
        file: &Linted<'_>,
        others: &[(&str, &str)],
    ) -> io::Result<()> {
        if file.result.diagnostics.is_empty() {
            return Ok(());
        }
        let header = format!("{} ({})", file.path, kind_label(file.result.kind));
        if self.color {
            writeln!(out, "\u{1b}[1m{header}\u{1b}[0m")?;
        } else {
            writeln!(out, "{header}")?;
        }
        // How the file is deployed, when the repository or the configuration says.
        if file.result.deployer_known {
            for d in &file.result.deployed_by {
                match &d.source {
                    Some(s) => writeln!(out, "  deployed by {} — {}:{}", d.name, s.path, s.line)?,
                    None => writeln!(out, "  deployed by {} (configured)", d.name)?,
                }
            }
        }
        let source = Snippets::new(
            file.path,
            redact::environment_values(file.text).into_owned(),
        );
        let here = Source {
            named: &source,
            text: file.text,
        };
        // The other documents (the paired task definition, the workflow that deploys the
        // file), for related places there ("the container is defined here"); read and masked
        // only when a diagnostic points into them.
        let other_sources: Vec<(&str, Snippets, &str)> = others
            .iter()
            .filter(|(path, _)| {
                others.len() == 1
                    || file.result.diagnostics.iter().any(|d| {
                        d.related
                            .iter()
                            .any(|r| r.document.as_deref() == Some(*path))
                    })
            })
            .map(|(path, text)| {
                (
                    *path,
                    Snippets::new(path, redact::environment_values(text).into_owned()),
                    *text,
                )
            })
            .collect();
        let there = |doc: &str| {
            other_sources
                .iter()
                .find(|(p, _, _)| *p == doc)
                .or(match other_sources.as_slice() {
                    [only] => Some(only),
                    _ => None,
                })
                .map(|(_, named, text)| Source { named, text })
        };
        for diagnostic in &file.result.diagnostics {
            let notes = diagnostic
                .related
                .iter()
                .filter_map(|r| {
                    let source = there(r.document.as_deref()?)?;
                    Some(Note {
                        message: &r.message,
                        span: source.span(r.range),
                        source,
                    })
                })
                .collect();
            let rendered = Rendered {
                diagnostic,
                source: here,
                notes,
            };
            let mut text = String::new();
            let failed = |_| io::Error::other("cannot render a diagnostic");
            self.handler
                .render_report(&mut text, &rendered)
                .map_err(failed)?;
            // Each related place in the other document right below, with its own snippet
            // (miette's `related` would add an "Advice:" line, or wrap the snippet's lines).
            for note in &rendered.notes {
                let mut rendered_note = String::new();
                self.handler
                    .render_report(&mut rendered_note, note)
                    .map_err(failed)?;
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(rendered_note.trim_start_matches('\n'));
            }
            writeln!(out, "{text}")?;
        }
        Ok(())
    }
}

/// The last lines: the counts of the run, and how many problems `--fix` would fix.
pub fn summary(
    out: &mut dyn Write,
    summary: &Summary,
    with_problems: usize,
    fixable: usize,
    options: &Options,
) -> io::Result<()> {
    let counts: Vec<String> = [
        (summary.errors, "error"),
        (summary.warnings, "warning"),
        (summary.infos, "info"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| plural(n, what))
    .collect();
    if counts.is_empty() {
        if !options.quiet {
            writeln!(
                out,
                "No problems found in {}",
                plural(summary.files, "file")
            )?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{} in {}",
        counts.join(", "),
        plural(with_problems, "file")
    )?;
    if options.fix_hint && fixable > 0 {
        writeln!(
            out,
            "{} fixable with `ecslint check --fix`",
            plural(fixable, "problem")
        )?;
    }
    Ok(())
}

/// How the header names a kind of document.
pub fn kind_label(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::TaskDefinition => "task definition",
        DocumentKind::DescribeTaskDefinition => "task definition, DescribeTaskDefinition output",
        DocumentKind::ContainerDefinitions => "container definitions",
        DocumentKind::ContainerDefinition => "container definition",
        DocumentKind::Service => "service definition",
        DocumentKind::UpdateService => "service update",
        DocumentKind::CloudFormation => "CloudFormation template",
        DocumentKind::Terraform => "Terraform",
        DocumentKind::Unknown => "unknown kind",
    }
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A document's text as shown (environment values masked) and as linted.
#[derive(Clone, Copy)]
struct Source<'a> {
    named: &'a Snippets,
    text: &'a str,
}

impl Source<'_> {
    /// The range as a miette span, inside the text and on character boundaries.
    fn span(&self, range: TextRange) -> (usize, usize) {
        let len = self.text.len();
        let mut start = range.start.min(len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, len);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        (start, end - start)
    }
}

/// A core diagnostic as a miette diagnostic.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Source<'a>,
    /// Its related places in another document (the paired task definition), shown as
    /// notes with their own snippet.
    notes: Vec<Note<'a>>,
}

/// A related place in another document: "☞ the container is defined here" with that
/// file's name, line and snippet, as rustc's "note: … defined here".
struct Note<'a> {
    message: &'a str,
    source: Source<'a>,
    span: (usize, usize),
}

impl fmt::Debug for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Note")
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for Note<'_> {}

impl miette::Diagnostic for Note<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source.named)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, self.span),
        )))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rendered")
            .field("diagnostic", self.diagnostic)
            .finish()
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let d = self.diagnostic;
        // A fix that rewrites an environment value (quoting `12345`) must not show it.
        let values = ecslint_core::output::environment_fix_values(
            &d.pointer,
            d.fix
                .iter()
                .flat_map(|f| f.edits.iter().map(|e| e.new_text.as_str())),
        );
        let mask = |s: &str| ecslint_core::output::mask(s, &values).into_owned();
        let fix = d.fix.as_ref().map(|fix| match fix.applicability {
            Applicability::Safe => format!("fix: {} (`--fix`)", mask(&fix.message)),
            Applicability::Unsafe => {
                format!("fix: {} (`--fix --unsafe-fixes`)", mask(&fix.message))
            }
        });
        let help = d.help.as_deref().map(mask);
        match (&help, fix) {
            (None, None) => None,
            (Some(help), None) => Some(Box::new(help.clone())),
            (None, Some(fix)) => Some(Box::new(fix)),
            (Some(help), Some(fix)) => Some(Box::new(format!("{help}\n{fix}"))),
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source.named)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let source = self.source;
        let primary = LabeledSpan::new_primary_with_span(None, source.span(self.diagnostic.range));
        // Related places in another document are notes of their own (`related`).
        let related = self
            .diagnostic
            .related
            .iter()
            .filter(|r| r.document.is_none())
            .map(move |r| {
                LabeledSpan::new_with_span(Some(r.message.clone()), source.span(r.range))
            });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
