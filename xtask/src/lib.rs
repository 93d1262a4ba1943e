//! The library behind `cargo xtask`: code generation from botocore's ECS model.

pub mod codegen;
pub mod codegen_cloudformation;
pub mod codegen_terraform;
mod docs;
mod naming;
