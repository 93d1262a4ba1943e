//! What a rule file needs, in one `use crate::rules::prelude::*;`.

pub use crate::declare_rule;
pub use crate::diagnostic::{Edit, Fix, Severity};
pub use crate::document::{Document, DocumentKind};
pub use crate::facts::TaskFacts;
pub use crate::json::{Member, Node, Value};
pub use crate::model::*;
pub use crate::rule::{Category, FixKind, Rule, Source};
pub use crate::rules::edits::{insert_member_before, opening, remove_member};
pub use crate::rules::Reporter;
pub use crate::template::is_placeholder;
pub use crate::text::TextRange;
