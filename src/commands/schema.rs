//! `ecslint schema KIND`: the JSON Schema of a kind of file, for editors and other
//! validators, pretty-printed on stdout.

use std::io::{self, Write};

use ecslint_core::schema::{json_schema, SchemaKind};

use crate::args::SchemaArgs;
use crate::Status;

pub fn run(args: &SchemaArgs) -> anyhow::Result<Status> {
    let Some(kind) = SchemaKind::parse(&args.kind) else {
        writeln!(
            io::stderr(),
            "error: `{}` is not a kind: use task-definition, service or container-definitions",
            args.kind
        )?;
        return Ok(Status::Failure);
    };
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &json_schema(kind))?;
    writeln!(out)?;
    out.flush()?;
    Ok(Status::Success)
}
