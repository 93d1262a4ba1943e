//! Rules about the document's structure against the API model: field names, JSON types, enum
//! values, required members, read-only output fields. One walk (`walk.rs`) reports them all.

mod describe_output_wrapper;
mod field_name_case;
mod invalid_enum_value;
mod invalid_type;
mod missing_required_field;
mod null_value;
mod read_only_field;
mod unknown_document_kind;
mod unknown_field;
pub(crate) mod walk;

pub use describe_output_wrapper::DescribeOutputWrapper;
pub use field_name_case::FieldNameCase;
pub use invalid_enum_value::InvalidEnumValue;
pub use invalid_type::InvalidType;
pub use missing_required_field::MissingRequiredField;
pub use null_value::NullValue;
pub use read_only_field::ReadOnlyField;
pub use unknown_document_kind::UnknownDocumentKind;
pub use unknown_field::UnknownField;

use crate::rule::Rule;

/// The rules of this area, reported by the structural walk.
pub(crate) static RULES: &[Rule] = &[
    Rule::reported(&UnknownDocumentKind::META),
    Rule::reported(&UnknownField::META),
    Rule::reported(&InvalidType::META),
    Rule::reported(&InvalidEnumValue::META),
    Rule::reported(&MissingRequiredField::META),
    Rule::reported(&NullValue::META),
    Rule::reported(&ReadOnlyField::META),
    Rule::reported(&DescribeOutputWrapper::META),
    Rule::reported(&FieldNameCase::META),
];
