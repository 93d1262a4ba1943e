//! The Terraform AWS provider's resources as the form reads them: each argument and nested
//! block, its Terraform type, whether it is required, the checks the provider makes at
//! `terraform validate`, and the API member it becomes in the request the provider sends.
//!
//! The tables (`generated.rs`) are written by `cargo xtask codegen` from the provider's schema
//! (`data/terraform-aws-ecs-schema.json`, the output of `terraform providers schema -json` for
//! hashicorp/aws v5.100.0 with the provider's validations noted) and botocore's ECS model:
//! see `xtask/src/codegen_terraform.rs` for how names are mapped.

use crate::document::DocumentKind;

/// A resource type the form lints.
#[derive(Debug)]
pub struct Resource {
    /// `aws_ecs_task_definition`.
    pub name: &'static str,
    /// The API document it becomes.
    pub kind: DocumentKind,
    pub block: &'static Block,
}

/// A resource's body, or a nested block's.
#[derive(Debug)]
pub struct Block {
    pub arguments: &'static [Argument],
    pub blocks: &'static [NestedBlock],
}

impl Block {
    pub fn argument(&self, name: &str) -> Option<&'static Argument> {
        self.arguments.iter().find(|a| a.name == name)
    }

    pub fn block(&self, name: &str) -> Option<&'static NestedBlock> {
        self.blocks.iter().find(|b| b.name == name)
    }
}

/// Terraform's type of an argument.
#[derive(Debug)]
pub enum TfType {
    String,
    Number,
    Bool,
    List(&'static TfType),
    Set(&'static TfType),
    Map(&'static TfType),
}

impl TfType {
    /// How Terraform names it in messages ("string", "number", "set of string").
    pub fn describe(&self) -> String {
        match self {
            TfType::String => "string".into(),
            TfType::Number => "number".into(),
            TfType::Bool => "bool".into(),
            TfType::List(t) => format!("list of {}", t.describe()),
            TfType::Set(t) => format!("set of {}", t.describe()),
            TfType::Map(t) => format!("map of {}", t.describe()),
        }
    }
}

/// Whether an argument is set in configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
    /// Set by the provider (`arn`, `revision`): not an argument (`terraform validate`
    /// refuses it: "Can't configure a value for ... its value will be decided automatically").
    Computed,
}

/// What an argument becomes in the API request.
#[derive(Debug)]
pub enum Api {
    /// Nothing: a setting of the provider or of Terraform (`skip_destroy`, `timeouts`,
    /// `tags_all`, `wait_for_steady_state`).
    None,
    /// The member at `path` under the parent block's API object (one name, or more when the
    /// provider nests it: `deployment_maximum_percent` → `deploymentConfiguration` /
    /// `maximumPercent`), converted by `conv`.
    Member {
        path: &'static [&'static str],
        conv: Conv,
    },
}

/// How a Terraform value becomes the API's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// As it is (Terraform converts strings, numbers and booleans to the argument's type;
    /// the API's JSON type is then taken: `cpu = 256` is sent as `"256"`).
    Value,
    /// A map becomes a list of objects: `{ Name = "web" }` → `[{"key": "Name", "value": "web"}]`.
    KeyValues {
        key: &'static str,
        value: &'static str,
    },
    /// A boolean becomes `"ENABLED"` or `"DISABLED"` (`assign_public_ip`).
    EnabledDisabled,
    /// A JSON string the provider decodes itself (`container_definitions`).
    ContainerDefinitions,
}

/// How a nested block repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nesting {
    List,
    Set,
    /// At most once, written as a block.
    Single,
}

/// A nested block type (`volume`, `network_configuration`).
#[derive(Debug)]
pub struct NestedBlock {
    pub name: &'static str,
    pub nesting: Nesting,
    pub min_items: u32,
    pub max_items: Option<u32>,
    /// The API member the blocks become: `path` under the parent's API object, an array of
    /// objects (`array`) or one object. `None`: a Terraform setting (`timeouts`).
    pub api: Option<BlockApi>,
    pub block: &'static Block,
    pub checks: &'static [Check],
}

#[derive(Debug)]
pub struct BlockApi {
    pub path: &'static [&'static str],
    pub array: bool,
}

/// One argument.
#[derive(Debug)]
pub struct Argument {
    pub name: &'static str,
    pub ty: TfType,
    pub presence: Presence,
    pub api: Api,
    /// What `terraform validate` checks (the provider's validation functions).
    pub checks: &'static [Check],
    /// The provider's default, as JSON text, when the API requires the member it fills
    /// (`deployment_controller { type }` is `"ECS"` when left out).
    pub default: Option<&'static str>,
}

/// A check the provider makes at `terraform validate` (and so at `plan`).
#[derive(Debug)]
pub enum Check {
    /// One of `values`, compared case-sensitively (each element of a set). `api` lists the
    /// values the API takes when it has an enum for the member (the provider's list may be
    /// older).
    OneOf {
        values: &'static [&'static str],
        api: &'static [&'static str],
    },
    /// An integer in `[min, max]`.
    IntBetween { min: i64, max: i64 },
    /// A number in `[min, max]`.
    FloatBetween { min: f64, max: f64 },
    /// A string of `min` to `max` characters.
    Length { min: u64, max: u64 },
    /// The whole value matches `pattern` (a `^[class]+$` pattern).
    Pattern { pattern: &'static str },
    /// The value does not match `pattern` (`^-`: does not start with `-`).
    NotPattern { pattern: &'static str },
    /// Empty, or an ARN (`arn:partition:service:region:account:resource`).
    Arn,
    /// A list or set of at most `max` elements.
    MaxItems { max: u64 },
    /// Not set together with these arguments of the same block.
    ConflictsWith { arguments: &'static [&'static str] },
}
