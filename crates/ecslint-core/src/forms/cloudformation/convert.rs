//! A resource's `Properties` → the API's document, checked against CloudFormation's schema
//! on the way.
//!
//! One pass over the template's properties does both jobs:
//!
//! - **The structural check, in CloudFormation's terms**: properties the schema does not
//!   have (`unknown-field`, with did-you-mean among the definition's properties), values of
//!   the wrong type as CloudFormation reads them (`invalid-type`), values outside the
//!   schema's `enum` and bounds, `null`s (CloudFormation refuses them in templates),
//!   required properties, and read-only ones (CloudFormation ignores them). Where the schema
//!   says nothing and the API does (an enum CloudFormation leaves open, such as `LogDriver`;
//!   a member the API requires and the schema does not, such as `HealthCheck.Command`), the
//!   API's rule applies: the deploy fails either way. The API's own structural walk does not
//!   run on the result: everything it would say is said here, once, with the template's
//!   names.
//! - **The conversion**: each property becomes the API member it is sent as
//!   (`ContainerDefinitions` → `containerDefinitions`, `ProxyConfigurationProperties` →
//!   `properties`) and each value the API's type, as CloudFormation converts it (`Cpu: 256`
//!   becomes the string `"256"`, `Essential: "true"` the boolean `true`, `ContainerPort:
//!   "80"` the integer 80). A value that is wrong for CloudFormation, or known only when
//!   deployed (an intrinsic it cannot resolve, see `template`), becomes
//!   [`Value::Unknown`]: the rules say nothing about it. Properties the API lacks are checked
//!   and left out.
//!
//! Every key and value keeps the range of the template text it came from; a value brought
//! from elsewhere (a parameter's default, a mapping's entry) takes the range of the
//! intrinsic that brought it, and its origin is noted (`Resolved`).

use std::borrow::Cow;

use super::schema::{CfnType, Def, Prop};
use super::template::{self, Template, NO_VALUE};
use crate::diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
use crate::json::{push_pointer_segment, Key, Member, Node, Number, Value};
use crate::model::Type;
use crate::registry;
use crate::rules::structure::walk::{member_removal, shape_phrase};
use crate::suggest::did_you_mean;
use crate::template::is_placeholder;
use crate::text::format_f64;
use crate::text::TextRange;

/// Choices for the values a template leaves open: a condition's truth, a parameter's value
/// among its `AllowedValues`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scenario {
    pub conditions: Vec<(String, bool)>,
    /// A parameter and the index of its allowed value.
    pub parameters: Vec<(String, usize)>,
}

impl Scenario {
    fn condition(&self, name: &str) -> Option<bool> {
        self.conditions
            .iter()
            .find(|(c, _)| c == name)
            .map(|(_, b)| *b)
    }

    fn parameter(&self, name: &str) -> Option<usize> {
        self.parameters
            .iter()
            .find(|(p, _)| p == name)
            .map(|(_, i)| *i)
    }

    /// How a finding names the scenario: "if condition `IsProd` is true".
    pub fn describe(&self, template: &Template<'_, '_>) -> String {
        let mut parts = Vec::new();
        for (c, b) in &self.conditions {
            parts.push(format!("if condition `{c}` is {b}"));
        }
        for (p, i) in &self.parameters {
            let value = template
                .parameter(p)
                .and_then(|p| p.allowed_values().get(*i))
                .and_then(template::scalar_text)
                .unwrap_or_default();
            parts.push(format!("with parameter `{p}` = `{value}`"));
        }
        parts.join(", ")
    }
}

/// A value brought to `site` from `source` (a parameter's default, a mapping's entry).
#[derive(Clone, Debug)]
pub struct Resolved {
    pub site: TextRange,
    pub source: TextRange,
    /// The source's pointer in the template.
    pub source_pointer: String,
    pub note: String,
}

/// What converting one resource's properties gave.
pub struct Converted<'s> {
    pub root: Node<'s>,
    /// Findings in the template's terms; messages without the resource's label.
    pub diagnostics: Vec<Diagnostic>,
    pub resolved: Vec<Resolved>,
    /// Conditions of `Fn::If`s met, in order.
    pub conditions: Vec<String>,
    /// Parameters with `AllowedValues` other than the value used: their indexes.
    pub alternatives: Vec<(String, Vec<usize>)>,
    /// Where an `Fn::Transform` (a macro) was met.
    pub transforms: Vec<TextRange>,
}

