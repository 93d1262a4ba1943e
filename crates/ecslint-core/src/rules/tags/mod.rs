//! Rules of the `tags` area (see the module list in `rules/mod.rs`): tag counts, lengths,
//! characters, reserved prefixes. Each rule checks a `List<Tag>` (see `helpers.rs`).

pub(crate) mod helpers;

mod tag_aws_prefix_reserved;
mod tag_key_length;
mod tag_key_pattern;
mod tag_key_unique;
mod tag_value_length;
mod tag_value_pattern;
mod tags_max_50;

pub use tag_aws_prefix_reserved::TagAwsPrefixReserved;
pub use tag_key_length::TagKeyLength;
pub use tag_key_pattern::TagKeyPattern;
pub use tag_key_unique::TagKeyUnique;
pub use tag_value_length::TagValueLength;
pub use tag_value_pattern::TagValuePattern;
pub use tags_max_50::TagsMax50;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&TagsMax50::META, TagsMax50::check),
    Rule::checked(&TagKeyUnique::META, TagKeyUnique::check),
    Rule::checked(&TagKeyLength::META, TagKeyLength::check),
    Rule::checked(&TagValueLength::META, TagValueLength::check),
    Rule::checked(&TagKeyPattern::META, TagKeyPattern::check),
    Rule::checked(&TagValuePattern::META, TagValuePattern::check),
    Rule::checked(&TagAwsPrefixReserved::META, TagAwsPrefixReserved::check),
];
