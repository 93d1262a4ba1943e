//! Fast: any bytes as a Terraform file (`main.tf`): the core's HCL reader, its invariants
//! (`read::hcl::check_invariants`: every range inside the text, on character boundaries and
//! inside its parent, literal offset maps inside their raw text), then the Terraform form
//! and every rule once (`check::check_once`: ranges, order, registered rules, messages; the
//! form's pointers are not resolved here). The `hcl` target checks the reader alone.
#![no_main]

use std::sync::OnceLock;

use ecslint_core::read::hcl;
use ecslint_core::Settings;
use ecslint_core_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(check::all_rules);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = hcl::check_invariants(text, &hcl::parse(text)) {
            panic!("{e}");
        }
    }
    check::check_once(data, Some("main.tf"), settings);
});
