//! Fast: any bytes as a JSON file, read and linted once with every rule (the kind detected
//! from the keys), and the invariants of that one result checked (`check::check_once`). No
//! fixes and no second lint, so it runs many times the inputs a second of the deep targets
//! (`task_definition`, `service`, `pair`, `model_json`) and goes further into the reader.
#![no_main]

use std::sync::OnceLock;

use ecslint_core::Settings;
use ecslint_core_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(check::all_rules);
    check::check_once(data, Some("fuzz.json"), settings);
});
