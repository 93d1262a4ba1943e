//! The JSON of a plan (`terraform plan -out p && terraform show -json p`): every
//! `aws_ecs_task_definition` and `aws_ecs_service` the plan creates or updates, with every
//! variable resolved: exactly what the provider will send.
//!
//! The format is HashiCorp's ("JSON Output Format", format_version 1.x): `resource_changes[]`
//! holds each resource's `change.after` (its planned arguments, blocks as arrays of objects)
//! and `change.after_unknown` (what is known only after apply: those values are absent from
//! `after`); `planned_values` holds the same values by module; `configuration` holds the
//! expressions, whose `references` pair a service with its task definition.
//!
//! The planned `container_definitions` is the provider's own JSON string (keys sorted,
//! unknown keys and `null`s dropped): it is decoded and every offset mapped back through the
//! string's escapes, so that findings point inside it. What the provider leaves out of the
//! request is left out here too: `null`, empty strings, lists and maps, and for a `DAEMON`
//! service `desired_count` and the default deployment percents.

use std::borrow::Cow;

use super::build::pointer;
use super::generated::RESOURCES;
use super::names::TfNames;
use super::schema::{Api, Block, Conv, Resource};
use super::value::{into_owned, map_ranges, member_owned};
use crate::deploy::{Deployer, Deployment};
use crate::document::DocumentKind;
use crate::forms::{FormOutput, Found};
use crate::json::{self, Key, Member, Node, SyntaxProblem, Value};
use crate::pair::reference_family;
use crate::text::TextRange;

/// A plan: `format_version`, `terraform_version` and planned values or resource changes.
pub fn is_plan(root: &Node<'_>) -> bool {
    root.get("format_version").is_some()
        && root.get("terraform_version").is_some()
        && (root.get("planned_values").is_some() || root.get("resource_changes").is_some())
}

/// One resource of the plan.
struct Planned<'p, 's> {
    address: String,
    resource: &'static Resource,
    after: &'p Node<'s>,
    unknown: Option<&'p Node<'s>>,
}

/// The task definitions and services a plan creates or updates.
pub fn read<'s>(text: &'s str, root: &Node<'s>) -> FormOutput<'s> {
    let mut planned: Vec<Planned<'_, 's>> = Vec::new();
    for change in root
        .get("resource_changes")
        .and_then(Node::as_array)
        .unwrap_or_default()
    {
        let Some(resource) = change
            .get("type")
            .and_then(Node::as_str)
            .and_then(|t| RESOURCES.iter().find(|r| r.name == t))
        else {
            continue;
        };
        if change.get("mode").and_then(Node::as_str) == Some("data") {
            continue;
        }
        let Some(c) = change.get("change") else {
            continue;
        };
        let Some(after) = c.get("after").filter(|a| a.as_object().is_some()) else {
            continue;
        };
        let address = change
            .get("address")
            .and_then(Node::as_str)
            .unwrap_or(resource.name)
            .to_owned();
        planned.push(Planned {
            address,
            resource,
            after,
            unknown: c.get("after_unknown"),
        });
    }
    // Resources only in `planned_values` (a plan written without `resource_changes`).
    if let Some(module) = root
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
    {
        planned_values(module, &mut planned);
    }
    let mut problems = Vec::new();
    let mut found: Vec<Found<'s>> = Vec::new();
    for p in &planned {
        let mut b = PlanBuilder {
            text,
            paths: vec![(String::new(), p.address.clone(), false)],
            problems: &mut problems,
        };
        let daemon = p.after.get("scheduling_strategy").and_then(Node::as_str) == Some("DAEMON");
        let members = b.block(p.after, p.unknown, p.resource.block, "", &p.address, daemon);
        let paths = b.paths;
        found.push(Found {
            kind: p.resource.kind,
            root: Node {
                range: p.after.range,
                value: Value::Object(members),
            },
            label: p.address.clone(),
            names: Box::new(TfNames::new(
                paths,
                p.resource.kind == DocumentKind::TaskDefinition,
            )),
            pair: None,
            deployments: vec![Deployment::new(Deployer::Terraform)],
            scalar_fixes_only: true,
        });
    }
    // Pairing: the configuration's references, else the family the service names.
    for i in 0..found.len() {
        if found[i].kind != DocumentKind::Service {
            continue;
        }
        let address = &planned[i].address;
        let td = config_reference(root, address)
            .and_then(|td| {
                found
                    .iter()
                    .position(|f| f.kind == DocumentKind::TaskDefinition && base(&f.label) == td)
            })
            .or_else(|| {
                let family = planned[i]
                    .after
                    .get("task_definition")
                    .and_then(Node::as_str)
                    .and_then(reference_family)?;
                let mut of_family = found.iter().enumerate().filter(|(_, f)| {
                    f.kind == DocumentKind::TaskDefinition
                        && f.root.get("family").and_then(Node::as_str) == Some(family)
                });
                let first = of_family.next()?.0;
                of_family.next().is_none().then_some(first)
            });
        found[i].pair = td;
    }
    FormOutput {
        kind: DocumentKind::Terraform,
        found,
        problems,
    }
}

