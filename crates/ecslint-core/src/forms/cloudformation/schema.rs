//! The types of the generated table (`generated.rs`): CloudFormation's definitions of the ECS
//! resources, each property with its type as CloudFormation checks it and the API member it
//! is sent as.

use crate::model::Shape;

/// A CloudFormation object: a resource's `Properties`, or a definition of its schema.
#[derive(Debug)]
pub struct Def {
    /// The definition's name (`ContainerDefinition`), or the resource type for a resource's
    /// `Properties` (`AWS::ECS::TaskDefinition`).
    pub name: &'static str,
    /// The botocore structure it is sent as.
    pub api: Option<&'static Shape>,
    pub props: &'static [Prop],
}

/// One property of a [`Def`].
#[derive(Debug)]
pub struct Prop {
    /// As CloudFormation spells it (`ContainerDefinitions`).
    pub name: &'static str,
    /// The API member it is sent as (`containerDefinitions`); `None`: the API has none.
    pub api: Option<&'static str>,
    pub ty: &'static CfnType,
    pub required: bool,
    /// Output only: CloudFormation ignores it in a template.
    pub read_only: bool,
    /// Changing it replaces the resource.
    pub create_only: bool,
    /// Sent, never read back.
    pub write_only: bool,
    pub deprecated: bool,
}

/// A property's type as CloudFormation's schema gives it.
#[derive(Debug)]
pub enum CfnType {
    /// `values`: the schema's `enum`, empty when any string goes.
    String {
        values: &'static [&'static str],
        min_length: Option<u64>,
        max_length: Option<u64>,
    },
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
    },
    Boolean,
    /// A string or an object (`HookDetails`).
    StringOrObject,
    Array {
        items: &'static CfnType,
        min_items: Option<u64>,
        max_items: Option<u64>,
    },
    /// An object of any keys (`DockerLabels`, `Options`).
    Map {
        values: &'static CfnType,
    },
    Object(&'static Def),
}

impl Def {
    /// The property named `name`.
    pub fn prop(&self, name: &str) -> Option<&'static Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    /// The property sent as the API member `api`.
    pub fn prop_for_api(&self, api: &str) -> Option<&'static Prop> {
        self.props.iter().find(|p| p.api == Some(api))
    }
}

impl CfnType {
    /// How messages name the type: "a string", "an integer", …
    pub fn article_name(&self) -> &'static str {
        match self {
            CfnType::String { .. } => "a string",
            CfnType::Integer { .. } => "an integer",
            CfnType::Number { .. } => "a number",
            CfnType::Boolean => "a boolean",
            CfnType::StringOrObject => "a string or an object",
            CfnType::Array { .. } => "a list",
            CfnType::Map { .. } | CfnType::Object(_) => "an object",
        }
    }

    /// The definition of the objects this type holds (through lists).
    pub fn def(&self) -> Option<&'static Def> {
        match self {
            CfnType::Object(def) => Some(def),
            CfnType::Array { items, .. } => items.def(),
            _ => None,
        }
    }
}
