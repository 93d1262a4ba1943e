//! WebAssembly bindings for ecslint: a thin adapter over `ecslint-core` (filled out by the
//! wasm/npm work). Results use the JSON report contract of `ecslint check --format json`.

use ecslint_core::report::{FileReport, Report};
use ecslint_core::{lint, LintOptions, Settings};
use wasm_bindgen::prelude::*;

/// Lints one document and returns the JSON report (one file entry named `path`).
#[wasm_bindgen(js_name = lintJson)]
pub fn lint_json(path: &str, text: &str) -> String {
    let settings = Settings::default();
    let result = lint(text, &LintOptions::new(&settings));
    Report::new(vec![FileReport::new(path, text, &result, None)]).to_json()
}
