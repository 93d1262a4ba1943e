//! Fast: any bytes as a YAML file (`fuzz.yaml`), read by the YAML reader (as CloudFormation
//! reads a template, or as the ECS deploy action reads a task definition) and linted once with
//! every rule: a CloudFormation template's resources, or the API's one document
//! (`check::check_once`). The invariants of that one result are checked, and every pointer
//! resolves in a second read of the text with the same options. The `yaml` target checks the
//! reader's own tree more closely; `cloudformation` lints twice and builds the reports.
#![no_main]

use std::sync::OnceLock;

use ecslint_core::Settings;
use ecslint_core_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(check::all_rules);
    check::check_once(data, Some("fuzz.yaml"), settings);
});
