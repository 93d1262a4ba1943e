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
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Linted, Options};
use crate::output::redact;

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
        _other: Option<(&str, &str)>,
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
        let source = NamedSource::new(
            file.path,
            redact::environment_values(file.text).into_owned(),
        );
        for diagnostic in &file.result.diagnostics {
            let rendered = Rendered {
                diagnostic,
                source: &source,
                len: file.text.len(),
                text: file.text,
            };
            let mut text = String::new();
            self.handler
                .render_report(&mut text, &rendered)
                .map_err(|_| io::Error::other("cannot render a diagnostic"))?;
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
        DocumentKind::Service => "service definition",
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

/// A core diagnostic as a miette diagnostic.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<String>,
    len: usize,
    text: &'a str,
}

impl Rendered<'_> {
    /// The range as a miette span, inside the text and on character boundaries.
    fn span(&self, range: TextRange) -> (usize, usize) {
        let mut start = range.start.min(self.len);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = range.end.clamp(start, self.len);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        (start, end - start)
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
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(None, self.span(self.diagnostic.range));
        // Related locations in another document cannot be shown in this file's snippet.
        let related = self
            .diagnostic
            .related
            .iter()
            .filter(|r| r.document.is_none())
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), self.span(r.range)));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
