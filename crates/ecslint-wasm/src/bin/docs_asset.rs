//! `ecslint-docs-asset OUT.json`: writes the documentation that the npm package's WebAssembly
//! is built without (rule docs and sources, botocore's shape and member docs) as JSON, from
//! this build of the core, which has it compiled in (`--features docs`). The package loads it
//! at run time (`ecslint_core::docs::load`); `npm/scripts/build.sh` runs this.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out] = args.as_slice() else {
        eprintln!("usage: ecslint-docs-asset OUT.json");
        return ExitCode::from(2);
    };
    let json = match serde_json::to_string(&ecslint_core::docs::export()) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("ecslint-docs-asset: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, json + "\n") {
        eprintln!("ecslint-docs-asset: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
