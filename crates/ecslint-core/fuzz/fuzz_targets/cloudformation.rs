//! Any text linted as a CloudFormation template (the form: resources, intrinsics, scenarios,
//! target groups, names), as YAML and as JSON, all rules on: never a panic, every range and
//! pointer valid (`src/check.rs`, `check_template`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static SETTINGS: OnceLock<ecslint_core::Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(ecslint_core_fuzz::check::all_rules);
    if let Ok(text) = std::str::from_utf8(data) {
        ecslint_core_fuzz::check::check_template(text, settings);
    }
});
