//! Readers: text in another syntax → the same tree with byte ranges that [`crate::json`]
//! builds, so that every rule runs unchanged on it.

pub mod yaml;
