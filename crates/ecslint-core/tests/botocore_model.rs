//! The generated shape tables (`model/generated.rs`) must match botocore's ECS model: every
//! structure reachable from the request shapes, with the same members, types, required
//! flags and enum values. When botocore is updated, this test says what changed; the fix is
//! `cargo xtask codegen`.
//!
//! botocore is read directly with `serde_json` (not through the xtask), from
//! `$ECSLINT_BOTOCORE` or the copy in `crates/ecslint-core/data/`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use ecslint_core::model::{EnumDef, Shape, Type, ENUMS, SHAPES};
use serde_json::Value;

const ROOTS: &[&str] = &[
    "RegisterTaskDefinitionRequest",
    "CreateServiceRequest",
    "UpdateServiceRequest",
];
const FIX: &str = "run `cargo xtask codegen`";

fn botocore_path() -> PathBuf {
    match std::env::var_os("ECSLINT_BOTOCORE") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data/botocore-ecs-2014-11-13-service-2.json"),
    }
}

/// botocore's `shapes` object.
fn botocore_shapes() -> serde_json::Map<String, Value> {
    let path = botocore_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "botocore's ECS model is expected at {} ({e}); set ECSLINT_BOTOCORE to its path",
            path.display()
        )
    });
    let model: Value = serde_json::from_str(&text).expect("botocore's model is JSON");
    model["shapes"]
        .as_object()
        .expect("botocore's model has `shapes`")
        .clone()
}

fn shape<'a>(shapes: &'a serde_json::Map<String, Value>, name: &str) -> &'a Value {
    shapes
        .get(name)
        .unwrap_or_else(|| panic!("botocore refers to undefined shape {name}"))
}

fn kind(shape: &Value) -> &str {
    shape["type"]
        .as_str()
        .expect("every botocore shape has a type")
}

fn is_enum(shape: &Value) -> bool {
    kind(shape) == "string" && shape.get("enum").is_some()
}

/// The botocore shape names reachable from the roots.
fn reachable(shapes: &serde_json::Map<String, Value>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<String> = ROOTS.iter().map(|r| r.to_string()).collect();
    while let Some(name) = queue.pop_front() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let s = shape(shapes, &name);
        if let Some(members) = s["members"].as_object() {
            queue.extend(
                members
                    .values()
                    .map(|m| m["shape"].as_str().unwrap().to_string()),
            );
        }
        for key in ["member", "key", "value"] {
            if let Some(target) = s[key]["shape"].as_str() {
                queue.push_back(target.to_string());
            }
        }
    }
    seen
}

/// Compares a generated type with the botocore shape `target`; returns what differs.
fn compare_type(
    shapes: &serde_json::Map<String, Value>,
    ty: &Type,
    target: &str,
) -> Result<(), String> {
    let s = shape(shapes, target);
    let bound = |key: &str| s.get(key).and_then(Value::as_i64);
    let ubound = |key: &str| s.get(key).and_then(Value::as_u64);
    match (kind(s), ty) {
        ("string", Type::Enum(def)) if is_enum(s) => {
            if def.name == target {
                Ok(())
            } else {
                Err(format!(
                    "the model has enum {}, botocore has {target}",
                    def.name
                ))
            }
        }
        ("string", Type::String { min, max }) if !is_enum(s) => {
            if (*min, *max) == (ubound("min"), ubound("max")) {
                Ok(())
            } else {
                Err(format!(
                    "the model has string length {min:?}..{max:?}, botocore {target} has {:?}..{:?}",
                    ubound("min"),
                    ubound("max")
                ))
            }
        }
        ("integer", Type::Integer { min, max }) | ("long", Type::Long { min, max }) => {
            if (*min, *max) == (bound("min"), bound("max")) {
                Ok(())
            } else {
                Err(format!(
                    "the model has range {min:?}..{max:?}, botocore {target} has {:?}..{:?}",
                    bound("min"),
                    bound("max")
                ))
            }
        }
        ("boolean", Type::Boolean)
        | ("double" | "float", Type::Double)
        | ("timestamp", Type::Timestamp) => Ok(()),
        ("list", Type::List { member, min, max }) => {
            if (*min, *max) != (ubound("min"), ubound("max")) {
                return Err(format!(
                    "the model has list length {min:?}..{max:?}, botocore {target} has {:?}..{:?}",
                    ubound("min"),
                    ubound("max")
                ));
            }
            let elem = s["member"]["shape"].as_str().unwrap();
            compare_type(shapes, member, elem).map_err(|e| format!("list element: {e}"))
        }
        ("map", Type::Map { value }) => {
            let v = s["value"]["shape"].as_str().unwrap();
            compare_type(shapes, value, v).map_err(|e| format!("map value: {e}"))
        }
        ("structure", Type::Structure(shape)) => {
            if shape.name == target {
                Ok(())
            } else {
                Err(format!(
                    "the model has structure {}, botocore has {target}",
                    shape.name
                ))
            }
        }
        (k, ty) => Err(format!(
            "the model has {ty:?}, botocore {target} is a {k}{}",
            if is_enum(s) { " enum" } else { "" }
        )),
    }
}

