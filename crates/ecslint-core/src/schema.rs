//! JSON Schemas (draft 2020-12) for the files ecslint checks, built from the shape tables.
//!
//! Editors validate and complete JSON against a schema long before a linter runs, so
//! ecslint ships one for each kind of file. The schemas are not written by hand: they walk
//! [`crate::model::SHAPES`] (generated from botocore's ECS model by `cargo xtask codegen`),
//! so a field AWS adds to the API reaches the schema, the structural checks and the typed
//! views in one regeneration.
//!
//! Each structure becomes a `$defs` entry with `title`, `description` and
//! `markdownDescription` (the text VS Code shows on hover), `properties`, `required` and
//! `additionalProperties: false`; enums become `enum`, and botocore's bounds become
//! `minimum`/`maximum` (botocore `integer` is also bounded to 32 bits), `minLength`/
//! `maxLength` and `minItems`/`maxItems`. Fields are typed exactly as the API types them:
//! task-level `cpu` and `memory` are strings, container-level ones integers.
//!
//! Objects are written with their keys sorted, so the output is the same whatever
//! features `serde_json` is built with.

use std::collections::BTreeMap;

use schemars::consts::meta_schemas::DRAFT2020_12;
use schemars::Schema;
use serde_json::{Map, Value};

/// `schemars::json_schema!` for an object, without its check that the value is an object or
/// a boolean (which `json!({…})` always is): that check's error message formats floats, and
/// the core's float formatting cost the npm package's WebAssembly about 17 KB.
macro_rules! json_schema {
    ({$($json:tt)*}) => {
        match serde_json::json!({$($json)*}) {
            Value::Object(object) => Schema::from(object),
            _ => Schema::default(),
        }
    };
}

use crate::model::{
    Shape, Type, CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST, REGISTER_TASK_DEFINITION_REQUEST,
};

/// The kinds of file a schema is available for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SchemaKind {
    /// A task definition: the input of `aws ecs register-task-definition --cli-input-json`
    /// (botocore `RegisterTaskDefinitionRequest`).
    TaskDefinition,
    /// A service definition: the input of `aws ecs create-service --cli-input-json`
    /// (botocore `CreateServiceRequest`), with `serviceName` optional as ecspresso's
    /// service files omit it.
    Service,
    /// A bare array of container definitions (as Terraform's `container_definitions` and
    /// the `--container-definitions` option take).
    ContainerDefinitions,
}

impl SchemaKind {
    /// Every kind, in a stable order.
    pub const ALL: [SchemaKind; 3] = [
        SchemaKind::TaskDefinition,
        SchemaKind::Service,
        SchemaKind::ContainerDefinitions,
    ];

    /// The kind named `name`: `task-definition`, `service` or `container-definitions`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The name [`SchemaKind::parse`] accepts.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::TaskDefinition => "task-definition",
            SchemaKind::Service => "service",
            SchemaKind::ContainerDefinitions => "container-definitions",
        }
    }
}

/// The JSON Schema for `kind`.
pub fn json_schema(kind: SchemaKind) -> Value {
    let (title, description, root_shape) = match kind {
        SchemaKind::TaskDefinition => (
            "Amazon ECS task definition",
            "The input of RegisterTaskDefinition (`aws ecs register-task-definition \
             --cli-input-json`), as botocore's ECS model describes it.",
            &REGISTER_TASK_DEFINITION_REQUEST,
        ),
        SchemaKind::Service => (
            "Amazon ECS service definition",
            "The input of CreateService (`aws ecs create-service --cli-input-json`), as \
             botocore's ECS model describes it; `serviceName` may be left out, as ecspresso's \
             service definitions do.",
            &CREATE_SERVICE_REQUEST,
        ),
        SchemaKind::ContainerDefinitions => (
            "Amazon ECS container definitions",
            "An array of container definitions, as in a task definition's \
             `containerDefinitions`.",
            &CONTAINER_DEFINITION,
        ),
    };

    let mut defs = BTreeMap::new();
    collect_structures(root_shape, &mut defs);
    let defs: Map<String, Value> = defs
        .into_values()
        .map(|shape| {
            let optional: &[&str] =
                if kind == SchemaKind::Service && std::ptr::eq(shape, &CREATE_SERVICE_REQUEST) {
                    &["serviceName"]
                } else {
                    &[]
                };
            (
                shape.name.to_string(),
                structure_schema(shape, optional).to_value(),
            )
        })
        .collect();

    let mut root = match kind {
        SchemaKind::ContainerDefinitions => json_schema!({
            "type": "array",
            "items": { "$ref": def_ref(root_shape) },
        }),
        _ => Schema::new_ref(def_ref(root_shape)),
    };
    root.insert("$schema".into(), DRAFT2020_12.into());
    root.insert("title".into(), title.into());
    describe(&mut root, description);
    root.insert("$defs".into(), Value::Object(defs));
    sort_keys(root.to_value())
}

