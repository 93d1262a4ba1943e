//! `cargo xtask codegen` (Terraform part): the AWS provider's schema of `aws_ecs_task_definition`
//! and `aws_ecs_service` → `crates/ecslint-core/src/forms/terraform/generated.rs`.
//!
//! Input: `crates/ecslint-core/data/terraform-aws-ecs-schema.json` (`$ECSLINT_TERRAFORM_SCHEMA`
//! overrides it): the output of `terraform providers schema -json` for hashicorp/aws v5.100.0,
//! with the provider's validations (`x-validation`), defaults (`x-default`) and the names a
//! newer provider adds (`x-later-source`) noted; and botocore's ECS model, for the API member
//! each argument becomes.
//!
//! Names are mapped by rule, then by the exceptions listed in [`RENAMED`] and
//! [`TERRAFORM_ONLY`], each a fact of the provider's expand functions:
//!
//! 1. `snake_case` → `camelCase`, matched against the API shape's members ignoring letter case
//!    (`size_in_gib` → `sizeInGiB`, `enable_ecs_managed_tags` → `enableECSManagedTags`);
//! 2. for a block or a list, the plural (`volume` → `volumes`, `load_balancer` →
//!    `loadBalancers`);
//! 3. [`RENAMED`]: another name, or a path when the provider nests the value
//!    (`deployment_maximum_percent` → `deploymentConfiguration.maximumPercent`);
//! 4. [`TERRAFORM_ONLY`]: arguments the provider keeps to itself (`skip_destroy`, `timeouts`).
//!
//! An argument that none of these maps fails the generator: a new provider schema is a
//! decision to make, not something to drop. The conversion of each value follows from the two
//! types: a Terraform map where the API takes a list of `{key, value}` objects (`tags`), a
//! boolean where it takes `ENABLED`/`DISABLED` (`assign_public_ip`), the JSON string of
//! `container_definitions`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

use crate::codegen::workspace_root;

/// `$ECSLINT_TERRAFORM_SCHEMA`, or the copy in `crates/ecslint-core/data`.
pub fn default_schema_path() -> PathBuf {
    match std::env::var_os("ECSLINT_TERRAFORM_SCHEMA") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("crates/ecslint-core/data/terraform-aws-ecs-schema.json"),
    }
}

/// Where the generated tables go.
pub fn generated_path() -> PathBuf {
    workspace_root().join("crates/ecslint-core/src/forms/terraform/generated.rs")
}

/// The resources linted: Terraform type, the static's prefix, the document kind, the API
/// request shape.
const RESOURCES: &[(&str, &str, &str, &str)] = &[
    (
        "aws_ecs_task_definition",
        "TASK_DEFINITION",
        "TaskDefinition",
        "RegisterTaskDefinitionRequest",
    ),
    (
        "aws_ecs_service",
        "SERVICE",
        "Service",
        "CreateServiceRequest",
    ),
];

/// Arguments and blocks the provider sends under another name or nesting (resource type,
/// then the Terraform path with `.` between block names, then the API path). Each is read
/// from the provider's expand functions (`internal/service/ecs/task_definition.go`,
/// `service.go`) and seen in plans of v5.100.0.
const RENAMED: &[(&str, &str, &[&str])] = &[
    (
        "aws_ecs_task_definition",
        "volume.host_path",
        &["host", "sourcePath"],
    ),
    (
        "aws_ecs_task_definition",
        "volume.configure_at_launch",
        &["configuredAtLaunch"],
    ),
    ("aws_ecs_service", "name", &["serviceName"]),
    ("aws_ecs_service", "iam_role", &["role"]),
    (
        "aws_ecs_service",
        "deployment_maximum_percent",
        &["deploymentConfiguration", "maximumPercent"],
    ),
    (
        "aws_ecs_service",
        "deployment_minimum_healthy_percent",
        &["deploymentConfiguration", "minimumHealthyPercent"],
    ),
    (
        "aws_ecs_service",
        "deployment_circuit_breaker",
        &["deploymentConfiguration", "deploymentCircuitBreaker"],
    ),
    (
        "aws_ecs_service",
        "alarms",
        &["deploymentConfiguration", "alarms"],
    ),
    (
        "aws_ecs_service",
        "network_configuration",
        &["networkConfiguration", "awsvpcConfiguration"],
    ),
    (
        "aws_ecs_service",
        "ordered_placement_strategy",
        &["placementStrategy"],
    ),
    (
        "aws_ecs_service",
        "load_balancer.elb_name",
        &["loadBalancerName"],
    ),
    (
        "aws_ecs_service",
        "service_connect_configuration.service.client_alias",
        &["clientAliases"],
    ),
    (
        "aws_ecs_service",
        "service_connect_configuration.service.tls.issuer_cert_authority",
        &["issuerCertificateAuthority"],
    ),
    (
        "aws_ecs_service",
        "volume_configuration.managed_ebs_volume.size_in_gb",
        &["sizeInGiB"],
    ),
];