fn planned_values<'p, 's>(module: &'p Node<'s>, out: &mut Vec<Planned<'p, 's>>) {
    for r in module
        .get("resources")
        .and_then(Node::as_array)
        .unwrap_or_default()
    {
        let Some(resource) = r
            .get("type")
            .and_then(Node::as_str)
            .and_then(|t| RESOURCES.iter().find(|x| x.name == t))
        else {
            continue;
        };
        if r.get("mode").and_then(Node::as_str) == Some("data") {
            continue;
        }
        let address = r
            .get("address")
            .and_then(Node::as_str)
            .unwrap_or(resource.name);
        if out.iter().any(|p| p.address == address) {
            continue;
        }
        let Some(values) = r.get("values").filter(|v| v.as_object().is_some()) else {
            continue;
        };
        out.push(Planned {
            address: address.to_owned(),
            resource,
            after: values,
            unknown: None,
        });
    }
    for child in module
        .get("child_modules")
        .and_then(Node::as_array)
        .unwrap_or_default()
    {
        planned_values(child, out);
    }
}

/// An address without instance keys: `module.a["x"].aws_ecs_service.web[0]` →
/// `module.a.aws_ecs_service.web`.
fn base(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0;
    let mut quoted = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The task definition (module-qualified, without instance keys) a service's
/// `task_definition` expression refers to in the plan's `configuration`.
fn config_reference(root: &Node<'_>, service: &str) -> Option<String> {
    let service = base(service);
    let parts: Vec<&str> = service.split('.').collect();
    let mut module = root.get("configuration")?.get("root_module")?;
    let mut i = 0;
    let mut prefix = String::new();
    while i + 1 < parts.len() && parts[i] == "module" {
        module = module
            .get("module_calls")?
            .get(parts[i + 1])?
            .get("module")?;
        prefix.push_str(&format!("module.{}.", parts[i + 1]));
        i += 2;
    }
    let local = parts[i..].join(".");
    let resource = module
        .get("resources")?
        .as_array()?
        .iter()
        .find(|r| r.get("address").and_then(Node::as_str) == Some(local.as_str()))?;
    let references = resource
        .get("expressions")?
        .get("task_definition")?
        .get("references")?
        .as_array()?;
    references.iter().find_map(|r| {
        let r = base(r.as_str()?);
        let mut it = r.split('.');
        match (it.next(), it.next()) {
            (Some("aws_ecs_task_definition"), Some(name)) => {
                Some(format!("{prefix}aws_ecs_task_definition.{name}"))
            }
            _ => None,
        }
    })
}

struct PlanBuilder<'a, 's> {
    text: &'s str,
    paths: Vec<(String, String, bool)>,
    problems: &'a mut Vec<SyntaxProblem>,
}

impl<'s> PlanBuilder<'_, 's> {
    fn block(
        &mut self,
        values: &Node<'s>,
        unknown: Option<&Node<'s>>,
        schema: &'static Block,
        api: &str,
        tf: &str,
        daemon: bool,
    ) -> Vec<Member<'s>> {
        let mut members: Vec<Member<'s>> = Vec::new();
        let anchor = crate::rules::edits::opening(values.range);
        for arg in schema.arguments {
            let Api::Member { path, conv } = &arg.api else {
                continue;
            };
            let tf_path = format!("{tf}.{}", arg.name);
            let api_path = pointer(api, path);
            let is_unknown = unknown
                .and_then(|u| u.get(arg.name))
                .is_some_and(|u| u.as_bool() == Some(true));
            let node = match values.member(arg.name) {
                _ if is_unknown => Node {
                    range: anchor,
                    value: Value::Unknown,
                },
                Some(m) if !absent(&m.value) => {
                    if daemon
                        && matches!(
                            (arg.name, m.value.as_number().and_then(|n| n.as_i64())),
                            ("desired_count", _)
                                | ("deployment_maximum_percent", Some(200))
                                | ("deployment_minimum_healthy_percent", Some(100))
                        )
                    {
                        continue;
                    }
                    self.value(&m.value, *conv, &api_path, &tf_path)
                }
                _ => continue,
            };
            let key_range = values.member(arg.name).map_or(anchor, |m| m.key.range);
            self.paths
                .push((api_path, tf_path, *conv == Conv::ContainerDefinitions));
            insert(&mut members, path, key_range, node);
        }
        for nb in schema.blocks {
            let Some(b) = &nb.api else { continue };
            let Some(m) = values.member(nb.name) else {
                continue;
            };
            let items: Vec<&Node<'s>> = match &m.value.value {
                Value::Array(items) => items.iter().collect(),
                Value::Object(_) => vec![&m.value],
                _ => continue,
            };
            if items.is_empty() {
                continue;
            }
            let unknown_items = unknown.and_then(|u| u.get(nb.name));
            let mut nodes = Vec::new();
            for (n, item) in items.iter().enumerate() {
                let block_tf = if nb.max_items == Some(1) {
                    format!("{tf}.{}", nb.name)
                } else {
                    format!("{tf}.{}[{n}]", nb.name)
                };
                let block_api = if b.array {
                    format!("{}/{n}", pointer(api, b.path))
                } else {
                    pointer(api, b.path)
                };
                self.paths
                    .push((block_api.clone(), block_tf.clone(), false));
                let u = unknown_items.and_then(|u| match &u.value {
                    Value::Array(a) => a.get(n),
                    _ => Some(u),
                });
                let inner = self.block(item, u, nb.block, &block_api, &block_tf, daemon);
                nodes.push(Node {
                    range: item.range,
                    value: Value::Object(inner),
                });
            }
            let node = if b.array {
                Node {
                    range: m.value.range,
                    value: Value::Array(nodes),
                }
            } else {
                nodes.swap_remove(0)
            };
            insert(&mut members, b.path, m.key.range, node);
        }
        members
    }

    /// A planned value in the API's form.
    fn value(&mut self, node: &Node<'s>, conv: Conv, api: &str, tf: &str) -> Node<'s> {
        match (conv, &node.value) {
            (Conv::EnabledDisabled, Value::Bool(b)) => Node {
                range: node.range,
                value: Value::String(Cow::Borrowed(if *b { "ENABLED" } else { "DISABLED" })),
            },
            (Conv::KeyValues { key, value }, Value::Object(entries)) => Node {
                range: node.range,
                value: Value::Array(
                    entries
                        .iter()
                        .map(|e| Node {
                            range: e.key.range.cover(e.value.range),
                            value: Value::Object(vec![
                                member_owned(
                                    key.to_owned(),
                                    e.key.range,
                                    Node {
                                        range: e.key.range,
                                        value: Value::String(e.key.name.clone()),
                                    },
                                ),
                                member_owned(value.to_owned(), e.value.range, e.value.clone()),
                            ]),
                        })
                        .collect(),
                ),
            },
            (Conv::ContainerDefinitions, Value::String(_)) => self.containers(node, tf),
            (_, Value::Array(items)) => {
                let _ = api;
                Node {
                    range: node.range,
                    value: Value::Array(items.iter().filter(|i| !i.is_null()).cloned().collect()),
                }
            }
            _ => node.clone(),
        }
    }

    /// The planned `container_definitions` string, decoded, with its ranges in the plan.
    fn containers(&mut self, node: &Node<'s>, tf: &str) -> Node<'s> {
        let Value::String(decoded) = &node.value else {
            return node.clone();
        };
        let raw = self
            .text
            .get(node.range.start + 1..node.range.end.saturating_sub(1))
            .unwrap_or("");
        let map = EscapeMap::new(raw, node.range.start + 1);
        let parsed = json::parse(decoded);
        for p in &parsed.problems {
            self.problems.push(SyntaxProblem {
                rule: p.rule,
                message: format!("{tf}: the planned `container_definitions`: {}", p.message),
                help: p.help.clone(),
                range: map.range(p.range),
                fix: None,
                related: None,
            });
        }
        let Some(mut root) = parsed.root else {
            return Node {
                range: node.range,
                value: Value::Unknown,
            };
        };
        map_ranges(&mut root, &mut |r| map.range(r));
        into_owned(root)
    }
}

/// Offsets in a JSON string's value → offsets in the file, through its escapes.
struct EscapeMap {
    /// (value offset, file offset) at the start of each escape and after it.
    points: Vec<(usize, usize)>,
    value_len: usize,
    raw_end: usize,
}

impl EscapeMap {
    fn new(raw: &str, start: usize) -> Self {
        let bytes = raw.as_bytes();
        let mut points = vec![(0, start)];
        let (mut r, mut v) = (0, 0);
        while r < bytes.len() {
            if bytes[r] == b'\\' && r + 1 < bytes.len() {
                points.push((v, start + r));
                let (consumed, produced) = if bytes[r + 1] == b'u' {
                    let code = |at: usize| {
                        raw.get(at..at + 4)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    match code(r + 2) {
                        Some(hi)
                            if (0xD800..0xDC00).contains(&hi)
                                && raw.get(r + 6..r + 8) == Some("\\u")
                                && code(r + 8).is_some_and(|lo| (0xDC00..0xE000).contains(&lo)) =>
                        {
                            (12, 4)
                        }
                        Some(c) => (6, char::from_u32(c).map_or(3, char::len_utf8)),
                        None => (2, 1),
                    }
                } else {
                    (2, 1)
                };
                r += consumed;
                v += produced;
                points.push((v, start + r));
            } else {
                r += 1;
                v += 1;
            }
        }
        EscapeMap {
            points,
            value_len: v,
            raw_end: start + raw.len(),
        }
    }

    fn offset(&self, value: usize) -> usize {
        if value >= self.value_len {
            return self.raw_end;
        }
        let i = self.points.partition_point(|(v, _)| *v <= value).max(1) - 1;
        let (v, f) = self.points[i];
        // Odd points open an escape: an offset inside its output maps to its start.
        if i % 2 == 1 {
            f
        } else {
            f + (value - v)
        }
    }

    fn range(&self, r: TextRange) -> TextRange {
        let start = self.offset(r.start);
        TextRange::new(start, self.offset(r.end).max(start))
    }
}

/// What the provider leaves out of the request: `null`, empty strings, lists and maps.
fn absent(node: &Node<'_>) -> bool {
    match &node.value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

fn insert<'s>(
    members: &mut Vec<Member<'s>>,
    path: &[&'static str],
    key_range: TextRange,
    node: Node<'s>,
) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        members.push(Member {
            key: Key {
                name: Cow::Borrowed(first),
                range: key_range,
            },
            value: node,
        });
        return;
    }
    let index = match members.iter().position(|m| m.key.name == *first) {
        Some(i) => i,
        None => {
            members.insert(
                0,
                Member {
                    key: Key {
                        name: Cow::Borrowed(first),
                        range: key_range,
                    },
                    value: Node {
                        range: node.range,
                        value: Value::Object(Vec::new()),
                    },
                },
            );
            0
        }
    };
    let m = &mut members[index];
    m.value.range = m.value.range.cover(node.range);
    if let Value::Object(inner) = &mut m.value.value {
        insert(inner, rest, key_range, node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_map_back() {
        let text = r#""[{\"a\":\"\u00e9x\"}]""#;
        let node = json::parse(text).root.unwrap();
        let Value::String(decoded) = &node.value else {
            panic!()
        };
        assert_eq!(decoded, "[{\"a\":\"éx\"}]");
        let map = EscapeMap::new(&text[1..text.len() - 1], 1);
        // `a` (value offset 3) is at file offset 5 (after `[{\"`).
        assert_eq!(&text[map.offset(3)..map.offset(3) + 1], "a");
        // `x` after the escaped é (value offset 10: `[{"a":"` is 7, é is 2 bytes + `x`)
        let x = decoded.find('x').unwrap();
        assert_eq!(&text[map.offset(x)..map.offset(x) + 1], "x");
        assert_eq!(
            base("module.a[\"k\"].aws_ecs_service.web[0]"),
            "module.a.aws_ecs_service.web"
        );
    }
}
