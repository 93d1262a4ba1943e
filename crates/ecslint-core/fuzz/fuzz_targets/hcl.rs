//! Any bytes as a Terraform file (the core's HCL reader, `read::hcl`): never a panic, and
//! every range inside the text, on character boundaries and inside its parent; every
//! literal's offset map stays inside its raw text (`read::hcl::check_invariants`, which the
//! property tests in `tests/hcl_reader.rs` assert too).
#![no_main]

use ecslint_core::read::hcl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = hcl::parse(text);
    if let Err(e) = hcl::check_invariants(text, &out) {
        panic!("{e}");
    }
});
