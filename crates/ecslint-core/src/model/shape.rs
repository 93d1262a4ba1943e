//! Descriptors of the ECS API shapes: the one table of field names, types, enums and
//! required flags that the structural layer, the typed views and the JSON Schema all read.
//!
//! The table itself (`generated.rs`) is written by `cargo xtask codegen` from botocore's ECS
//! model; nothing here is kept by hand.

/// A structure of the API (`ContainerDefinition`, `PortMapping`, …).
#[derive(Debug)]
pub struct Shape {
    /// botocore's shape name.
    pub name: &'static str,
    /// Plain-text documentation (botocore's HTML, converted), for hovers and the schema.
    pub doc: &'static str,
    pub members: &'static [Member],
}

/// One member of a [`Shape`].
#[derive(Debug)]
pub struct Member {
    /// The JSON key, exactly as the API spells it (camelCase).
    pub name: &'static str,
    pub doc: &'static str,
    pub ty: &'static Type,
    /// botocore's `required` list: the API rejects the structure without it.
    pub required: bool,
    pub deprecated: bool,
}

/// The JSON type the API expects for a value.
#[derive(Debug)]
pub enum Type {
    String {
        min: Option<u64>,
        max: Option<u64>,
    },
    Enum(&'static EnumDef),
    /// botocore `integer`: a JSON integer in the signed 32-bit range.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    /// botocore `long`: a JSON integer in the signed 64-bit range.
    Long {
        min: Option<i64>,
        max: Option<i64>,
    },
    Boolean,
    Double,
    /// An ISO-8601 string or epoch seconds (only in output shapes).
    Timestamp,
    List {
        member: &'static Type,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// A JSON object with string keys and values of one type.
    Map {
        value: &'static Type,
    },
    Structure(&'static Shape),
}

/// A closed set of string values (botocore `string` with `enum`).
#[derive(Debug)]
pub struct EnumDef {
    pub name: &'static str,
    pub values: &'static [&'static str],
}

impl Shape {
    /// The member named `name`, if the shape has one.
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

impl Type {
    /// How the type is named in messages: "a string", "an integer", "an array", …
    pub fn article_name(&self) -> &'static str {
        match self {
            Type::String { .. } | Type::Enum(_) | Type::Timestamp => "a string",
            Type::Integer { .. } | Type::Long { .. } => "an integer",
            Type::Boolean => "a boolean",
            Type::Double => "a number",
            Type::List { .. } => "an array",
            Type::Map { .. } | Type::Structure(_) => "an object",
        }
    }
}