#[test]
fn generated_shapes_match_botocore() {
    let shapes = botocore_shapes();
    let reachable = reachable(&shapes);
    let model: BTreeMap<&str, &Shape> = SHAPES.iter().map(|s| (s.name, *s)).collect();
    let mut problems = Vec::new();

    for name in reachable
        .iter()
        .filter(|n| kind(&shapes[*n]) == "structure")
    {
        let s = &shapes[name];
        let Some(generated) = model.get(name.as_str()) else {
            problems.push(format!("botocore has structure {name} (not in the model)"));
            continue;
        };
        let members = s["members"].as_object().cloned().unwrap_or_default();
        let required: BTreeSet<&str> = s["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (member, spec) in &members {
            let Some(m) = generated.member(member) else {
                problems.push(format!("botocore has {name}.{member} (not in the model)"));
                continue;
            };
            let target = spec["shape"].as_str().unwrap();
            if let Err(e) = compare_type(&shapes, m.ty, target) {
                problems.push(format!("{name}.{member}: {e}"));
            }
            let want_required = required.contains(member.as_str());
            if m.required != want_required {
                problems.push(format!(
                    "{name}.{member}: botocore says required = {want_required}, the model {}",
                    m.required
                ));
            }
            let want_deprecated = spec["deprecated"].as_bool().unwrap_or(false)
                || shapes[target]["deprecated"].as_bool().unwrap_or(false);
            if m.deprecated != want_deprecated {
                problems.push(format!(
                    "{name}.{member}: botocore says deprecated = {want_deprecated}, the model {}",
                    m.deprecated
                ));
            }
        }
        for m in generated.members {
            if !members.contains_key(m.name) {
                problems.push(format!(
                    "the model has {name}.{} (botocore does not)",
                    m.name
                ));
            }
        }
    }
    for name in model.keys() {
        if !reachable.contains(*name) {
            problems.push(format!(
                "the model has structure {name}, which botocore does not reach from {ROOTS:?}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the shape tables differ from botocore ({FIX}):\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn generated_enums_match_botocore() {
    let shapes = botocore_shapes();
    let reachable = reachable(&shapes);
    let model: BTreeMap<&str, &EnumDef> = ENUMS.iter().map(|e| (e.name, *e)).collect();
    let mut problems = Vec::new();
    for name in reachable.iter().filter(|n| is_enum(&shapes[*n])) {
        let want: Vec<&str> = shapes[name]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        match model.get(name.as_str()) {
            None => problems.push(format!("botocore has enum {name} (not in the model)")),
            Some(def) if def.values != want.as_slice() => problems.push(format!(
                "enum {name}: botocore has {want:?}, the model {:?}",
                def.values
            )),
            Some(_) => {}
        }
    }
    for name in model.keys() {
        if !reachable.contains(*name) {
            problems.push(format!(
                "the model has enum {name}, which botocore does not reach from {ROOTS:?}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the enum tables differ from botocore ({FIX}):\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn tables_are_sorted_and_unique() {
    let names: Vec<&str> = SHAPES.iter().map(|s| s.name).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "SHAPES: {names:?}");
    let names: Vec<&str> = ENUMS.iter().map(|e| e.name).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "ENUMS: {names:?}");
    for list in [
        ecslint_core::model::TASK_DEFINITION_OUTPUT_ONLY,
        ecslint_core::model::SERVICE_OUTPUT_ONLY,
    ] {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
    }
}

#[test]
fn output_only_fields_match_botocore() {
    let shapes = botocore_shapes();
    for (list, output, request) in [
        (
            ecslint_core::model::TASK_DEFINITION_OUTPUT_ONLY,
            "TaskDefinition",
            "RegisterTaskDefinitionRequest",
        ),
        (
            ecslint_core::model::SERVICE_OUTPUT_ONLY,
            "Service",
            "CreateServiceRequest",
        ),
    ] {
        let request_members = shapes[request]["members"].as_object().unwrap();
        let want: Vec<&str> = shapes[output]["members"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| !request_members.contains_key(*k))
            .map(String::as_str)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(
            list,
            want.as_slice(),
            "members of botocore {output} missing from {request} ({FIX})"
        );
    }
}
