//! Shared by the fuzz targets: the model-driven document generator and the invariants every
//! lint must keep. `tests/properties.rs` includes the same two files, so property tests and
//! fuzzing check one list of invariants.

pub mod check;
pub mod model_json;
pub mod yaml_check;

/// Splits a fuzz input in two documents (a service, then its task definition): at the first
/// NUL byte, else in the middle (on a byte boundary: either half may be invalid UTF-8).
pub fn split_pair(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    }
}
