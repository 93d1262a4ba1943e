//! The subcommands other than `check`: they read the rule registry and the schemas, and
//! touch no files.

pub mod explain;
pub mod rules;
pub mod schema;