/// API members CloudFormation fills when the template leaves them out: the task
/// definition's family and the service's name are generated from the stack and the logical
/// id ("If you don't specify a name, AWS CloudFormation generates a unique physical ID").
const FILLED: &[(&str, &str)] = &[
    ("RegisterTaskDefinitionRequest", "family"),
    ("CreateServiceRequest", "serviceName"),
];

/// Required properties a rule of their own reports when missing (with more to say than "it
/// is required"): not reported twice.
const REQUIRED_BY_RULES: &[(&str, &str)] = &[
    ("ContainerDefinition", "Name"),
    ("ContainerDefinition", "Image"),
];

/// Converts `properties` (the value of a resource's `Properties`) described by `def`.
pub fn convert<'t, 's>(
    text: &'s str,
    template: Template<'t, 's>,
    scenario: &Scenario,
    properties: &'t Node<'s>,
    def: &'static Def,
) -> Converted<'s> {
    let mut c = Converter {
        text,
        template,
        scenario,
        diagnostics: Vec::new(),
        resolved: Vec::new(),
        conditions: Vec::new(),
        alternatives: Vec::new(),
        transforms: Vec::new(),
        depth: 0,
    };
    let anchor = crate::rules::edits::opening(properties.range);
    static TASK_DEFINITION: CfnType = CfnType::Object(&super::generated::TASK_DEFINITION);
    static SERVICE: CfnType = CfnType::Object(&super::generated::SERVICE);
    let ty = if std::ptr::eq(def, &super::generated::SERVICE) {
        &SERVICE
    } else {
        &TASK_DEFINITION
    };
    let root = c
        .value(
            properties,
            ty,
            None,
            Name::Plain("Properties"),
            anchor,
            false,
        )
        .unwrap_or_else(|| template::unknown(properties.range));
    Converted {
        root,
        diagnostics: c.diagnostics,
        resolved: c.resolved,
        conditions: c.conditions,
        alternatives: c.alternatives,
        transforms: c.transforms,
    }
}

struct Converter<'c, 't, 's> {
    text: &'s str,
    template: Template<'t, 's>,
    scenario: &'c Scenario,
    diagnostics: Vec<Diagnostic>,
    resolved: Vec<Resolved>,
    conditions: Vec<String>,
    alternatives: Vec<(String, Vec<usize>)>,
    transforms: Vec<TextRange>,
    /// Intrinsics resolved inside each other (a mapping's key from a parameter, …): bounded.
    depth: usize,
}

/// How deep resolutions may nest.
const MAX_RESOLUTION_DEPTH: usize = 16;

fn report(rule: &'static str, range: TextRange, pointer: String, message: String) -> Diagnostic {
    let meta = registry::find(rule).expect("the structural rules are registered");
    Diagnostic {
        rule: meta.id,
        severity: meta.severity,
        message,
        pointer,
        range,
        help: None,
        fix: None,
        related: Vec::new(),
    }
}

/// How a definition is named in messages.
fn def_phrase(def: &Def) -> String {
    match def.name {
        "AWS::ECS::TaskDefinition" => "the task definition".to_owned(),
        "AWS::ECS::Service" => "the service".to_owned(),
        name => shape_phrase(name),
    }
}

/// What a value is called in messages, built into text only when a message needs it (most
/// values never get one).
#[derive(Clone, Copy)]
enum Name<'n> {
    /// A property: "`Cpu`".
    Plain(&'n str),
    /// "each element of `Command`".
    Element(&'n Name<'n>),
    /// "`awslogs-group` in `Options`".
    MapValue(&'n str, &'n Name<'n>),
}

impl Name<'_> {
    /// As messages quote it.
    fn quoted(self) -> String {
        match self {
            Name::Plain(s) => format!("`{s}`"),
            Name::Element(of) => format!("each element of {}", of.quoted()),
            Name::MapValue(key, of) => format!("`{key}` in {}", of.quoted()),
        }
    }
}

