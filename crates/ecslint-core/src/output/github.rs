//! GitHub Actions workflow commands, one annotation per diagnostic.
//!
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=ecslint RULE::MESSAGE`,
//! with `warning` and `notice` for the other severities, escaped as the Actions runner
//! expects (`%`, CR and LF everywhere; also `:` and `,` in properties). Paths are as given
//! (run from the repository root so that the annotations land on the pull request's files);
//! environment values are redacted first ([`super::redact_environment_values`]).

use std::fmt::Write;

use crate::diagnostic::Severity;
use crate::report::Report;

/// One line per diagnostic.
pub fn github(report: &Report) -> String {
    let report = &*super::redact_environment_values(report);
    let mut out = String::new();
    for file in &report.files {
        // Who deploys the file decided the severities: said in each annotation's title.
        let deployed = match &file.deployer {
            Some(d) if d.name != "aws-cli" => format!(" (deployed by {})", d.name),
            _ => String::new(),
        };
        for d in &file.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.path.replace('\\', "/")),
                d.range.start.line,
                d.range.start.column,
                d.range.end.line,
                d.range.end.column,
                escape_property(&format!("ecslint {}{deployed}", d.rule)),
                escape_data(&d.message),
            );
        }
    }
    out
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
