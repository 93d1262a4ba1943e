//! Readers: bytes → a tree whose every node keeps the byte range of its text. JSON's reader is
//! [`crate::json`] (it predates this module); `hcl` reads Terraform's native syntax.

pub mod hcl;