/// Arguments and blocks that are settings of the provider or of Terraform: not sent to the
/// API (resource type, Terraform path).
const TERRAFORM_ONLY: &[(&str, &str)] = &[
    ("aws_ecs_task_definition", "id"),
    ("aws_ecs_task_definition", "skip_destroy"),
    ("aws_ecs_task_definition", "track_latest"),
    ("aws_ecs_task_definition", "tags_all"),
    ("aws_ecs_service", "id"),
    ("aws_ecs_service", "tags_all"),
    ("aws_ecs_service", "force_delete"),
    ("aws_ecs_service", "force_new_deployment"),
    ("aws_ecs_service", "triggers"),
    ("aws_ecs_service", "wait_for_steady_state"),
    ("aws_ecs_service", "timeouts"),
];

/// The output of the generator.
pub struct Output {
    pub code: String,
    pub arguments: usize,
    pub blocks: usize,
}

struct Botocore {
    shapes: serde_json::Map<String, Value>,
}

/// An API member's type, as far as the mapping needs it.
#[derive(Debug, Clone)]
enum ApiType {
    Scalar,
    Enum(Vec<String>),
    Structure(String),
    List(Box<ApiType>),
    Map,
}

impl Botocore {
    fn shape(&self, name: &str) -> Result<&Value, String> {
        self.shapes
            .get(name)
            .ok_or_else(|| format!("botocore has no shape `{name}`"))
    }

    fn ty(&self, shape: &str) -> Result<ApiType, String> {
        let s = self.shape(shape)?;
        Ok(match s["type"].as_str().unwrap_or("") {
            "structure" => ApiType::Structure(shape.to_owned()),
            "list" => ApiType::List(Box::new(
                self.ty(s["member"]["shape"].as_str().unwrap_or(""))?,
            )),
            "map" => ApiType::Map,
            "string" => match s.get("enum").and_then(Value::as_array) {
                Some(values) => ApiType::Enum(
                    values
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect(),
                ),
                None => ApiType::Scalar,
            },
            _ => ApiType::Scalar,
        })
    }

    /// The members of structure `shape`: (name, member shape, required).
    fn members(&self, shape: &str) -> Result<Vec<(String, String, bool)>, String> {
        let s = self.shape(shape)?;
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let members = s
            .get("members")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("botocore shape `{shape}` is not a structure"))?;
        Ok(members
            .iter()
            .map(|(name, m)| {
                (
                    name.clone(),
                    m["shape"].as_str().unwrap_or("").to_owned(),
                    required.contains(&name.as_str()),
                )
            })
            .collect())
    }

    /// Follows `path` from structure `shape`: the last member's (shape, required), and the
    /// structure holding it.
    fn resolve(&self, shape: &str, path: &[&str]) -> Result<(String, bool), String> {
        let mut current = shape.to_owned();
        let mut found = None;
        for (i, name) in path.iter().enumerate() {
            let members = self.members(&current)?;
            let (_, member_shape, required) = members
                .iter()
                .find(|(n, _, _)| n == name)
                .ok_or_else(|| format!("`{shape}` has no member path {}", path.join(".")))?;
            if i + 1 < path.len() {
                current = member_shape.clone();
            }
            found = Some((member_shape.clone(), *required));
        }
        found.ok_or_else(|| "empty API path".to_owned())
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn str_slice(items: &[&str]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", parts.join(", "))
}

struct Gen<'a> {
    botocore: &'a Botocore,
    resource: &'a str,
    /// `(static name, code)` in order of generation.
    statics: Vec<(String, String)>,
    arguments: usize,
    blocks: usize,
    later: Vec<String>,
}

