//! `cargo xtask codegen` (CloudFormation part): AWS's resource provider schemas of
//! `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` (`crates/ecslint-core/data/
//! cloudformation-aws-ecs-*.json`, the copies of `../shared/reference`) and botocore's ECS
//! model → `crates/ecslint-core/src/forms/cloudformation/generated.rs`.
//!
//! For every definition reachable from the two resources the generated table holds its
//! properties as CloudFormation spells them, CloudFormation's types (`Cpu` a string,
//! `ContainerPort` an integer, enums, bounds), the `required`, read-only, create-only,
//! write-only and deprecated flags, and the API member each property maps to, with the
//! botocore shape the definition maps to. Two lists say what only one side has: properties
//! CloudFormation has that the API lacks, and API members no property maps to. Nothing in
//! the table is written by hand: the mapping is derived by name (see [`EXCEPTIONS`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::codegen::{default_botocore_path, rustfmt, workspace_root};
use crate::naming::screaming_snake;

/// The resources, the botocore request shape each one's `Properties` are sent as, and the
/// schema file.
const RESOURCES: &[(&str, &str, &str)] = &[
    (
        "AWS::ECS::TaskDefinition",
        "RegisterTaskDefinitionRequest",
        "cloudformation-aws-ecs-taskdefinition.json",
    ),
    (
        "AWS::ECS::Service",
        "CreateServiceRequest",
        "cloudformation-aws-ecs-service.json",
    ),
];

/// Properties whose API member is not the property's name in another letter case:
/// `(CloudFormation definition, property, API member)`. Each is the API member of the same
/// meaning, as the resource's documentation says:
///
/// - `ProxyConfiguration.ProxyConfigurationProperties` is the API's
///   `ProxyConfiguration.properties` (the same list of name/value pairs; "The set of network
///   configuration parameters to provide the Container Network Interface (CNI) plugin").
/// - `AWS::ECS::Service`'s `PlacementStrategies` is CreateService's `placementStrategy` (the
///   same list of `PlacementStrategy` objects; CloudFormation names it in the plural).
///
/// Everything else maps by name, ignoring case (`FilesystemId` is `fileSystemId`).
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "ProxyConfiguration",
        "ProxyConfigurationProperties",
        "properties",
    ),
    (
        "AWS::ECS::Service",
        "PlacementStrategies",
        "placementStrategy",
    ),
];

/// JSON Schema keywords the generator reads; any other keyword in a property's schema fails
/// the generation, so that a new constraint of AWS's schema is looked at, not lost.
const READ: &[&str] = &[
    "type",
    "enum",
    "items",
    "$ref",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "patternProperties",
    "additionalProperties",
];

/// Keywords seen and deliberately not checked (documented in `docs/cloudformation.md`):
/// `description`; `insertionOrder`, `uniqueItems`, `uniqueKeys` (how CloudFormation
/// compares values for drift); `format` (AWS's formats such as `AWS::IAM::Role.Arn` and
/// `AWS::EC2::Subnet.Id`, left to the rules); `pattern` (tags: the tag rules check them);
/// `multipleOf`; `default`; `$comment`; `relationshipRef`; and an `anyOf` of formats.
const IGNORED: &[&str] = &[
    "description",
    "insertionOrder",
    "uniqueItems",
    "uniqueKeys",
    "format",
    "pattern",
    "multipleOf",
    "default",
    "$comment",
    "relationshipRef",
    "anyOf",
    "examples",
];

/// Where the schemas are read: `$ECSLINT_CFN_SCHEMAS`, or `crates/ecslint-core/data`.
pub fn schema_dir() -> PathBuf {
    match std::env::var_os("ECSLINT_CFN_SCHEMAS") {
        Some(p) => PathBuf::from(p),
        None => workspace_root().join("crates/ecslint-core/data"),
    }
}

/// Where the generated table goes.
pub fn generated_path() -> PathBuf {
    workspace_root().join("crates/ecslint-core/src/forms/cloudformation/generated.rs")
}

