//! The library behind `cargo xtask`: code generation from botocore's ECS model.

pub mod codegen;
mod docs;
mod naming;
