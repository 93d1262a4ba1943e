//! Any bytes as a CreateService input: linted as a service, each fix applied on its own,
//! then the safe and unsafe fixes applied together.
#![no_main]

use ecslint_core::DocumentKind;
use ecslint_core_fuzz::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = check::all_rules();
    let result = check::check_bytes(data, Some(DocumentKind::Service), &settings);
    if let Ok(text) = std::str::from_utf8(data) {
        check::check_each_fix(text, &result);
        check::check_fixes(text, Some(DocumentKind::Service), &settings, true);
    }
});
