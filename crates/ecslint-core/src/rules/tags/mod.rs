//! Rules of the `tags` area (see the module list in `rules/mod.rs`).

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[];
