//! `ecslint-docs-asset OUT`: writes the documentation that the npm package's WebAssembly is
//! built without (rule docs and sources, botocore's shape and member docs), from this build of
//! the core, which has it compiled in (`--features docs`), in the form
//! `ecslint_core::docs::export` gives and `load` reads. `npm/scripts/build.sh` runs this and
//! wraps the text in the package's `dist/ecslint_docs.js` and `.cjs`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out] = args.as_slice() else {
        eprintln!("usage: ecslint-docs-asset OUT");
        return ExitCode::from(2);
    };
    let text = match ecslint_core::docs::export() {
        Ok(text) => text,
        Err(e) => {
            eprintln!("ecslint-docs-asset: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, text) {
        eprintln!("ecslint-docs-asset: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