impl<'t, 's> Converter<'_, 't, 's> {
    fn report(&self, rule: &'static str, range: TextRange, message: String) -> Diagnostic {
        report(rule, range, self.template.root.pointer_to(range), message)
    }

    /// Converts one value of CloudFormation type `ty` (sent as API type `api`); `None` when
    /// it is `AWS::NoValue` (the property is left out). `name` says what it is in messages,
    /// `anchor` where a missing member of it is reported, `moved` whether it was brought from
    /// elsewhere (no fix may edit it).
    #[allow(clippy::too_many_arguments)]
    fn value(
        &mut self,
        node: &Node<'s>,
        ty: &'static CfnType,
        api: Option<&'static Type>,
        name: Name<'_>,
        anchor: TextRange,
        moved: bool,
    ) -> Option<Node<'s>> {
        if let Some((function, arg)) = template::function(node) {
            return self.intrinsic(node, function, arg, ty, api, name, anchor);
        }
        if let Value::String(s) = &node.value {
            // A dynamic reference (`{{resolve:ssm:/app/image}}`) is read when deployed.
            if s.contains("{{resolve:") {
                return Some(template::unknown(node.range));
            }
        }
        if node.is_null() {
            self.null(node, name);
            return Some(template::unknown(node.range));
        }
        match ty {
            CfnType::Object(def) => {
                if node.as_object().is_none() {
                    return Some(self.wrong_type(node, ty, name));
                }
                Some(self.object(node, def, anchor, moved))
            }
            CfnType::Array { items, .. } => {
                let Some(elements) = node.as_array() else {
                    return Some(self.wrong_type(node, ty, name));
                };
                let api_items = match api {
                    Some(Type::List { member, .. }) => Some(*member),
                    _ => None,
                };
                let element = Name::Element(&name);
                let mut out = Vec::with_capacity(elements.len());
                for e in elements {
                    let anchor = crate::rules::edits::opening(e.range);
                    if let Some(v) = self.value(e, items, api_items, element, anchor, moved) {
                        out.push(v);
                    }
                }
                Some(Node {
                    range: node.range,
                    value: Value::Array(out),
                })
            }
            CfnType::Map { values } => {
                let Some(members) = node.as_object() else {
                    return Some(self.wrong_type(node, ty, name));
                };
                let api_values = match api {
                    Some(Type::Map { value }) => Some(*value),
                    _ => None,
                };
                let mut out = Vec::with_capacity(members.len());
                for m in members {
                    let what = Name::MapValue(&m.key.name, &name);
                    if let Some(v) =
                        self.value(&m.value, values, api_values, what, m.key.range, moved)
                    {
                        out.push(Member {
                            key: m.key.clone(),
                            value: v,
                        });
                    }
                }
                Some(Node {
                    range: node.range,
                    value: Value::Object(out),
                })
            }
            CfnType::StringOrObject => match &node.value {
                Value::Object(_) => Some(node.clone()),
                Value::Array(_) => Some(self.wrong_type(node, ty, name)),
                _ => Some(template::string(
                    node.range,
                    template::scalar_text(node).unwrap_or_default().into_owned(),
                )),
            },
            CfnType::String { values, .. } => {
                let Some(text) = template::scalar_text(node) else {
                    return Some(self.wrong_type(node, ty, name));
                };
                let api_enum = match api {
                    Some(Type::Enum(def)) => def.values,
                    _ => &[],
                };
                let allowed: &[&str] = if values.is_empty() { api_enum } else { values };
                if !allowed.is_empty() && !allowed.contains(&&*text) && !is_placeholder(&text) {
                    // Kept as written, as the API's walk keeps it: the rules ignore a value
                    // they do not know, and read the rest of the list (`[FARGATE, Foo]`).
                    self.invalid_enum(node, &text, allowed, values.is_empty(), name, moved);
                }
                Some(self.to_api(node, text, api))
            }
            CfnType::Integer { min, max } => {
                let parsed = match &node.value {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) => s.trim().parse::<i64>().ok(),
                    _ => None,
                };
                let Some(v) = parsed else {
                    if let Value::Number(n) = &node.value {
                        // A number with a fraction: CloudFormation's schema check reads it
                        // as an integer type mismatch; cfn-lint (non-strict) lets `5.0` by.
                        let d = self.push(self.report(
                            "invalid-type",
                            node.range,
                            format!("{} must be an integer, found `{}`", name.quoted(), n.raw),
                        ));
                        d.help = Some("write a whole number".to_owned());
                        d.severity = Severity::Warning;
                        return Some(template::unknown(node.range));
                    }
                    return Some(self.wrong_type(node, ty, name));
                };
                let (lo, hi) = match api {
                    Some(Type::Integer { min: a, max: b }) => (
                        min.or(*a).unwrap_or(i64::from(i32::MIN)),
                        max.or(*b).unwrap_or(i64::from(i32::MAX)),
                    ),
                    Some(Type::Long { min: a, max: b }) => (
                        min.or(*a).unwrap_or(i64::MIN),
                        max.or(*b).unwrap_or(i64::MAX),
                    ),
                    _ => (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX)),
                };
                if !(lo..=hi).contains(&v) {
                    let d = self.push(self.report(
                        "number-out-of-range",
                        node.range,
                        format!(
                            "{} is {v}, outside the range CloudFormation and the API take",
                            name.quoted()
                        ),
                    ));
                    d.help = Some(format!("use a value from {lo} to {hi}"));
                    return Some(template::unknown(node.range));
                }
                Some(self.to_api(node, Cow::Owned(v.to_string()), api))
            }
            CfnType::Number { min, max } => {
                let parsed = match &node.value {
                    Value::Number(n) => Some(n.as_f64()),
                    Value::String(s) => s.trim().parse::<f64>().ok(),
                    _ => None,
                };
                let Some(v) = parsed.filter(|v| v.is_finite()) else {
                    return Some(self.wrong_type(node, ty, name));
                };
                if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                    let d = self.push(self.report(
                        "number-out-of-range",
                        node.range,
                        format!(
                            "{} is {}, outside CloudFormation's range",
                            name.quoted(),
                            format_f64(v)
                        ),
                    ));
                    d.help = Some(format!(
                        "use a value from {} to {}",
                        min.map_or("-∞".to_owned(), format_f64),
                        max.map_or("∞".to_owned(), format_f64)
                    ));
                    return Some(template::unknown(node.range));
                }
                let text = template::scalar_text(node).unwrap_or_default();
                Some(self.to_api(node, Cow::Owned(text.trim().to_owned()), api))
            }
            CfnType::Boolean => {
                let b = match &node.value {
                    Value::Bool(b) => Some(*b),
                    // cfn-lint's BOOLEAN_STRINGS: what CloudFormation converts.
                    Value::String(s) => match &**s {
                        "true" | "True" | "TRUE" => Some(true),
                        "false" | "False" | "FALSE" => Some(false),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(b) = b else {
                    return Some(self.wrong_type(node, ty, name));
                };
                Some(self.to_api(node, Cow::Borrowed(if b { "true" } else { "false" }), api))
            }
        }
    }

    /// A scalar CloudFormation accepted, as the API's type: CloudFormation sends the text
    /// in the type the API member has.
    fn to_api(&self, node: &Node<'s>, text: Cow<'_, str>, api: Option<&'static Type>) -> Node<'s> {
        let value = match api {
            Some(Type::Integer { .. } | Type::Long { .. } | Type::Double) => {
                match text.trim().parse::<f64>() {
                    Ok(v) if v.is_finite() => Value::Number(Number {
                        raw: Cow::Owned(text.trim().to_owned()),
                    }),
                    _ => Value::Unknown,
                }
            }
            Some(Type::Boolean) => match &*text {
                "true" | "True" | "TRUE" => Value::Bool(true),
                "false" | "False" | "FALSE" => Value::Bool(false),
                _ => Value::Unknown,
            },
            // The same scalar, when it already has the API's type (a string kept borrowed).
            _ => match &node.value {
                Value::String(s) => Value::String(s.clone()),
                _ => Value::String(Cow::Owned(text.into_owned())),
            },
        };
        Node {
            range: node.range,
            value,
        }
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.diagnostics.push(d);
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn null(&mut self, node: &Node<'s>, name: Name<'_>) {
        let d = self.push(self.report(
            "null-value",
            node.range,
            format!(
                "{} is null: CloudFormation refuses null values in a template",
                name.quoted()
            ),
        ));
        d.help = Some("remove it, or give it a value".to_owned());
    }

    fn wrong_type(&mut self, node: &Node<'s>, ty: &CfnType, name: Name<'_>) -> Node<'s> {
        let expected = ty.article_name();
        let found = match &node.value {
            Value::Array(_) => "a list",
            _ => node.kind_name(),
        };
        let help = match ty {
            CfnType::Integer { .. } | CfnType::Number { .. } => {
                "CloudFormation takes a number, or a string of one".to_owned()
            }
            CfnType::Boolean => "write true or false".to_owned(),
            CfnType::Array { .. } => format!(
                "{} takes a list: write each element on a `- ` line, or in [ … ]",
                name.quoted()
            ),
            _ => format!(
                "CloudFormation's schema gives {} the type {expected}",
                name.quoted()
            ),
        };
        let d = self.push(self.report(
            "invalid-type",
            node.range,
            format!("{} must be {expected}, found {found}", name.quoted()),
        ));
        d.help = Some(help);
        template::unknown(node.range)
    }

    #[allow(clippy::too_many_arguments)]
    fn invalid_enum(
        &mut self,
        node: &Node<'s>,
        text: &str,
        allowed: &[&'static str],
        from_api: bool,
        name: Name<'_>,
        moved: bool,
    ) {
        let suggestion = did_you_mean(text, allowed.iter().copied());
        let valid = allowed.join(", ");
        let whose = if from_api {
            "CloudFormation's schema leaves it open, and the API takes only"
        } else {
            "valid values:"
        };
        let help = match suggestion {
            Some(v) => format!(
                "did you mean `{v}`? {}",
                capitalized(&format!("{whose} {valid}"))
            ),
            None => capitalized(&format!("{whose} {valid}")),
        };
        let message = if text.is_empty() {
            format!(
                "{} is an empty string, which is not a valid value",
                name.quoted()
            )
        } else {
            format!("`{text}` is not a valid value for {}", name.quoted())
        };
        let yaml_plain = !moved && self.is_plain_scalar(node.range);
        let d = self.push(self.report("invalid-enum-value", node.range, message));
        d.help = Some(help);
        if let (Some(v), false) = (suggestion, moved) {
            let replacement = if yaml_plain {
                v.to_owned()
            } else {
                format!("\"{v}\"")
            };
            let edit = vec![Edit::replace(node.range, replacement)];
            d.fix = Some(if v.eq_ignore_ascii_case(text) {
                Fix::safe(format!("write `{v}`"), edit)
            } else {
                Fix::unsafe_(format!("write `{v}`"), edit)
            });
        }
    }

    /// The text at `range` is written without quotes (a YAML plain scalar).
    fn is_plain_scalar(&self, range: TextRange) -> bool {
        self.text
            .get(range.start..range.end)
            .is_some_and(|t| !t.starts_with(['"', '\'']))
    }

    /// Converts an object of definition `def`.
    fn object(
        &mut self,
        node: &Node<'s>,
        def: &'static Def,
        anchor: TextRange,
        moved: bool,
    ) -> Node<'s> {
        let members = node.as_object().unwrap_or_default();
        let shape = def.api;
        let mut out: Vec<Member<'s>> = Vec::with_capacity(members.len());
        let mut present: Vec<&'static str> = Vec::new();
        for m in members {
            let key: &str = &m.key.name;
            let Some(prop) = def.prop(key) else {
                self.unknown_property(node, m, def, moved);
                continue;
            };
            if m.value.is_null() {
                self.null(&m.value, Name::Plain(prop.name));
                continue;
            }
            if prop.read_only {
                self.read_only(members, m, prop, moved);
                continue;
            }
            let api_member = prop.api.zip(shape).and_then(|(a, s)| s.member(a));
            let converted = self.value(
                &m.value,
                prop.ty,
                api_member.map(|a| a.ty),
                Name::Plain(prop.name),
                m.key.range,
                moved,
            );
            let Some(v) = converted else {
                continue;
            };
            present.push(prop.name);
            if let Some(api) = prop.api {
                // A document (`hookDetails`) goes as written.
                out.push(Member {
                    key: Key {
                        name: Cow::Borrowed(api),
                        range: m.key.range,
                    },
                    value: v,
                });
            }
        }
        self.required(node, def, anchor, &present);
        // What CloudFormation fills stands in the API's document as an unknown value.
        if let Some(shape) = shape {
            for (s, member) in FILLED {
                if *s == shape.name && !out.iter().any(|m| m.key.name == *member) {
                    let at = TextRange::empty(node.range.start);
                    out.push(Member {
                        key: Key {
                            name: Cow::Borrowed(member),
                            range: at,
                        },
                        value: template::unknown(at),
                    });
                }
            }
        }
        Node {
            range: node.range,
            value: Value::Object(out),
        }
    }

    fn required(
        &mut self,
        node: &Node<'s>,
        def: &'static Def,
        anchor: TextRange,
        present: &[&str],
    ) {
        for prop in def.props {
            if present.contains(&prop.name) || node.get(prop.name).is_some() {
                continue;
            }
            if REQUIRED_BY_RULES.contains(&(def.name, prop.name)) {
                continue;
            }
            let api_required = match (def.api, prop.api) {
                (Some(shape), Some(api)) => {
                    shape.member(api).is_some_and(|m| m.required)
                        && !FILLED.contains(&(shape.name, api))
                }
                _ => false,
            };
            if !prop.required && !api_required {
                continue;
            }
            let what = def_phrase(def);
            let message = if prop.required {
                format!("{what} is missing the required property `{}`", prop.name)
            } else {
                format!(
                    "{what} is missing `{}`: CloudFormation's schema leaves it optional, but the API requires it",
                    prop.name
                )
            };
            let mut pointer = self.template.root.pointer_to(node.range);
            push_pointer_segment(&mut pointer, prop.name);
            let mut d = self.report("missing-required-field", anchor, message);
            d.pointer = pointer;
            let d = self.push(d);
            d.help = Some(format!("add `{}` ({})", prop.name, prop.ty.article_name()));
        }
    }

    fn unknown_property(
        &mut self,
        object: &Node<'s>,
        member: &Member<'s>,
        def: &'static Def,
        moved: bool,
    ) {
        let name: &str = &member.key.name;
        let names = def.props.iter().map(|p| p.name);
        let suggestion = did_you_mean(name, names);
        let what = def_phrase(def);
        let hint = match suggestion {
            Some(s) if s.eq_ignore_ascii_case(name) => format!(
                "did you mean `{s}`? CloudFormation's property names are case-sensitive (PascalCase)"
            ),
            Some(s) => format!("did you mean `{s}`?"),
            None if def.props.len() <= 12 => format!(
                "the properties of {what} are: {}",
                def.props.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
            ),
            None => format!("`{name}` is not a property of {what} in CloudFormation's schema"),
        };
        let quoted_key = !self.is_plain_scalar(member.key.range);
        let fix = suggestion
            .filter(|s| object.get(s).is_none() && !moved)
            .map(|s| {
                let text = if quoted_key {
                    format!("\"{s}\"")
                } else {
                    s.to_owned()
                };
                let edit = vec![Edit::replace(member.key.range, text)];
                if s.eq_ignore_ascii_case(name) {
                    Fix::safe(format!("rename to `{s}`"), edit)
                } else {
                    Fix::unsafe_(format!("rename to `{s}`"), edit)
                }
            });
        let d = self.push(self.report(
            "unknown-field",
            member.key.range,
            format!("unknown property `{name}` in {what}: CloudFormation refuses it (\"Encountered unsupported property {name}\")"),
        ));
        d.help = Some(hint);
        d.fix = fix;
    }

    fn read_only(&mut self, members: &[Member<'s>], member: &Member<'s>, prop: &Prop, moved: bool) {
        let json = !self.is_plain_scalar(member.key.range);
        let d = self.push(self.report(
            "read-only-field",
            member.key.range,
            format!("`{}` is a read-only property: CloudFormation does not send it, and ignores it in a template", prop.name),
        ));
        d.severity = Severity::Warning;
        d.help = Some(format!(
            "remove `{}`: read it with `!GetAtt` instead",
            prop.name
        ));
        // Removing a member is a JSON edit; in YAML the line is for you to delete.
        if json && !moved {
            d.fix = Some(Fix::safe(
                format!("remove `{}`", prop.name),
                vec![Edit::delete(member_removal(members, member))],
            ));
        }
    }

    /// An intrinsic function's value, converted like any value when it is known.
    #[allow(clippy::too_many_arguments)]
    fn intrinsic(
        &mut self,
        node: &Node<'s>,
        function: &str,
        arg: &Node<'s>,
        ty: &'static CfnType,
        api: Option<&'static Type>,
        name: Name<'_>,
        anchor: TextRange,
    ) -> Option<Node<'s>> {
        let unknown = Some(template::unknown(node.range));
        if self.depth >= MAX_RESOLUTION_DEPTH {
            return unknown;
        }
        match function {
            "Ref" => {
                let target = arg.as_str()?;
                if target == NO_VALUE {
                    return None;
                }
                // A resource's `Ref` or a pseudo parameter: known when deployed.
                let Some(param) = self.template.parameter(target) else {
                    return unknown;
                };
                let Some((value, note)) = self.parameter_value(target) else {
                    return unknown;
                };
                let value = if param.is_list() {
                    match template::scalar_text(value) {
                        Some(text) => Node {
                            range: node.range,
                            value: Value::Array(
                                text.split(',')
                                    .map(|s| template::string(node.range, s.trim().to_owned()))
                                    .collect(),
                            ),
                        },
                        None => return unknown,
                    }
                } else {
                    template::moved(value, node.range)
                };
                let source = self.parameter_source(target);
                self.resolved.push(Resolved {
                    site: node.range,
                    source,
                    source_pointer: self.template.root.pointer_to(source),
                    note,
                });
                self.nested(&value, ty, api, name, anchor)
            }
            "Fn::GetAtt" => {
                let Some((resource, attribute)) = template::reference(function, arg) else {
                    return unknown;
                };
                // A role's ARN: known to be one, whatever its name will be.
                if self.template.resource_type(resource) == Some("AWS::IAM::Role")
                    && attribute == "Arn"
                {
                    let arn = template::string(
                        node.range,
                        format!(
                            "arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/${{{resource}}}"
                        ),
                    );
                    return self.nested(&arn, ty, api, name, anchor);
                }
                unknown
            }
            "Fn::If" => {
                let items = arg.as_array().filter(|a| a.len() == 3)?;
                let condition = items[0].as_str()?;
                if !self.conditions.iter().any(|c| c == condition) {
                    self.conditions.push(condition.to_owned());
                }
                match self.scenario.condition(condition) {
                    Some(b) => {
                        let branch = &items[if b { 1 } else { 2 }];
                        self.depth += 1;
                        let v = self.value(branch, ty, api, name, anchor, false);
                        self.depth -= 1;
                        v
                    }
                    None => unknown,
                }
            }
            "Fn::FindInMap" => {
                let Some((value, source)) = self.find_in_map(arg) else {
                    return unknown;
                };
                let value = template::moved(&value, node.range);
                self.resolved.push(Resolved {
                    site: node.range,
                    source,
                    source_pointer: self.template.root.pointer_to(source),
                    note: "the value comes from `Mappings`".to_owned(),
                });
                self.nested(&value, ty, api, name, anchor)
            }
            "Fn::Sub" | "Fn::Join" | "Fn::Select" => match self.literal(node) {
                Some(text) => {
                    let value = template::string(node.range, text);
                    self.nested(&value, ty, api, name, anchor)
                }
                None => unknown,
            },
            "Fn::Transform" => {
                self.transforms.push(node.range);
                unknown
            }
            _ => unknown,
        }
    }

    /// Converts a value brought to a site, one resolution deeper.
    fn nested(
        &mut self,
        value: &Node<'s>,
        ty: &'static CfnType,
        api: Option<&'static Type>,
        name: Name<'_>,
        anchor: TextRange,
    ) -> Option<Node<'s>> {
        self.depth += 1;
        let v = self.value(value, ty, api, name, anchor, true);
        self.depth -= 1;
        v
    }

    /// The value a parameter has in this scenario (its allowed value, or its default), and
    /// how a finding names where it comes from.
    fn parameter_value(&mut self, name: &str) -> Option<(&'t Node<'s>, String)> {
        let param = self.template.parameter(name)?;
        if param.read_elsewhere() {
            return None;
        }
        let allowed = param.allowed_values();
        let default = param.default();
        if !allowed.is_empty() && !self.alternatives.iter().any(|(p, _)| p == name) {
            let default_text = default.and_then(template::scalar_text);
            let others: Vec<usize> = allowed
                .iter()
                .enumerate()
                .filter(|(_, v)| template::scalar_text(v) != default_text)
                .map(|(i, _)| i)
                .collect();
            if !others.is_empty() {
                self.alternatives.push((name.to_owned(), others));
            }
        }
        if let Some(i) = self.scenario.parameter(name) {
            let v = allowed.get(i)?;
            return Some((
                v,
                format!("parameter `{name}` set to one of its AllowedValues"),
            ));
        }
        default.map(|d| (d, format!("the default of parameter `{name}`")))
    }

    fn parameter_source(&self, name: &str) -> TextRange {
        let Some(param) = self.template.parameter(name) else {
            return TextRange::default();
        };
        match self.scenario.parameter(name) {
            Some(i) => param
                .allowed_values()
                .get(i)
                .map_or(param.node.range, |v| v.range),
            None => param.default().map_or(param.node.range, |d| d.range),
        }
    }

    /// `Fn::FindInMap [Map, TopKey, SecondKey, {DefaultValue}]` with keys known here.
    fn find_in_map(&mut self, arg: &Node<'s>) -> Option<(Node<'s>, TextRange)> {
        let items = arg.as_array()?;
        if items.len() < 3 {
            return None;
        }
        let map = self.literal(&items[0])?;
        let top = self.literal(&items[1])?;
        let second = self.literal(&items[2])?;
        if let Some(v) = self.template.mapping(&map, &top, &second) {
            return Some((v.clone(), v.range));
        }
        // `AWS::LanguageExtensions`' default for a missing key.
        let default = items.get(3)?.get("DefaultValue")?;
        template::function(default)
            .is_none()
            .then(|| (default.clone(), default.range))
    }

    /// A value known as a string here: a scalar, a parameter's value, an `Fn::Sub` without
    /// variables, an `Fn::Join` or `Fn::Select` of known parts, an `Fn::If` with a chosen
    /// condition.
    fn literal(&mut self, node: &Node<'s>) -> Option<String> {
        if self.depth >= MAX_RESOLUTION_DEPTH {
            return None;
        }
        let Some((function, arg)) = template::function(node) else {
            return template::scalar_text(node).map(Cow::into_owned);
        };
        self.depth += 1;
        let v = self.literal_function(function, arg);
        self.depth -= 1;
        v
    }

    fn literal_function(&mut self, function: &str, arg: &Node<'s>) -> Option<String> {
        match function {
            "Ref" => {
                let name = arg.as_str()?;
                let param = self.template.parameter(name)?;
                if param.is_list() {
                    return None;
                }
                let (value, _) = self.parameter_value(name)?;
                template::scalar_text(value).map(Cow::into_owned)
            }
            "Fn::Sub" => {
                let s = match &arg.value {
                    Value::String(s) => s,
                    Value::Array(items) => match items.first().map(|n| &n.value) {
                        Some(Value::String(s)) => s,
                        _ => return None,
                    },
                    _ => return None,
                };
                template::sub_without_variables(s)
            }
            "Fn::Join" => {
                let items = arg.as_array().filter(|a| a.len() == 2)?;
                let delimiter = items[0].as_str()?.to_owned();
                let parts = items[1].as_array()?;
                let mut out = Vec::with_capacity(parts.len());
                for p in parts {
                    out.push(self.literal(p)?);
                }
                Some(out.join(&delimiter))
            }
            "Fn::Select" => {
                let items = arg.as_array().filter(|a| a.len() == 2)?;
                let index: usize = self.literal(&items[0])?.trim().parse().ok()?;
                let list = items[1].as_array()?;
                let element = list.get(index)?;
                self.literal(element)
            }
            "Fn::If" => {
                let items = arg.as_array().filter(|a| a.len() == 3)?;
                let condition = items[0].as_str()?;
                if !self.conditions.iter().any(|c| c == condition) {
                    self.conditions.push(condition.to_owned());
                }
                let b = self.scenario.condition(condition)?;
                self.literal(&items[if b { 1 } else { 2 }])
            }
            "Fn::FindInMap" => {
                let (value, _) = self.find_in_map(arg)?;
                template::scalar_text(&value).map(Cow::into_owned)
            }
            _ => None,
        }
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A related place for a value brought from elsewhere.
pub fn related(resolved: &Resolved) -> Related {
    Related {
        message: resolved.note.clone(),
        range: resolved.source,
        document: None,
        pointer: Some(resolved.source_pointer.clone()),
    }
}
