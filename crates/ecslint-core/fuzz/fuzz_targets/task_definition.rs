//! Any bytes as a task definition: linted as detected and as a task definition, each fix
//! applied on its own, then the safe fixes applied together.
#![no_main]

use ecslint_core::DocumentKind;
use ecslint_core_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = check::all_rules();
    check::check_bytes(data, None, &settings);
    let result = check::check_bytes(data, Some(DocumentKind::TaskDefinition), &settings);
    if let Ok(text) = std::str::from_utf8(data) {
        check::check_each_fix(text, &result);
        check::check_fixes(text, Some(DocumentKind::TaskDefinition), &settings, false);
    }
});
