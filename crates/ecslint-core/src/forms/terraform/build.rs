//! A resource block → the API's document: each argument and nested block by the provider's
//! schema ([`super::schema`]), with what Terraform itself refuses at `terraform validate`
//! reported on the way (an unknown argument, a missing required one, a value the provider's
//! validation refuses, too many blocks).

use std::borrow::Cow;

use super::containers::Extra;
use super::generated::LATER;
use super::module::ResourceRef;
use super::schema::{Api, Argument, Block, Check, Conv, NestedBlock, Presence, Resource};
use super::value::{member, Builder, Place};
use crate::diagnostic::{Diagnostic, Severity};
use crate::json::{push_pointer_segment, Key, Member, Node, Value};
use crate::read::hcl::Body;
use crate::suggest::did_you_mean;
use crate::text::{format_f64, TextRange};

/// Terraform's meta-arguments and meta-blocks of a resource.
const META_ARGUMENTS: &[&str] = &["count", "for_each", "provider", "depends_on"];
const META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];

/// One resource, in the API's shape.
pub(super) struct Built<'s> {
    pub root: Node<'s>,
    /// `aws_ecs_task_definition.app`.
    pub label: String,
    /// Terraform paths of the document's values: API pointer, Terraform path, whether the
    /// rest of a longer pointer is inside the JSON of `container_definitions`.
    pub paths: Vec<(String, String, bool)>,
    /// What Terraform evaluates and the form did not (`for_each`, a `dynamic` block, the
    /// containers of a `module` output).
    pub reasons: Vec<String>,
    /// The resource's first line (`resource "aws_ecs_service" "web"`).
    pub header: TextRange,
}

/// What one resource's building keeps track of.
struct Walk<'e, 's> {
    resource: &'static Resource,
    extras: &'e [Extra<'s>],
    paths: Vec<(String, String, bool)>,
    reasons: Vec<String>,
}

impl<'m, 's> Builder<'m, 's> {
    /// Builds the document of resource `r` (of type `resource`).
    pub fn resource(
        &mut self,
        r: ResourceRef<'m, 's>,
        resource: &'static Resource,
        extras: &[Extra<'s>],
    ) -> Built<'s> {
        let place = self.place_of(r.file, TextRange::default());
        let label = format!("{}.{}", r.kind, r.name);
        self.label = label.clone();
        let block = r.block;
        let header_end = block
            .labels
            .last()
            .map_or(block.ident.span.end, |l| l.span.end);
        let header = place.range(TextRange::new(block.span.start, header_end));
        let mut walk = Walk {
            resource,
            extras,
            paths: vec![(String::new(), label.clone(), false)],
            reasons: Vec::new(),
        };
        for name in ["count", "for_each"] {
            if block.body.attribute(name).is_some() {
                walk.reasons.push(format!(
                    "`{name}`: one resource is linted for all its instances"
                ));
            }
        }
        let members = self.body(
            &block.body,
            resource.block,
            place,
            "",
            &label,
            "",
            header,
            &mut walk,
        );
        let root = Node {
            range: place.range(block.span),
            value: Value::Object(members),
        };
        Built {
            root,
            label,
            paths: walk.paths,
            reasons: walk.reasons,
            header,
        }
    }

