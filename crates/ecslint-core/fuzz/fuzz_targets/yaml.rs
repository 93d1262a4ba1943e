//! Any text through the YAML reader (`read::yaml`), as a CloudFormation template and as a task
//! definition for the ECS deploy action: never a panic, ranges inside the text and nested,
//! pointers that resolve (`src/yaml_check.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        ecslint_core_fuzz::yaml_check::check_yaml(text);
    }
});
