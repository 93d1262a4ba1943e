//! Readers: text in another syntax → a tree whose every node keeps the byte range of its
//! text. JSON's reader is [`crate::json`] (it predates this module); `yaml` builds the same
//! tree as the JSON parser, so every rule runs unchanged on it; `hcl` reads Terraform's native
//! syntax into its own tree, which the Terraform form maps onto the API's shapes.

pub mod hcl;
pub mod yaml;
