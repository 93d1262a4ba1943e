//! Project tasks: `cargo xtask <task>` (the alias is in `.cargo/config.toml`).
//!
//! - `cargo xtask codegen` regenerates `crates/ecslint-core/src/model/generated.rs` from
//!   botocore's ECS model (`$ECSLINT_BOTOCORE`, or the copy in
//!   `crates/ecslint-core/data/botocore-ecs-2014-11-13-service-2.json`, botocore 1.44.18: see
//!   docs/upstream.md; `scripts/check-upstream --keep DIR` fetches a newer one).
//! - `cargo xtask codegen --check` fails if the file on disk is not what codegen would write
//!   (run it in CI after updating the botocore model).

use std::process::ExitCode;

use xtask::codegen::{self, default_botocore_path, generated_path, rustfmt};

const USAGE: &str = "usage: cargo xtask codegen [--check]";

fn run_codegen(check: bool) -> Result<(), String> {
    let botocore_path = default_botocore_path();
    let json = std::fs::read_to_string(&botocore_path).map_err(|e| {
        format!(
            "cannot read botocore's ECS model at {} ({e}); set ECSLINT_BOTOCORE to its path",
            botocore_path.display()
        )
    })?;
    xtask::codegen_terraform::run(check, &json)?;
    let out = codegen::generate_output(&json)?;
    let target = generated_path();
    let formatted = rustfmt(&out.code, target.parent().expect("a directory"))?;
    let current = std::fs::read_to_string(&target).unwrap_or_default();
    if check {
        if current == formatted {
            eprintln!("{} is up to date", target.display());
            Ok(())
        } else {
            let line = current
                .lines()
                .zip(formatted.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| current.lines().count().min(formatted.lines().count()))
                + 1;
            Err(format!(
                "{} is out of date (first difference at line {line}): run `cargo xtask codegen`",
                target.display()
            ))
        }
    } else {
        if current != formatted {
            std::fs::write(&target, &formatted)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        eprintln!(
            "wrote {} ({} bytes: {} structures, {} enums, {} bytes of doc text)",
            target.display(),
            formatted.len(),
            out.structures,
            out.enums,
            out.doc_bytes
        );
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["codegen"] => run_codegen(false).and_then(|()| xtask::codegen_cloudformation::run(false)),
        ["codegen", "--check"] => {
            run_codegen(true).and_then(|()| xtask::codegen_cloudformation::run(true))
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