impl Gen<'_> {
    fn renamed(&self, path: &str) -> Option<&'static [&'static str]> {
        RENAMED
            .iter()
            .find(|(r, p, _)| *r == self.resource && *p == path)
            .map(|(_, _, api)| *api)
    }

    fn terraform_only(&self, path: &str) -> bool {
        TERRAFORM_ONLY
            .iter()
            .any(|(r, p)| *r == self.resource && *p == path)
    }

    /// The API member for Terraform name `name` under `shape`: by [`RENAMED`], else by name
    /// (ignoring case), else by its plural.
    fn member_for(
        &self,
        path: &str,
        name: &str,
        shape: &str,
    ) -> Result<Option<Vec<String>>, String> {
        if let Some(api) = self.renamed(path) {
            self.botocore.resolve(shape, api)?;
            return Ok(Some(api.iter().map(|s| s.to_string()).collect()));
        }
        let members = self.botocore.members(shape)?;
        let camel = camel(name);
        for candidate in [camel.clone(), format!("{camel}s")] {
            if let Some((n, _, _)) = members
                .iter()
                .find(|(n, _, _)| n.eq_ignore_ascii_case(&candidate))
            {
                return Ok(Some(vec![n.clone()]));
            }
        }
        Ok(None)
    }

    fn block(
        &mut self,
        static_name: &str,
        tf_path: &str,
        schema: &Value,
        api_shape: Option<&str>,
    ) -> Result<(), String> {
        let mut arguments = String::new();
        let attributes = schema
            .get("attributes")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, attr) in &attributes {
            let path = join(tf_path, name);
            arguments.push_str(&self.argument(&path, name, attr, api_shape)?);
            self.arguments += 1;
        }
        let mut blocks = String::new();
        let nested = schema
            .get("block_types")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, bt) in &nested {
            let path = join(tf_path, name);
            let child_static = format!("{static_name}_{}", name.to_ascii_uppercase());
            let nesting = match bt["nesting_mode"].as_str().unwrap_or("") {
                "list" => "List",
                "set" => "Set",
                "single" => "Single",
                other => return Err(format!("{path}: nesting mode `{other}` is not handled")),
            };
            let min_items = bt.get("min_items").and_then(Value::as_u64).unwrap_or(0);
            let max_items = bt.get("max_items").and_then(Value::as_u64);
            let (api, child_shape) = if self.terraform_only(&path) {
                ("None".to_owned(), None)
            } else {
                let shape = api_shape.ok_or_else(|| format!("{path}: no API shape"))?;
                let member = self.member_for(&path, name, shape)?.ok_or_else(|| {
                    format!("{path}: no API member matches; add it to RENAMED or TERRAFORM_ONLY")
                })?;
                let refs: Vec<&str> = member.iter().map(String::as_str).collect();
                let (member_shape, _) = self.botocore.resolve(shape, &refs)?;
                let (array, child) = match self.botocore.ty(&member_shape)? {
                    ApiType::Structure(s) => {
                        if max_items != Some(1) && nesting != "Single" {
                            return Err(format!(
                                "{path}: a repeatable block maps to the structure {s}"
                            ));
                        }
                        (false, s)
                    }
                    ApiType::List(inner) => match *inner {
                        ApiType::Structure(s) => (true, s),
                        other => {
                            return Err(format!("{path}: a block maps to a list of {other:?}"))
                        }
                    },
                    other => return Err(format!("{path}: a block maps to {other:?}")),
                };
                (
                    format!(
                        "Some(BlockApi {{ path: {}, array: {array} }})",
                        str_slice(&refs)
                    ),
                    Some(child),
                )
            };
            let checks = self.checks(&path, bt, None)?;
            self.block(&child_static, &path, &bt["block"], child_shape.as_deref())?;
            self.blocks += 1;
            let max = match max_items {
                Some(m) => format!("Some({m})"),
                None => "None".into(),
            };
            writeln!(
                blocks,
                "        NestedBlock {{ name: {}, nesting: Nesting::{nesting}, min_items: {min_items}, max_items: {max}, api: {api}, block: &{child_static}, checks: {checks} }},",
                lit(name)
            )
            .unwrap();
        }
        let code = format!(
            "pub static {static_name}: Block = Block {{\n    arguments: &[\n{arguments}    ],\n    blocks: &[\n{blocks}    ],\n}};\n"
        );
        self.statics.push((static_name.to_owned(), code));
        Ok(())
    }

    fn argument(
        &mut self,
        path: &str,
        name: &str,
        attr: &Value,
        api_shape: Option<&str>,
    ) -> Result<String, String> {
        let ty = tf_type(&attr["type"]).map_err(|e| format!("{path}: {e}"))?;
        let flag = |f: &str| attr.get(f).and_then(Value::as_bool).unwrap_or(false);
        let presence = if flag("required") {
            "Required"
        } else if flag("optional") {
            "Optional"
        } else {
            "Computed"
        };
        let mut api_enum = None;
        let mut default = "None".to_owned();
        let api = if presence == "Computed" || self.terraform_only(path) {
            "Api::None".to_owned()
        } else if let Some(shape) = api_shape {
            let member = self.member_for(path, name, shape)?.ok_or_else(|| {
                format!("{path}: no API member matches; add it to RENAMED or TERRAFORM_ONLY")
            })?;
            let refs: Vec<&str> = member.iter().map(String::as_str).collect();
            let (member_shape, required) = self.botocore.resolve(shape, &refs)?;
            let api_ty = self.botocore.ty(&member_shape)?;
            let conv = conversion(&attr["type"], &api_ty, self.botocore)
                .map_err(|e| format!("{path} → {}: {e}", refs.join(".")))?;
            if let ApiType::Enum(values) = &api_ty {
                api_enum = Some(values.clone());
            }
            if let ApiType::List(inner) = &api_ty {
                if let ApiType::Enum(values) = &**inner {
                    api_enum = Some(values.clone());
                }
            }
            if required {
                if let Some(d) = attr.get("x-default") {
                    default = format!("Some({})", lit(&d.to_string()));
                }
            }
            format!("Api::Member {{ path: {}, conv: {conv} }}", str_slice(&refs))
        } else {
            // An argument of a block the provider keeps to itself (`timeouts`).
            "Api::None".to_owned()
        };
        let checks = self.checks(path, attr, api_enum.as_deref())?;
        Ok(format!(
            "        Argument {{ name: {}, ty: {ty}, presence: Presence::{presence}, api: {api}, checks: {checks}, default: {default} }},\n",
            lit(name)
        ))
    }

    /// The validate-time checks of `x-validation` (apply-time ones are the API's to make).
    fn checks(&self, path: &str, v: &Value, api_enum: Option<&[String]>) -> Result<String, String> {
        let Some(rules) = v.get("x-validation").and_then(Value::as_array) else {
            return Ok("&[]".into());
        };
        let mut out = Vec::new();
        for rule in rules {
            if rule.get("stage").and_then(Value::as_str) == Some("apply") {
                continue;
            }
            let kind = rule["kind"].as_str().unwrap_or("");
            let int = |k: &str| {
                rule[k]
                    .as_i64()
                    .ok_or_else(|| format!("{path}: {kind} without {k}"))
            };
            let check = match kind {
                "one_of" => {
                    if rule.get("case_sensitive").and_then(Value::as_bool) == Some(false) {
                        return Err(format!("{path}: case-insensitive one_of is not handled"));
                    }
                    let values: Vec<&str> = rule["values"]
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    let api: Vec<&str> = api_enum
                        .map(|a| a.iter().map(String::as_str).collect())
                        .unwrap_or_default();
                    format!(
                        "Check::OneOf {{ values: {}, api: {} }}",
                        str_slice(&values),
                        str_slice(&api)
                    )
                }
                "int_between" | "port_number" | "port_number_or_zero" => {
                    format!(
                        "Check::IntBetween {{ min: {}, max: {} }}",
                        int("min")?,
                        int("max")?
                    )
                }
                "float_between" => format!(
                    "Check::FloatBetween {{ min: {:?}, max: {:?} }}",
                    rule["min"].as_f64().unwrap_or(0.0),
                    rule["max"].as_f64().unwrap_or(0.0)
                ),
                "string_length_between" => {
                    format!(
                        "Check::Length {{ min: {}, max: {} }}",
                        int("min")?,
                        int("max")?
                    )
                }
                "regex" | "regex_not" => {
                    let pattern = rule["pattern"].as_str().unwrap_or("");
                    if !simple_pattern(pattern) {
                        return Err(format!(
                            "{path}: pattern {pattern:?} is beyond the core's matcher (^[class]+$, ^literal)"
                        ));
                    }
                    let variant = if kind == "regex" {
                        "Pattern"
                    } else {
                        "NotPattern"
                    };
                    format!("Check::{variant} {{ pattern: {} }}", lit(pattern))
                }
                "arn" => "Check::Arn".to_owned(),
                "max_items" => format!("Check::MaxItems {{ max: {} }}", int("max")?),
                "conflicts_with" => {
                    let names: Vec<&str> = rule["attributes"]
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    format!(
                        "Check::ConflictsWith {{ arguments: {} }}",
                        str_slice(&names)
                    )
                }
                // Checked where the string is decoded (the Terraform deployer profile).
                "container_definitions_json" => continue,
                other => return Err(format!("{path}: validation kind `{other}` is not handled")),
            };
            out.push(check);
        }
        Ok(format!("&[{}]", out.join(", ")))
    }
}

