//! `ecslint rules`: every rule with its default severity, category, fixability and summary,
//! as a table or (`--format json`) as a JSON array for tools.

use std::io::{self, Write};

use ecslint_core::registry;
use ecslint_core::rule::FixKind;
use serde_json::json;

use crate::args::{RulesArgs, RulesFormat};
use crate::Status;

pub fn run(args: &RulesArgs) -> anyhow::Result<Status> {
    let mut out = io::stdout().lock();
    match args.format {
        RulesFormat::Json => {
            let rules: Vec<_> = registry::rules()
                .iter()
                .map(|m| {
                    json!({
                        "id": m.id,
                        "name": m.name,
                        "severity": m.severity,
                        "category": m.category,
                        "fix": m.fix,
                        "summary": m.summary(),
                        "sources": m.sources,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Text => {
            let rows: Vec<[String; 5]> = registry::rules()
                .iter()
                .map(|m| {
                    let fix = match m.fix {
                        FixKind::None => "",
                        FixKind::Safe => "safe",
                        FixKind::Unsafe => "unsafe",
                    };
                    [
                        m.id.to_owned(),
                        m.severity.as_str().to_owned(),
                        m.category.as_str().to_owned(),
                        fix.to_owned(),
                        m.summary(),
                    ]
                })
                .collect();
            let header = ["RULE", "SEVERITY", "CATEGORY", "FIX", "SUMMARY"].map(str::to_owned);
            let mut widths = [0; 4];
            for row in std::iter::once(&header).chain(&rows) {
                for (width, cell) in widths.iter_mut().zip(row) {
                    *width = (*width).max(cell.chars().count());
                }
            }
            for row in std::iter::once(&header).chain(&rows) {
                let mut line = String::new();
                for (width, cell) in widths.iter().zip(row) {
                    line.push_str(&format!("{cell:<width$}  "));
                }
                line.push_str(&row[4]);
                writeln!(out, "{}", line.trim_end())?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