    /// The API members of one body.
    #[allow(clippy::too_many_arguments)]
    fn body(
        &mut self,
        body: &'m Body<'s>,
        schema: &'static Block,
        place: Place,
        api: &str,
        tf: &str,
        spath: &str,
        anchor: TextRange,
        walk: &mut Walk<'_, 's>,
    ) -> Vec<Member<'s>> {
        let top = spath.is_empty();
        // Members at a path (`deploymentConfiguration.maximumPercent`) and from blocks come
        // first: a range is looked up from the last member back, so that the members with
        // exact ranges are found before the groups that cover them.
        let mut grouped: Vec<Member<'s>> = Vec::new();
        let mut plain: Vec<Member<'s>> = Vec::new();
        let mut set: Vec<&'static str> = Vec::new();
        for attr in &body.attributes {
            if top && META_ARGUMENTS.contains(&attr.key) {
                continue;
            }
            let Some(arg) = schema.argument(attr.key) else {
                self.unknown_name(
                    attr.key,
                    place.range(attr.key_span),
                    schema,
                    walk,
                    tf,
                    spath,
                    false,
                );
                continue;
            };
            set.push(arg.name);
            let key_range = place.range(attr.key_span);
            let tf_path = format!("{tf}.{}", arg.name);
            if arg.presence == Presence::Computed {
                self.diagnostic(
                    "read-only-field",
                    None,
                    key_range,
                    format!("`{}` cannot be set: the provider decides its value (terraform validate refuses it)", arg.name),
                    Some(format!("remove `{}`", arg.name)),
                    tf_path,
                );
                continue;
            }
            let Api::Member { path, conv } = &arg.api else {
                // A setting of the provider: only its own checks apply.
                if let Some(node) = self.argument(arg.name, &attr.expr, place, &arg.ty, Conv::Value)
                {
                    self.checks(arg, &node, &tf_path, body, walk);
                }
                continue;
            };
            let node = if *conv == Conv::ContainerDefinitions {
                let node =
                    self.container_definitions(&attr.expr, place, walk.extras, &mut walk.reasons);
                self.containers(node, key_range, &tf_path)
            } else {
                match self.argument(arg.name, &attr.expr, place, &arg.ty, *conv) {
                    Some(node) => node,
                    None => continue,
                }
            };
            self.checks(arg, &node, &tf_path, body, walk);
            self.paths.push((node.range, tf_path.clone()));
            self.paths.push((key_range, tf_path.clone()));
            let api_path = pointer(api, path);
            walk.paths.push((
                api_path.clone(),
                tf_path.clone(),
                *conv == Conv::ContainerDefinitions,
            ));
            if let Conv::KeyValues { .. } = conv {
                record_key_values(&node, &api_path, &tf_path, walk);
            }
            record_values(&node, &api_path, &tf_path, walk);
            let target = if path.len() > 1 {
                &mut grouped
            } else {
                &mut plain
            };
            insert(target, path, key_range, node);
        }
        // Nested blocks, grouped by type.
        // Each block type: its blocks, and whether a `dynamic` block makes how many there are
        // unknown.
        let mut groups: Vec<BlockGroup<'s>> = Vec::new();
        for block in &body.blocks {
            let dynamic = block.ident.name == "dynamic";
            let (ident, inner) = if dynamic {
                let Some(label) = block.labels.first() else {
                    continue;
                };
                let content = block.body.blocks_of("content").next();
                let reason = format!(
                    "`dynamic \"{}\"`: its `content` is linted once",
                    label.value
                );
                if !walk.reasons.contains(&reason) {
                    walk.reasons.push(reason);
                }
                match content {
                    Some(c) => (label.value.as_ref(), &c.body),
                    None => continue,
                }
            } else {
                (block.ident.name, &block.body)
            };
            if top && META_BLOCKS.contains(&ident) {
                continue;
            }
            let Some(nb) = schema.block(ident) else {
                let range = place.range(block.ident.span);
                self.unknown_name(ident, range, schema, walk, tf, spath, true);
                continue;
            };
            let index = groups
                .iter()
                .position(|(g, _, _)| std::ptr::eq(*g, nb))
                .unwrap_or_else(|| {
                    groups.push((nb, Vec::new(), false));
                    groups.len() - 1
                });
            groups[index].2 |= dynamic;
            let n = groups[index].1.len();
            let block_tf = if nb.max_items == Some(1) {
                format!("{tf}.{ident}")
            } else {
                format!("{tf}.{ident}[{n}]")
            };
            let block_api = match &nb.api {
                Some(b) if b.array => format!("{}/{n}", pointer(api, b.path)),
                Some(b) => pointer(api, b.path),
                None => String::new(),
            };
            let range = place.range(block.span);
            self.paths.push((range, block_tf.clone()));
            if nb.api.is_some() {
                walk.paths
                    .push((block_api.clone(), block_tf.clone(), false));
            }
            let child_spath = if top {
                ident.to_owned()
            } else {
                format!("{spath}.{ident}")
            };
            let members = self.body(
                inner,
                nb.block,
                place,
                &block_api,
                &block_tf,
                &child_spath,
                range,
                walk,
            );
            groups[index].1.push((
                place.range(block.ident.span),
                Node {
                    range,
                    value: Value::Object(members),
                },
            ));
        }
        for (nb, nodes, dynamic) in groups {
            let count = nodes.len() as u32;
            if let Some(max) = nb.max_items {
                if count > max && !dynamic {
                    let (range, _) = nodes[max as usize];
                    self.diagnostic(
                        "terraform-argument-invalid",
                        None,
                        range,
                        format!("Too many `{}` blocks: no more than {max} allowed (terraform validate refuses it)", nb.name),
                        Some(format!("keep {max} `{}` block{}", nb.name, if max == 1 { "" } else { "s" })),
                        format!("{tf}.{}", nb.name),
                    );
                }
            }
            let Some(b) = &nb.api else { continue };
            let key_range = nodes[0].0;
            let node = if dynamic {
                // A `dynamic` block expands to any number of blocks, none included: its
                // content was checked above, the rules see a value known only when planned.
                let range = nodes
                    .iter()
                    .fold(nodes[0].1.range, |r, (_, n)| r.cover(n.range));
                super::value::unknown(range)
            } else if b.array {
                let range = nodes
                    .iter()
                    .fold(nodes[0].1.range, |r, (_, n)| r.cover(n.range));
                Node {
                    range,
                    value: Value::Array(nodes.into_iter().map(|(_, n)| n).collect()),
                }
            } else {
                nodes
                    .into_iter()
                    .next()
                    .map(|(_, n)| n)
                    .expect("one block at least")
            };
            insert(&mut grouped, b.path, key_range, node);
        }
        // What the provider requires.
        for arg in schema.arguments {
            if arg.presence == Presence::Required && !set.contains(&arg.name) {
                self.diagnostic(
                    "missing-required-field",
                    None,
                    anchor,
                    format!("The argument `{}` is required, but no definition was found (terraform validate refuses it)", arg.name),
                    Some(format!("add `{} = …`", arg.name)),
                    format!("{tf}.{}", arg.name),
                );
            }
            if let (Some(default), Api::Member { path, .. }) = (arg.default, &arg.api) {
                if !set.contains(&arg.name) {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(default) {
                        if let Some(s) = v.as_str() {
                            let node = Node {
                                range: anchor,
                                value: Value::String(Cow::Owned(s.to_owned())),
                            };
                            insert(&mut grouped, path, anchor, node);
                        }
                    }
                }
            }
        }
        for nb in schema.blocks {
            let present = body.blocks.iter().any(|b| {
                b.ident.name == nb.name
                    || (b.ident.name == "dynamic"
                        && b.labels.first().is_some_and(|l| l.value == nb.name))
            });
            if nb.min_items > 0 && !present {
                self.diagnostic(
                    "missing-required-field",
                    None,
                    anchor,
                    format!(
                        "At least {} `{}` block is required (terraform validate refuses it)",
                        nb.min_items, nb.name
                    ),
                    Some(format!("add a `{} {{ … }}` block", nb.name)),
                    format!("{tf}.{}", nb.name),
                );
            }
        }
        grouped.extend(plain);
        grouped
    }

    /// `container_definitions`: the decoded containers, keys in another letter case renamed
    /// (the provider reads them so) and said once each.
    fn containers(&mut self, mut node: Node<'s>, _key: TextRange, tf_path: &str) -> Node<'s> {
        if !matches!(node.value, Value::Array(_)) {
            return node;
        }
        let renamed = crate::deploy::key_case::normalize(
            &mut node,
            crate::document::DocumentKind::ContainerDefinitions,
        );
        for r in renamed {
            let api = r.api;
            let fix = (!r.repeated).then(|| {
                crate::diagnostic::Fix::safe(
                    format!("rename to `{api}`"),
                    vec![crate::diagnostic::Edit::replace(
                        r.range,
                        format!("\"{api}\""),
                    )],
                )
            });
            let help = if r.repeated {
                format!("the object sets `{api}` twice, in two letter cases, and the last one wins: keep one, spelled `{api}`")
            } else {
                format!("write it as the API spells it: `{api}`")
            };
            let d = self.diagnostic(
                "field-name-case",
                None,
                r.range,
                format!("`{}` is the field `{api}` in another letter case: Terraform's AWS provider reads it as `{api}`, the AWS CLI and the ECS deploy action do not", r.written),
                Some(help),
                tf_path.to_owned(),
            );
            d.fix = fix;
        }
        node
    }

    /// An argument or block the schema does not have.
    #[allow(clippy::too_many_arguments)]
    fn unknown_name(
        &mut self,
        name: &str,
        range: TextRange,
        schema: &'static Block,
        walk: &Walk<'_, 's>,
        tf: &str,
        spath: &str,
        is_block: bool,
    ) {
        let full = if spath.is_empty() {
            name.to_owned()
        } else {
            format!("{spath}.{name}")
        };
        let prefix = format!("{full}.");
        if LATER
            .iter()
            .any(|(r, n)| *r == walk.resource.name && (*n == full || n.starts_with(&prefix)))
        {
            return;
        }
        let what = if is_block {
            "Blocks of type `{name}` are"
        } else {
            "An argument named `{name}` is"
        };
        let (message, help) = match (is_block, schema.argument(name), schema.block(name)) {
            (true, Some(_), _) => (
                format!("Blocks of type `{name}` are not expected here: `{name}` is an argument (terraform validate refuses it)"),
                format!("write it as an argument: `{name} = …`"),
            ),
            (false, _, Some(_)) => (
                format!("An argument named `{name}` is not expected here: `{name}` is a block (terraform validate refuses it)"),
                format!("write it as a block: `{name} {{ … }}`"),
            ),
            _ => {
                let names = schema
                    .arguments
                    .iter()
                    .map(|a| a.name)
                    .chain(schema.blocks.iter().map(|b| b.name));
                let hint = match did_you_mean(name, names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "the provider ({}) knows no `{name}` here",
                        super::generated::PROVIDER
                    ),
                };
                (
                    format!(
                        "{} not expected in `{}` (terraform validate refuses it)",
                        what.replace("{name}", name),
                        walk.resource.name
                    ),
                    hint,
                )
            }
        };
        self.diagnostic(
            "unknown-field",
            None,
            range,
            message,
            Some(help),
            format!("{tf}.{name}"),
        );
    }

    /// A finding of the form itself, in the file's terms.
    pub fn diagnostic(
        &mut self,
        rule: &'static str,
        severity: Option<Severity>,
        range: TextRange,
        message: String,
        help: Option<String>,
        pointer: String,
    ) -> &mut Diagnostic {
        let meta = crate::registry::find(rule).expect("the form's rules are registered");
        let message = if self.label.is_empty() {
            message
        } else {
            format!("{}: {message}", self.label)
        };
        self.diagnostics.push(Diagnostic {
            rule: meta.id,
            severity: severity.unwrap_or(meta.severity),
            message,
            pointer,
            range,
            help,
            fix: None,
            related: Vec::new(),
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// The provider's validations of one argument.
    fn checks(
        &mut self,
        arg: &'static Argument,
        node: &Node<'s>,
        tf_path: &str,
        body: &Body<'s>,
        _walk: &Walk<'_, 's>,
    ) {
        let name = arg.name;
        for check in arg.checks {
            match check {
                Check::ConflictsWith { arguments } => {
                    for other in *arguments {
                        let set = body.attribute(other).is_some()
                            || body.blocks.iter().any(|b| b.ident.name == *other);
                        if set {
                            self.invalid(
                                node.range,
                                tf_path,
                                format!("`{name}` conflicts with `{other}`: set only one of them"),
                                None,
                            );
                        }
                    }
                }
                Check::MaxItems { max } => {
                    if let Value::Array(items) = &node.value {
                        if items.len() as u64 > *max {
                            self.invalid(
                                node.range,
                                tf_path,
                                format!(
                                    "`{name}` has {} elements: no more than {max} allowed",
                                    items.len()
                                ),
                                None,
                            );
                        }
                    }
                }
                _ => match &node.value {
                    Value::Array(items) => {
                        for item in items {
                            self.scalar_check(name, check, item, tf_path);
                        }
                    }
                    _ => self.scalar_check(name, check, node, tf_path),
                },
            }
        }
    }

    fn scalar_check(&mut self, name: &str, check: &Check, node: &Node<'s>, tf_path: &str) {
        match (check, &node.value) {
            (Check::OneOf { values, api }, Value::String(s)) => {
                if values.contains(&s.as_ref()) {
                    return;
                }
                if api.contains(&s.as_ref()) {
                    let d = self.invalid(
                        node.range,
                        tf_path,
                        format!("`{name}` = \"{s}\" is refused by {} (it accepts {}), though the ECS API takes it", super::generated::PROVIDER, list(values)),
                        Some(Severity::Warning),
                    );
                    d.help = Some("a newer provider version may accept it: check the `version` of hashicorp/aws in `required_providers`".into());
                } else if api.is_empty() {
                    self.invalid(
                        node.range,
                        tf_path,
                        format!("`{name}` = \"{s}\" is not one of {}", list(values)),
                        None,
                    );
                }
            }
            (Check::IntBetween { min, max }, Value::Number(n)) => {
                let v = n.as_f64();
                if v < *min as f64 || v > *max as f64 {
                    self.invalid(
                        node.range,
                        tf_path,
                        format!(
                            "`{name}` = {} is out of range: it must be between {min} and {max}",
                            n.raw
                        ),
                        None,
                    );
                }
            }
            (Check::FloatBetween { min, max }, Value::Number(n)) => {
                let v = n.as_f64();
                if v < *min || v > *max {
                    self.invalid(
                        node.range,
                        tf_path,
                        format!(
                            "`{name}` = {} is out of range: it must be between {} and {}",
                            n.raw,
                            format_f64(*min),
                            format_f64(*max)
                        ),
                        None,
                    );
                }
            }
            (Check::Length { min, max }, Value::String(s)) => {
                let len = s.chars().count() as u64;
                if len < *min || len > *max {
                    self.invalid(
                        node.range,
                        tf_path,
                        format!("`{name}` is {len} characters long: it must be {min} to {max}"),
                        None,
                    );
                }
            }
            (Check::Pattern { pattern }, Value::String(s))
                if !s.is_empty() && !matches_pattern(pattern, s) =>
            {
                self.invalid(
                    node.range,
                    tf_path,
                    format!("`{name}` = \"{s}\" does not match `{pattern}`"),
                    None,
                );
            }
            (Check::NotPattern { pattern }, Value::String(s)) if matches_pattern(pattern, s) => {
                self.invalid(
                    node.range,
                    tf_path,
                    format!("`{name}` = \"{s}\" must not match `{pattern}`"),
                    None,
                );
            }
            (Check::Arn, Value::String(s)) => {
                if let Err(why) = check_arn(s) {
                    self.invalid(
                        node.range,
                        tf_path,
                        format!("`{name}` = \"{s}\" is not an ARN: {why}"),
                        None,
                    );
                }
            }
            _ => {}
        }
    }

    fn invalid(
        &mut self,
        range: TextRange,
        tf_path: &str,
        message: String,
        severity: Option<Severity>,
    ) -> &mut Diagnostic {
        let refused = severity.is_none();
        let message = if refused {
            format!("{message} (terraform validate refuses it)")
        } else {
            message
        };
        self.diagnostic(
            "terraform-argument-invalid",
            severity,
            range,
            message,
            None,
            tf_path.to_owned(),
        )
    }
}

fn list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `base` with the member names of `path` appended as pointer segments.
pub(super) fn pointer(base: &str, path: &[&str]) -> String {
    let mut out = base.to_owned();
    for p in path {
        push_pointer_segment(&mut out, p);
    }
    out
}

/// Puts `node` at `path` under `members`, making the objects between (their ranges cover
/// what they hold).
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
        members.push(member(first, key_range, node));
        return;
    }
    let index = match members.iter().position(|m| m.key.name == *first) {
        Some(i) => i,
        None => {
            members.push(Member {
                key: Key {
                    name: Cow::Borrowed(first),
                    range: key_range,
                },
                value: Node {
                    range: node.range,
                    value: Value::Object(Vec::new()),
                },
            });
            // `host_path = var.path` may be `null`: then there is no `host` at all.
            if matches!(node.value, Value::Unknown) {
                let last = members.len() - 1;
                members[last].value.value = Value::Unknown;
                return;
            }
            members.len() - 1
        }
    };
    let m = &mut members[index];
    m.key.range = m.key.range.cover(key_range);
    m.value.range = m.value.range.cover(node.range);
    if matches!(m.value.value, Value::Unknown) {
        m.value.value = Value::Object(Vec::new());
    }
    if let Value::Object(inner) = &mut m.value.value {
        insert(inner, rest, key_range, node);
    }
}