/// Patterns the core's matcher reads: `^[class]+$` (ranges and single characters), or a
/// literal prefix `^abc`.
fn simple_pattern(p: &str) -> bool {
    if let Some(class) = p.strip_prefix("^[").and_then(|r| r.strip_suffix("]+$")) {
        return !class.is_empty() && !class.contains(['[', ']', '\\', '^']);
    }
    p.strip_prefix('^').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':')
    })
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

fn tf_type(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => match s.as_str() {
            "string" => Ok("TfType::String".into()),
            "number" => Ok("TfType::Number".into()),
            "bool" => Ok("TfType::Bool".into()),
            other => Err(format!("type `{other}` is not handled")),
        },
        Value::Array(a) if a.len() == 2 => {
            let inner = tf_type(&a[1])?;
            let outer = match a[0].as_str().unwrap_or("") {
                "list" => "List",
                "set" => "Set",
                "map" => "Map",
                other => return Err(format!("collection `{other}` is not handled")),
            };
            Ok(format!("TfType::{outer}(&{inner})"))
        }
        other => Err(format!("type {other} is not handled")),
    }
}

/// How a Terraform value of type `tf` becomes an API value of type `api`.
fn conversion(tf: &Value, api: &ApiType, botocore: &Botocore) -> Result<String, String> {
    let scalar = tf.as_str();
    let collection = tf
        .as_array()
        .and_then(|a| a.first())
        .and_then(Value::as_str);
    match (scalar, collection, api) {
        (Some("bool"), _, ApiType::Enum(values))
            if values.iter().any(|v| v == "ENABLED") && values.iter().any(|v| v == "DISABLED") =>
        {
            Ok("Conv::EnabledDisabled".into())
        }
        (Some("string"), _, ApiType::List(inner)) if matches!(&**inner, ApiType::Structure(s) if s == "ContainerDefinition") => {
            Ok("Conv::ContainerDefinitions".into())
        }
        (Some(_), _, ApiType::Scalar | ApiType::Enum(_)) => Ok("Conv::Value".into()),
        (_, Some("list" | "set"), ApiType::List(_)) => Ok("Conv::Value".into()),
        (_, Some("map"), ApiType::Map) => Ok("Conv::Value".into()),
        (_, Some("map"), ApiType::List(inner)) => {
            let ApiType::Structure(s) = &**inner else {
                return Err("a map where the API takes a list of scalars".into());
            };
            let members = botocore.members(s)?;
            let names: Vec<&str> = members.iter().map(|(n, _, _)| n.as_str()).collect();
            match names.as_slice() {
                ["key", "value"] => Ok("Conv::KeyValues { key: \"key\", value: \"value\" }".into()),
                ["name", "value"] => {
                    Ok("Conv::KeyValues { key: \"name\", value: \"value\" }".into())
                }
                other => Err(format!("a map where the API takes a list of {other:?}")),
            }
        }
        _ => Err(format!("Terraform type {tf} does not map onto {api:?}")),
    }
}

