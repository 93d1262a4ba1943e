//! Rules the readers report: the file is not valid JSON or YAML, or not valid UTF-8.

mod duplicate_key;
mod invalid_hcl;
mod invalid_json;
mod invalid_utf8;
mod invalid_yaml;
mod json_bom;
mod json_too_deep;
mod number_out_of_range;
mod unknown_yaml_tag;

pub use duplicate_key::DuplicateKey;
pub use invalid_hcl::InvalidHcl;
pub use invalid_json::InvalidJson;
pub use invalid_utf8::InvalidUtf8;
pub use invalid_yaml::InvalidYaml;
pub use json_bom::JsonBom;
pub use json_too_deep::JsonTooDeep;
pub use number_out_of_range::NumberOutOfRange;
pub use unknown_yaml_tag::UnknownYamlTag;

use crate::rule::Rule;

/// The rules of this area, reported by the readers (`json`, `read::yaml`, `read::hcl`).
pub(crate) static RULES: &[Rule] = &[
    Rule::reported(&InvalidJson::META),
    Rule::reported(&InvalidUtf8::META),
    Rule::reported(&JsonBom::META),
    Rule::reported(&JsonTooDeep::META),
    Rule::reported(&DuplicateKey::META),
    Rule::reported(&NumberOutOfRange::META),
    Rule::reported(&InvalidYaml::META),
    Rule::reported(&UnknownYamlTag::META),
    Rule::reported(&InvalidHcl::META),
];