/// `tags = { Name = "web" }` → `/tags/0` is `tags["Name"]`.
fn record_key_values(node: &Node<'_>, api: &str, tf: &str, walk: &mut Walk<'_, '_>) {
    let Value::Array(items) = &node.value else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let key = item
            .as_object()
            .and_then(|m| m.first())
            .and_then(|m| m.value.as_str())
            .unwrap_or("");
        let path = format!("{tf}[{key:?}]");
        walk.paths.push((format!("{api}/{i}"), path.clone(), false));
        if let Some(members) = item.as_object() {
            for m in members {
                walk.paths
                    .push((format!("{api}/{i}/{}", m.key.name), path.clone(), false));
            }
        }
    }
}

/// The elements of a list argument: `/requiresCompatibilities/0` is
/// `requires_compatibilities[0]`.
fn record_values(node: &Node<'_>, api: &str, tf: &str, walk: &mut Walk<'_, '_>) {
    if let Value::Array(items) = &node.value {
        if walk.paths.iter().any(|(a, _, json)| a == api && *json) {
            return;
        }
        for i in 0..items.len() {
            if !walk
                .paths
                .iter()
                .any(|(a, _, _)| a == &format!("{api}/{i}"))
            {
                walk.paths
                    .push((format!("{api}/{i}"), format!("{tf}[{i}]"), false));
            }
        }
    }
}

