//! Any text as `ecslint.toml` (the core's own TOML reader, then the configuration reader)
//! and as the same configuration in JSON: never a panic, and an error's range lies inside
//! the text on character boundaries.
#![no_main]

use ecslint_core::{Config, ConfigError, Settings};
use libfuzzer_sys::fuzz_target;

fn check_error(text: &str, error: &ConfigError) {
    assert!(!error.message.is_empty(), "an error without a message");
    if let Some(range) = error.range {
        let (start, end) = (range.start, range.end);
        assert!(start <= end && end <= text.len(), "{range:?} outside {} bytes", text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{range:?} splits a character");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [Config::from_toml(text), Config::from_json(text)] {
        match parsed {
            Ok(config) => {
                Settings::from_config(&config).expect("a configuration that reads resolves");
            }
            Err(e) => check_error(text, &e),
        }
    }
});