/// Regenerates the table, or with `check`, fails if the file on disk differs.
pub fn run(check: bool) -> Result<(), String> {
    let botocore = std::fs::read_to_string(default_botocore_path())
        .map_err(|e| format!("cannot read botocore's ECS model: {e}"))?;
    let mut schemas = Vec::new();
    for (_, _, file) in RESOURCES {
        let path = schema_dir().join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {} ({e})", path.display()))?;
        schemas.push(text);
    }
    let code = generate(&botocore, &schemas)?;
    let target = generated_path();
    let formatted = rustfmt(&code, target.parent().expect("a directory"))?;
    let current = std::fs::read_to_string(&target).unwrap_or_default();
    if check {
        return if current == formatted {
            eprintln!("{} is up to date", target.display());
            Ok(())
        } else {
            Err(format!(
                "{} is out of date: run `cargo xtask codegen`",
                target.display()
            ))
        };
    }
    if current != formatted {
        std::fs::write(&target, &formatted)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    eprintln!("wrote {} ({} bytes)", target.display(), formatted.len());
    Ok(())
}

/// botocore's shapes, as far as the mapping needs them.
struct Botocore {
    shapes: Map<String, Value>,
}

impl Botocore {
    fn shape(&self, name: &str) -> Result<&Map<String, Value>, String> {
        self.shapes
            .get(name)
            .and_then(Value::as_object)
            .ok_or_else(|| format!("botocore has no shape `{name}`"))
    }

    /// The members of structure `name`, in botocore's order: `(member, target shape)`.
    fn members(&self, name: &str) -> Result<Vec<(String, String)>, String> {
        let shape = self.shape(name)?;
        Ok(shape
            .get("members")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v["shape"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    fn ty(&self, name: &str) -> Result<&str, String> {
        Ok(self.shape(name)?["type"].as_str().unwrap_or_default())
    }

    /// The structure a member's values are (through lists), if any.
    fn structure_of(&self, name: &str) -> Result<Option<String>, String> {
        match self.ty(name)? {
            "structure" => Ok(Some(name.to_owned())),
            "list" => {
                let member = self.shape(name)?["member"]["shape"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                self.structure_of(&member)
            }
            _ => Ok(None),
        }
    }
}

/// One CloudFormation definition to write.
struct Def {
    /// The static's name.
    ident: String,
    /// The definition's name (`ContainerDefinition`), or the resource type for a root.
    name: String,
    /// The botocore structure it maps to.
    api: Option<String>,
    props: Vec<Prop>,
}

struct Prop {
    name: String,
    api: Option<String>,
    ty: String,
    required: bool,
    read_only: bool,
    create_only: bool,
    write_only: bool,
    deprecated: bool,
}

struct Generator<'a> {
    botocore: &'a Botocore,
    /// `(resource index, definition name)` → its static.
    idents: BTreeMap<(usize, String), String>,
    defs: Vec<Def>,
    /// `(definition, property)` of properties the API lacks.
    cfn_only: BTreeSet<(String, String)>,
    /// `(botocore shape, member)` pairs some property maps to, and the shapes seen.
    mapped: BTreeSet<(String, String)>,
    shapes_seen: BTreeSet<String>,
}

/// The resource's `/properties/X` pointers of a flag list.
fn flagged(schema: &Value, key: &str) -> BTreeSet<String> {
    schema[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter_map(|p| p.strip_prefix("/properties/"))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".into(),
    }
}

fn bound_i(v: Option<&Value>) -> Result<String, String> {
    match v {
        None => Ok("None".into()),
        Some(v) => v
            .as_i64()
            .map(|n| format!("Some({n})"))
            .ok_or_else(|| format!("an integer bound that is not an integer: {v}")),
    }
}

fn bound_f(v: Option<&Value>) -> Result<String, String> {
    match v {
        None => Ok("None".into()),
        Some(v) => v
            .as_f64()
            .map(|n| format!("Some({n:?})"))
            .ok_or_else(|| format!("a number bound that is not a number: {v}")),
    }
}

fn bound_u(v: Option<&Value>) -> Result<String, String> {
    match v {
        None => Ok("None".into()),
        Some(v) => v
            .as_u64()
            .map(|n| format!("Some({n})"))
            .ok_or_else(|| format!("a length bound that is not a count: {v}")),
    }
}

impl Generator<'_> {
    /// The static of definition `name` of resource `r`, generating it the first time.
    fn def(
        &mut self,
        r: usize,
        schema: &Value,
        name: &str,
        api: Option<String>,
    ) -> Result<String, String> {
        let key = (r, name.to_owned());
        if let Some(ident) = self.idents.get(&key) {
            let existing = self
                .defs
                .iter()
                .find(|d| &d.ident == ident)
                .and_then(|d| d.api.clone());
            if existing != api {
                return Err(format!(
                    "the CloudFormation definition `{name}` maps to two botocore shapes: {existing:?} and {api:?}"
                ));
            }
            return Ok(ident.clone());
        }
        let prefix = if r == 0 { "TD" } else { "SVC" };
        let ident = format!("{prefix}_{}", screaming_snake(name));
        self.idents.insert(key, ident.clone());
        let index = self.defs.len();
        self.defs.push(Def {
            ident: ident.clone(),
            name: name.to_owned(),
            api: api.clone(),
            props: Vec::new(),
        });
        let body = &schema["definitions"][name];
        if body.is_null() {
            return Err(format!(
                "the schema refers to `{name}`, which it does not define"
            ));
        }
        let props = self.props(r, schema, name, body, api.as_deref(), &BTreeMap::new())?;
        self.defs[index].props = props;
        Ok(ident)
    }

    /// The properties of an object schema (a definition, or the resource's root).
    fn props(
        &mut self,
        r: usize,
        schema: &Value,
        def_name: &str,
        body: &Value,
        api: Option<&str>,
        flags: &BTreeMap<&str, BTreeSet<String>>,
    ) -> Result<Vec<Prop>, String> {
        if body["additionalProperties"] != Value::Bool(false) {
            return Err(format!(
                "`{def_name}` allows additional properties: the table cannot describe it"
            ));
        }
        let required: BTreeSet<&str> = body["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let members = match api {
            Some(shape) => {
                self.shapes_seen.insert(shape.to_owned());
                self.botocore.members(shape)?
            }
            None => Vec::new(),
        };
        let mut out = Vec::new();
        let properties = body["properties"]
            .as_object()
            .ok_or_else(|| format!("`{def_name}` has no properties"))?;
        for (name, prop) in properties {
            let exception = EXCEPTIONS
                .iter()
                .find(|(d, p, _)| *d == def_name && *p == name)
                .map(|(_, _, m)| *m);
            let member = match exception {
                Some(m) => Some(
                    members
                        .iter()
                        .find(|(n, _)| n == m)
                        .cloned()
                        .ok_or_else(|| {
                            format!("the exception {def_name}.{name} → {m}: botocore's {api:?} has no `{m}`")
                        })?,
                ),
                None => members
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .cloned(),
            };
            if let (Some(shape), Some((m, _))) = (api, &member) {
                self.mapped.insert((shape.to_owned(), m.clone()));
            } else {
                self.cfn_only.insert((def_name.to_owned(), name.clone()));
            }
            let target = match &member {
                Some((_, target)) => self.botocore.structure_of(target)?,
                None => None,
            };
            let ty = self.ty(r, schema, &format!("{def_name}.{name}"), prop, target)?;
            let flag = |k: &str| flags.get(k).is_some_and(|s| s.contains(name.as_str()));
            out.push(Prop {
                name: name.clone(),
                api: member.map(|(m, _)| m),
                ty,
                required: required.contains(name.as_str()),
                read_only: flag("readOnlyProperties"),
                create_only: flag("createOnlyProperties"),
                write_only: flag("writeOnlyProperties"),
                deprecated: flag("deprecatedProperties"),
            });
        }
        for r in &required {
            if !properties.contains_key(*r) {
                return Err(format!(
                    "`{def_name}` requires `{r}`, which it does not define"
                ));
            }
        }
        Ok(out)
    }

    /// The `CfnType` expression of a property's schema; `api` is the botocore structure its
    /// objects map to.
    fn ty(
        &mut self,
        r: usize,
        schema: &Value,
        what: &str,
        prop: &Value,
        api: Option<String>,
    ) -> Result<String, String> {
        let obj = prop
            .as_object()
            .ok_or_else(|| format!("{what}: a schema that is not an object"))?;
        for key in obj.keys() {
            if !READ.contains(&key.as_str()) && !IGNORED.contains(&key.as_str()) {
                return Err(format!(
                    "{what}: the schema keyword `{key}` is new to the generator: decide how to read it"
                ));
            }
        }
        if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
            let name = reference
                .strip_prefix("#/definitions/")
                .ok_or_else(|| format!("{what}: a $ref outside the definitions: {reference}"))?;
            let ident = self.def(r, schema, name, api)?;
            return Ok(format!("CfnType::Object(&{ident})"));
        }
        let types: Vec<&str> = match &obj.get("type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => return Err(format!("{what}: no type")),
        };
        if types.len() > 1 {
            return if types == ["string", "object"] {
                Ok("CfnType::StringOrObject".into())
            } else {
                Err(format!(
                    "{what}: the types {types:?} are new to the generator"
                ))
            };
        }
        Ok(match types[0] {
            "string" => {
                let values: Vec<String> = obj
                    .get("enum")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).map(lit).collect())
                    .unwrap_or_default();
                format!(
                    "CfnType::String {{ values: &[{}], min_length: {}, max_length: {} }}",
                    values.join(", "),
                    bound_u(obj.get("minLength"))?,
                    bound_u(obj.get("maxLength"))?
                )
            }
            // An integer `enum` (`ResolutionSeconds`: 20 or 60) is left to the API's checks;
            // its bounds are kept.
            "integer" => format!(
                "CfnType::Integer {{ min: {}, max: {} }}",
                bound_i(obj.get("minimum"))?,
                bound_i(obj.get("maximum"))?
            ),
            "number" => format!(
                "CfnType::Number {{ min: {}, max: {} }}",
                bound_f(obj.get("minimum"))?,
                bound_f(obj.get("maximum"))?
            ),
            "boolean" => "CfnType::Boolean".into(),
            "array" => {
                let items = obj
                    .get("items")
                    .ok_or_else(|| format!("{what}: an array without items"))?;
                let item = self.ty(r, schema, &format!("{what}[]"), items, api)?;
                format!(
                    "CfnType::Array {{ items: &{item}, min_items: {}, max_items: {} }}",
                    bound_u(obj.get("minItems"))?,
                    bound_u(obj.get("maxItems"))?
                )
            }
            "object" => {
                let patterns = obj
                    .get("patternProperties")
                    .and_then(Value::as_object)
                    .ok_or_else(|| format!("{what}: an inline object without patternProperties"))?;
                if patterns.len() != 1 {
                    return Err(format!("{what}: several patternProperties"));
                }
                let (_, value) = patterns.iter().next().expect("one");
                let value = self.ty(r, schema, &format!("{what}{{}}"), value, None)?;
                format!("CfnType::Map {{ values: &{value} }}")
            }
            other => {
                return Err(format!(
                    "{what}: the type `{other}` is new to the generator"
                ))
            }
        })
    }
}

