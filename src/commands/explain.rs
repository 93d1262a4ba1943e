//! `ecslint explain RULE`: a rule's documentation, as Markdown, under a header line
//! `id (severity, category)`. An unknown id fails with a suggestion.

use std::io::{self, Write};

use ecslint_core::registry;
use ecslint_core::suggest::did_you_mean;

use crate::args::ExplainArgs;
use crate::Status;

pub fn run(args: &ExplainArgs) -> anyhow::Result<Status> {
    let Some(meta) = registry::find(&args.rule) else {
        let ids = registry::rules().iter().map(|m| m.id);
        let hint = match did_you_mean(&args.rule, ids) {
            Some(id) => format!("did you mean `{id}`?"),
            None => "`ecslint rules` lists them".to_owned(),
        };
        writeln!(io::stderr(), "error: `{}` is not a rule: {hint}", args.rule)?;
        return Ok(Status::Failure);
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{} ({}, {})",
        meta.id,
        meta.severity,
        meta.category.as_str()
    )?;
    writeln!(out)?;
    write!(out, "{}", meta.docs().trim_start())?;
    out.flush()?;
    Ok(Status::Success)
}