/// Whether `s` matches a pattern of the generated tables: `^[class]+$` or a literal prefix
/// `^abc`.
pub(super) fn matches_pattern(pattern: &str, s: &str) -> bool {
    if let Some(class) = pattern
        .strip_prefix("^[")
        .and_then(|r| r.strip_suffix("]+$"))
    {
        let class: Vec<char> = class.chars().collect();
        let in_class = |c: char| {
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == '-' {
                    if class[i] <= c && c <= class[i + 2] {
                        return true;
                    }
                    i += 3;
                } else {
                    if class[i] == c {
                        return true;
                    }
                    i += 1;
                }
            }
            false
        };
        return !s.is_empty() && s.chars().all(in_class);
    }
    pattern.strip_prefix('^').is_some_and(|p| s.starts_with(p))
}

/// The provider's ARN check (`verify.ValidARN`): empty passes; otherwise `arn:` and six
/// colon-separated parts, a valid partition, region and account, and a resource.
pub(super) fn check_arn(s: &str) -> Result<(), &'static str> {
    if s.is_empty() {
        return Ok(());
    }
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return Err("an ARN is `arn:partition:service:region:account:resource`");
    }
    let partition = parts[1];
    let valid_partition = partition.starts_with("aws")
        && partition[3..]
            .split('-')
            .skip(1)
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        && (partition.len() == 3 || partition.as_bytes()[3] == b'-');
    if !valid_partition {
        return Err("the partition must be `aws`, `aws-cn`, `aws-us-gov`, …");
    }
    let region = parts[3];
    if !region.is_empty() && !valid_region(region) {
        return Err("the region is not a region name such as `us-east-1`");
    }
    let account = parts[4];
    let valid_account = account.is_empty()
        || matches!(
            account,
            "aws" | "aws-managed" | "third-party" | "aws-marketplace"
        )
        || (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()))
        || (account.len() == 12 && account.starts_with("cw"));
    if !valid_account {
        return Err("the account is not a 12-digit account ID");
    }
    if parts[5].is_empty() {
        return Err("the resource part is empty");
    }
    Ok(())
}