/// Generates the table (not yet formatted) from botocore's model and the two schemas (in
/// the order of [`RESOURCES`]).
pub fn generate(botocore_json: &str, schemas: &[String]) -> Result<String, String> {
    let model: Value = serde_json::from_str(botocore_json)
        .map_err(|e| format!("cannot read botocore's model: {e}"))?;
    let botocore = Botocore {
        shapes: model["shapes"]
            .as_object()
            .cloned()
            .ok_or("botocore's model has no shapes")?,
    };
    let mut gen = Generator {
        botocore: &botocore,
        idents: BTreeMap::new(),
        defs: Vec::new(),
        cfn_only: BTreeSet::new(),
        mapped: BTreeSet::new(),
        shapes_seen: BTreeSet::new(),
    };
    let mut roots = Vec::new();
    let mut header_sources = Vec::new();
    for (r, ((type_name, request, file), text)) in RESOURCES.iter().zip(schemas).enumerate() {
        let schema: Value =
            serde_json::from_str(text).map_err(|e| format!("cannot read {file}: {e}"))?;
        if schema["typeName"] != *type_name {
            return Err(format!("{file} is not the schema of {type_name}"));
        }
        header_sources.push(format!(
            "{file} (fnv1a64 {:016x})",
            fnv1a64(text.as_bytes())
        ));
        let flags: BTreeMap<&str, BTreeSet<String>> = [
            "readOnlyProperties",
            "createOnlyProperties",
            "writeOnlyProperties",
            "deprecatedProperties",
        ]
        .into_iter()
        .map(|k| (k, flagged(&schema, k)))
        .collect();
        let ident = if r == 0 { "TASK_DEFINITION" } else { "SERVICE" };
        gen.idents
            .insert((r, (*type_name).to_owned()), ident.to_owned());
        let index = gen.defs.len();
        gen.defs.push(Def {
            ident: ident.to_owned(),
            name: (*type_name).to_owned(),
            api: Some((*request).to_owned()),
            props: Vec::new(),
        });
        let props = gen.props(r, &schema, type_name, &schema, Some(request), &flags)?;
        gen.defs[index].props = props;
        roots.push((*type_name, ident, *request));
    }

    // API members no property maps to, in the structures the properties map to.
    let mut api_only = Vec::new();
    for shape in &gen.shapes_seen {
        for (member, _) in botocore.members(shape)? {
            if !gen.mapped.contains(&(shape.clone(), member.clone())) {
                api_only.push((shape.clone(), member));
            }
        }
    }

    let mut shapes_used: BTreeSet<String> = BTreeSet::new();
    let mut body = String::new();
    for def in &gen.defs {
        let api = match &def.api {
            Some(shape) => {
                shapes_used.insert(screaming_snake(shape));
                format!("Some(&{})", screaming_snake(shape))
            }
            None => "None".into(),
        };
        let _ = writeln!(
            body,
            "pub static {}: Def = Def {{ name: {}, api: {api}, props: &[",
            def.ident,
            lit(&def.name)
        );
        for p in &def.props {
            let _ = writeln!(
                body,
                "Prop {{ name: {}, api: {}, ty: &{}, required: {}, read_only: {}, create_only: {}, write_only: {}, deprecated: {} }},",
                lit(&p.name),
                opt_lit(&p.api),
                p.ty,
                p.required,
                p.read_only,
                p.create_only,
                p.write_only,
                p.deprecated
            );
        }
        body.push_str("] };\n\n");
    }
    let _ = writeln!(
        body,
        "/// The resources: their type, their `Properties`, and the API request they are sent as.\npub static RESOURCES: &[(&str, &Def)] = &[{}];\n",
        roots
            .iter()
            .map(|(t, ident, _)| format!("({}, &{ident})", lit(t)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        body,
        "/// Properties CloudFormation has and the API lacks: `(definition, property)`.\npub static CFN_ONLY: &[(&str, &str)] = &[{}];\n",
        gen.cfn_only
            .iter()
            .map(|(d, p)| format!("({}, {})", lit(d), lit(p)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        body,
        "/// Members of the API that no property maps to: `(botocore shape, member)`.\npub static API_ONLY: &[(&str, &str)] = &[{}];\n",
        api_only
            .iter()
            .map(|(s, m)| format!("({}, {})", lit(s), lit(m)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        body,
        "/// Every definition, the resources' first.\npub static DEFS: &[&Def] = &[{}];",
        gen.defs
            .iter()
            .map(|d| format!("&{}", d.ident))
            .collect::<Vec<_>>()
            .join(", ")
    );

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// @generated by cargo xtask codegen from CloudFormation's resource provider schemas\n// {}\n// and botocore's ECS model (fnv1a64 {:016x}). Do not edit.\n",
        header_sources.join(",\n// "),
        fnv1a64(botocore_json.as_bytes())
    );
    let _ = writeln!(out, "use super::schema::{{CfnType, Def, Prop}};");
    let _ = writeln!(
        out,
        "use crate::model::{{{}}};\n",
        shapes_used.into_iter().collect::<Vec<_>>().join(", ")
    );
    out.push_str(&body);
    Ok(out)
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> Option<(String, Vec<String>)> {
        let botocore = std::fs::read_to_string(default_botocore_path()).ok()?;
        let schemas = RESOURCES
            .iter()
            .map(|(_, _, f)| std::fs::read_to_string(schema_dir().join(f)).ok())
            .collect::<Option<Vec<_>>>()?;
        Some((botocore, schemas))
    }

    #[test]
    fn the_documented_mapping() {
        let Some((botocore, schemas)) = inputs() else {
            eprintln!("schemas not found; skipping");
            return;
        };
        let out = generate(&botocore, &schemas).expect("generate");
        for expected in [
            r#"Prop { name: "ContainerDefinitions", api: Some("containerDefinitions")"#,
            r#"Prop { name: "ProxyConfigurationProperties", api: Some("properties")"#,
            r#"Prop { name: "FilesystemId", api: Some("fileSystemId")"#,
            r#"Prop { name: "AwsvpcConfiguration", api: Some("awsvpcConfiguration")"#,
            r#"Prop { name: "PlacementStrategies", api: Some("placementStrategy")"#,
            r#"Prop { name: "Key", api: Some("key")"#,
            r#"("AWS::ECS::Service", "ServiceArn")"#,
            r#"("CreateServiceRequest", "clientToken")"#,
        ] {
            assert!(out.contains(expected), "missing {expected}");
        }
    }

    #[test]
    fn a_new_keyword_fails() {
        let Some((botocore, mut schemas)) = inputs() else {
            return;
        };
        schemas[0] = schemas[0].replacen(r#""Cpu": {"#, r#""Cpu": { "contentEncoding": "x","#, 1);
        assert!(schemas[0].contains("contentEncoding"));
        let err = generate(&botocore, &schemas).unwrap_err();
        assert!(err.contains("contentEncoding"), "{err}");
    }
}