fn def_ref(shape: &Shape) -> String {
    format!("#/$defs/{}", shape.name)
}

/// Every structure reachable from `shape`, by name.
fn collect_structures(shape: &'static Shape, out: &mut BTreeMap<&'static str, &'static Shape>) {
    if out.insert(shape.name, shape).is_some() {
        return;
    }
    for member in shape.members {
        collect_from_type(member.ty, out);
    }
}

fn collect_from_type(ty: &'static Type, out: &mut BTreeMap<&'static str, &'static Shape>) {
    match ty {
        Type::Structure(shape) => collect_structures(shape, out),
        Type::List { member, .. } => collect_from_type(member, out),
        Type::Map { value } => collect_from_type(value, out),
        _ => {}
    }
}

/// Sets `description` and `markdownDescription` (VS Code renders the latter on hover).
fn describe(schema: &mut Schema, doc: &str) {
    if !doc.is_empty() {
        schema.insert("description".into(), doc.into());
        schema.insert("markdownDescription".into(), doc.into());
    }
}

/// The `$defs` entry of a structure; `optional` lists required members not to require.
fn structure_schema(shape: &Shape, optional: &[&str]) -> Schema {
    let mut schema = json_schema!({ "title": shape.name });
    describe(&mut schema, crate::docs::shape_doc(shape));
    // A structure without members is a botocore document (`HookDetails`): any JSON value.
    if shape.members.is_empty() {
        return schema;
    }
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in shape.members {
        let mut property = type_schema(member.ty);
        describe(&mut property, crate::docs::member_doc(shape, member));
        if member.deprecated {
            property.insert("deprecated".into(), true.into());
            property.insert(
                "deprecationMessage".into(),
                format!("{} is deprecated in the Amazon ECS API.", member.name).into(),
            );
        }
        properties.insert(member.name.to_string(), property.to_value());
        if member.required && !optional.contains(&member.name) {
            required.push(member.name);
        }
    }
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        required.sort_unstable();
        schema.insert("required".into(), required.into());
    }
    schema.insert("additionalProperties".into(), false.into());
    schema
}

/// The schema of a value of type `ty`.
fn type_schema(ty: &Type) -> Schema {
    match ty {
        Type::String { min, max } => {
            let mut s = json_schema!({ "type": "string" });
            bound(&mut s, "minLength", *min);
            bound(&mut s, "maxLength", *max);
            s
        }
        Type::Enum(def) => json_schema!({
            "type": "string",
            "title": def.name,
            "enum": def.values,
        }),
        Type::Integer { min, max } => {
            let min = min.unwrap_or(i64::from(i32::MIN)).max(i64::from(i32::MIN));
            let max = max.unwrap_or(i64::from(i32::MAX)).min(i64::from(i32::MAX));
            json_schema!({ "type": "integer", "minimum": min, "maximum": max })
        }
        Type::Long { min, max } => {
            let mut s = json_schema!({ "type": "integer" });
            bound(&mut s, "minimum", *min);
            bound(&mut s, "maximum", *max);
            s
        }
        Type::Boolean => json_schema!({ "type": "boolean" }),
        Type::Double => json_schema!({ "type": "number" }),
        Type::Timestamp => json_schema!({ "type": ["string", "number"] }),
        Type::List { member, min, max } => {
            let mut s = json_schema!({
                "type": "array",
                "items": type_schema(member),
            });
            bound(&mut s, "minItems", *min);
            bound(&mut s, "maxItems", *max);
            s
        }
        Type::Map { value } => json_schema!({
            "type": "object",
            "additionalProperties": type_schema(value),
        }),
        Type::Structure(shape) => Schema::new_ref(def_ref(shape)),
    }
}

fn bound<N: Into<Value>>(schema: &mut Schema, keyword: &str, value: Option<N>) {
    if let Some(v) = value {
        schema.insert(keyword.into(), v.into());
    }
}

/// `value` with every object's keys in sorted order.
fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sort_keys(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in SchemaKind::ALL {
            assert_eq!(SchemaKind::parse(kind.name()), Some(kind));
        }
        assert_eq!(SchemaKind::parse("taskdef"), None);
    }

    #[test]
    fn service_does_not_require_service_name() {
        let schema = json_schema(SchemaKind::Service);
        let required = &schema["$defs"]["CreateServiceRequest"]["required"];
        assert!(!required
            .as_array()
            .is_some_and(|r| r.iter().any(|n| n == "serviceName")));
    }

    #[test]
    fn task_level_cpu_is_a_string() {
        let schema = json_schema(SchemaKind::TaskDefinition);
        let defs = &schema["$defs"];
        assert_eq!(
            defs["RegisterTaskDefinitionRequest"]["properties"]["cpu"]["type"],
            "string"
        );
        assert_eq!(
            defs["ContainerDefinition"]["properties"]["cpu"]["type"],
            "integer"
        );
    }
}