/// Generates the tables from the provider's schema and botocore's model.
pub fn generate(schema_json: &str, botocore_json: &str) -> Result<Output, String> {
    let schema: Value =
        serde_json::from_str(schema_json).map_err(|e| format!("the Terraform schema: {e}"))?;
    let model: Value =
        serde_json::from_str(botocore_json).map_err(|e| format!("botocore's model: {e}"))?;
    let botocore = Botocore {
        shapes: model["shapes"]
            .as_object()
            .cloned()
            .ok_or("botocore's model has no shapes")?,
    };
    let provider = schema["provider"].as_str().unwrap_or("");
    let version = schema["provider_version"].as_str().unwrap_or("");
    let mut code = String::new();
    writeln!(
        code,
        "//! Generated by `cargo xtask codegen` from the schema of {provider} {version} \
         (`data/terraform-aws-ecs-schema.json`) and botocore's ECS model. Do not edit.\n\n\
         use super::schema::*;\nuse crate::document::DocumentKind;\n\n\
         /// The provider version whose schema the tables are.\n\
         pub const PROVIDER: &str = {};\n",
        lit(&format!(
            "{} v{version}",
            provider.trim_start_matches("registry.terraform.io/")
        ))
    )
    .unwrap();
    let mut resources = String::new();
    let mut statics = Vec::new();
    let mut later_all = Vec::new();
    let (mut arguments, mut blocks) = (0, 0);
    for (tf_name, prefix, kind, request) in RESOURCES {
        let resource = &schema["resource_schemas"][*tf_name];
        if resource.is_null() {
            return Err(format!("the schema has no `{tf_name}`"));
        }
        let mut gen = Gen {
            botocore: &botocore,
            resource: tf_name,
            statics: Vec::new(),
            arguments: 0,
            blocks: 0,
            later: Vec::new(),
        };
        gen.block(prefix, "", &resource["block"], Some(request))?;
        arguments += gen.arguments;
        blocks += gen.blocks;
        // Names a newer provider adds: recognised, neither mapped nor checked.
        if let Some(later) = schema["x-later-source"][*tf_name].as_object() {
            for key in ["added_attributes", "added_blocks"] {
                for name in later
                    .get(key)
                    .and_then(Value::as_object)
                    .map(|m| m.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default()
                {
                    gen.later.push(name);
                }
            }
        }
        gen.later.push("region".into());
        for name in &gen.later {
            later_all.push(format!("({}, {})", lit(tf_name), lit(name)));
        }
        writeln!(
            resources,
            "    Resource {{ name: {}, kind: DocumentKind::{kind}, block: &{prefix} }},",
            lit(tf_name)
        )
        .unwrap();
        statics.extend(gen.statics);
    }
    writeln!(code, "/// The resources the form lints.\npub static RESOURCES: &[Resource] = &[\n{resources}];\n").unwrap();
    writeln!(
        code,
        "/// Arguments and blocks of newer provider versions (v6: `region`, `deployment_configuration`, …; \
         `x-later-source` of the schema file), as `(resource, path)`: recognised, not checked.\n\
         pub static LATER: &[(&str, &str)] = &[{}];\n",
        later_all.join(", ")
    )
    .unwrap();
    let by_name: BTreeMap<String, String> = statics.into_iter().collect();
    for code_part in by_name.values() {
        code.push_str(code_part);
        code.push('\n');
    }
    Ok(Output {
        code,
        arguments,
        blocks,
    })
}

/// Writes (or with `check`, compares) the generated file.
pub fn run(check: bool, botocore_json: &str) -> Result<(), String> {
    let schema_path = default_schema_path();
    let schema = std::fs::read_to_string(&schema_path).map_err(|e| {
        format!(
            "cannot read the Terraform provider's schema at {} ({e}); set ECSLINT_TERRAFORM_SCHEMA",
            schema_path.display()
        )
    })?;
    let out = generate(&schema, botocore_json)?;
    let target = generated_path();
    let formatted = crate::codegen::rustfmt(&out.code, target.parent().expect("a directory"))?;
    let current = std::fs::read_to_string(&target).unwrap_or_default();
    if check {
        if current == formatted {
            eprintln!("{} is up to date", target.display());
            return Ok(());
        }
        return Err(format!(
            "{} is out of date: run `cargo xtask codegen`",
            target.display()
        ));
    }
    if current != formatted {
        std::fs::write(&target, &formatted)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    eprintln!(
        "wrote {} ({} arguments, {} blocks)",
        target.display(),
        out.arguments,
        out.blocks
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_and_patterns() {
        assert_eq!(camel("size_in_gib"), "sizeInGib");
        assert!(simple_pattern("^[0-9A-Za-z_-]+$"));
        assert!(simple_pattern("^-"));
        assert!(!simple_pattern("^(a|b)$"));
    }
}
