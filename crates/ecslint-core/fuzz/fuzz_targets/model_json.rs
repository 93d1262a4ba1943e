//! Structure-aware: documents built from the ECS API model (keys from `model::SHAPES`,
//! enum values from `model::ENUMS`, boundary numbers, wrong types, misspelt keys, syntax
//! slips), linted as detected, then fixed (safe fixes, then safe and unsafe ones); then a
//! service and a task definition built the same way, linted as a pair.
#![no_main]

use arbitrary::Unstructured;
use ecslint_core_fuzz::{check, model_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let slips = u.arbitrary::<bool>().unwrap_or(false);
    let text = model_json::document(&mut u, slips);
    let settings = check::all_rules();
    let result = check::check_text(&text, None, &settings);
    check::check_each_fix(&text, &result);
    check::check_fixes(&text, None, &settings, false);
    check::check_fixes(&text, None, &settings, true);
    if !u.is_empty() {
        let service = model_json::document_of(&mut u, model_json::Kind::Service, slips);
        let task = model_json::document_of(&mut u, model_json::Kind::TaskDefinition, slips);
        check::check_pair(&service, &task, &settings);
    }
});
