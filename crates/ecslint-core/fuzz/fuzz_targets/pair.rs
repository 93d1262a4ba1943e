//! A service and the task definition it runs, as two documents split at the first NUL byte:
//! the service linted with the task definition paired (`LintOptions::pairing`, the
//! cross-document checks) and fixed, and each document linted on its own.
#![no_main]

use ecslint_core::DocumentKind;
use ecslint_core_fuzz::{check, split_pair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = check::all_rules();
    let (service, task) = split_pair(data);
    check::check_bytes(service, Some(DocumentKind::Service), &settings);
    check::check_bytes(task, None, &settings);
    if let (Ok(service), Ok(task)) = (std::str::from_utf8(service), std::str::from_utf8(task)) {
        check::check_pair(service, task, &settings);
    }
});