/// `^[a-z]{2}(-[a-z]+)+-\d{1,2}$`.
fn valid_region(r: &str) -> bool {
    let parts: Vec<&str> = r.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[1..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && (1..=2).contains(&parts[parts.len() - 1].len())
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// The blocks of one nested block type (each with its range), and whether a `dynamic` block
/// makes how many there are unknown.
type BlockGroup<'s> = (&'static NestedBlock, Vec<(TextRange, Node<'s>)>, bool);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_and_arns() {
        assert!(matches_pattern("^[0-9A-Za-z_-]+$", "web-app_1"));
        assert!(!matches_pattern("^[0-9A-Za-z_-]+$", "web.app"));
        assert!(matches_pattern("^-", "-x"));
        assert!(check_arn("").is_ok());
        assert!(check_arn("arn:aws:iam::123456789012:role/x").is_ok());
        assert!(check_arn("arn:aws-us-gov:iam::123456789012:role/x").is_ok());
        assert!(check_arn("arn:aws:ecs:us-east-1:123456789012:cluster/x").is_ok());
        assert!(check_arn("role/x").is_err());
        assert!(check_arn("arn:aws:iam::12345:role/x").is_err());
        assert!(check_arn("arn:azure:iam::123456789012:role/x").is_err());
        assert!(check_arn("arn:aws:ecs:useast:123456789012:cluster/x").is_err());
    }
}
