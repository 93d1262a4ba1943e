//! The template around a resource: its parameters, mappings, conditions and other
//! resources, and what an intrinsic function's value is when it can be known without AWS.
//!
//! A value is known when the template alone gives it: a `Ref` to a parameter with a
//! `Default` (or, in a scenario, one of its `AllowedValues`), an `Fn::FindInMap` whose keys
//! are known, an `Fn::Sub` without variables, an `Fn::Join` of known strings, an `Fn::If`
//! once its condition is chosen. Everything else (a resource's `Ref` or attribute, a pseudo
//! parameter, an import, a parameter without a default, a parameter read from SSM) is known
//! only when the stack is deployed.

use std::borrow::Cow;

use crate::json::{Member, Node, Value};
use crate::text::TextRange;

/// The intrinsic functions (and `Condition`) as their one key spells them.
pub const FUNCTIONS: &[&str] = &[
    "Ref",
    "Condition",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetAZs",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::Transform",
    "Fn::If",
    "Fn::Equals",
    "Fn::And",
    "Fn::Or",
    "Fn::Not",
    "Fn::Length",
    "Fn::ToJsonString",
    "Fn::GetStackOutput",
];

/// The pseudo parameters (`Ref: AWS::Region`): known only when deployed, except
/// `AWS::NoValue`, which removes the property.
pub const NO_VALUE: &str = "AWS::NoValue";

/// An intrinsic function call: an object of one member whose key is a function.
pub fn function<'n, 's>(node: &'n Node<'s>) -> Option<(&'n str, &'n Node<'s>)> {
    let members = node.as_object()?;
    if members.len() != 1 {
        return None;
    }
    let m = &members[0];
    let name: &str = &m.key.name;
    (FUNCTIONS.contains(&name) || name.starts_with("Fn::")).then_some((name, &m.value))
}

/// A parameter of the template.
#[derive(Clone, Copy)]
pub struct Parameter<'t, 's> {
    pub node: &'t Node<'s>,
}

impl<'t, 's> Parameter<'t, 's> {
    pub fn ty(&self) -> &'t str {
        self.node
            .get("Type")
            .and_then(Node::as_str)
            .unwrap_or("String")
    }

    /// Its value is read elsewhere (SSM: the default is the SSM parameter's name).
    pub fn read_elsewhere(&self) -> bool {
        self.ty().starts_with("AWS::SSM::")
    }

    /// A list type (`CommaDelimitedList`, `List<…>`): the value is split at commas.
    pub fn is_list(&self) -> bool {
        let ty = self.ty();
        ty == "CommaDelimitedList" || ty.starts_with("List<")
    }

    pub fn default(&self) -> Option<&'t Node<'s>> {
        self.node.get("Default").filter(|d| !d.is_null())
    }

    pub fn allowed_values(&self) -> &'t [Node<'s>] {
        self.node
            .get("AllowedValues")
            .and_then(Node::as_array)
            .unwrap_or_default()
    }
}

/// The sections of a template a resource's values can come from.
#[derive(Clone, Copy)]
pub struct Template<'t, 's> {
    pub root: &'t Node<'s>,
    pub parameters: Option<&'t Node<'s>>,
    pub mappings: Option<&'t Node<'s>>,
    pub resources: Option<&'t Node<'s>>,
}

impl<'t, 's> Template<'t, 's> {
    pub fn new(root: &'t Node<'s>) -> Self {
        Template {
            root,
            parameters: root.get("Parameters").filter(|p| p.as_object().is_some()),
            mappings: root.get("Mappings").filter(|p| p.as_object().is_some()),
            resources: root.get("Resources").filter(|p| p.as_object().is_some()),
        }
    }

    pub fn parameter(&self, name: &str) -> Option<Parameter<'t, 's>> {
        let member = self.parameters?.member(name)?;
        member.value.as_object()?;
        Some(Parameter {
            node: &member.value,
        })
    }

    /// The resource named `name`: its member in `Resources`.
    pub fn resource(&self, name: &str) -> Option<&'t Member<'s>> {
        self.resources?.member(name)
    }

    /// The `Type` of resource `name`.
    pub fn resource_type(&self, name: &str) -> Option<&'t str> {
        self.resource(name)?.value.get("Type")?.as_str()
    }

    /// The value of `Mappings[map][top][second]`.
    pub fn mapping(&self, map: &str, top: &str, second: &str) -> Option<&'t Node<'s>> {
        self.mappings?.get(map)?.get(top)?.get(second)
    }
}

/// The resource a `Ref` or `Fn::GetAtt` names, with the attribute (empty for a `Ref`).
pub fn reference<'n>(name: &str, arg: &'n Node<'_>) -> Option<(&'n str, Cow<'n, str>)> {
    match name {
        "Ref" => arg.as_str().map(|s| (s, Cow::Borrowed(""))),
        "Fn::GetAtt" => match &arg.value {
            // `!GetAtt Role.Arn` is read as `["Role", "Arn"]` by the YAML reader's long form
            // only when written as a list; the dotted string is split here.
            Value::String(s) => {
                let (resource, attribute) = s.split_once('.')?;
                let resource: &'n str = match s {
                    Cow::Borrowed(b) => &b[..resource.len()],
                    Cow::Owned(o) => &o[..resource.len()],
                };
                Some((resource, Cow::Owned(attribute.to_owned())))
            }
            Value::Array(items) => {
                let resource = items.first()?.as_str()?;
                let attribute = items.get(1).and_then(Node::as_str).unwrap_or("");
                Some((resource, Cow::Borrowed(attribute)))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A copy of `node` whose every key and value has the range `site`: a value brought from
/// elsewhere in the template (a parameter's default, a mapping) to where it is used, so
/// that findings about it land there.
pub fn moved<'s>(node: &Node<'s>, site: TextRange) -> Node<'s> {
    let value = match &node.value {
        Value::Array(items) => Value::Array(items.iter().map(|n| moved(n, site)).collect()),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| Member {
                    key: crate::json::Key {
                        name: m.key.name.clone(),
                        range: site,
                    },
                    value: moved(&m.value, site),
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Node { range: site, value }
}

/// A string node at `range`.
pub fn string<'s>(range: TextRange, s: impl Into<Cow<'s, str>>) -> Node<'s> {
    Node {
        range,
        value: Value::String(s.into()),
    }
}

/// An unknown value at `range`.
pub fn unknown<'s>(range: TextRange) -> Node<'s> {
    Node {
        range,
        value: Value::Unknown,
    }
}

/// The text of an `Fn::Sub` string without variables, `${!x}` written as `${x}`; `None` when
/// it has a variable.
pub fn sub_without_variables(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        if let Some(literal) = after.strip_prefix('!') {
            out.push_str("${");
            rest = literal;
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some(out)
}

/// A scalar's text as CloudFormation turns it into a string (`256`, `true`).
pub fn scalar_text<'a>(node: &'a Node<'_>) -> Option<Cow<'a, str>> {
    match &node.value {
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Number(n) => Some(Cow::Borrowed(&n.raw)),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_literals() {
        assert_eq!(sub_without_variables("abc").as_deref(), Some("abc"));
        assert_eq!(sub_without_variables("a${!b}c").as_deref(), Some("a${b}c"));
        assert_eq!(sub_without_variables("a${AWS::Region}"), None);
    }

    #[test]
    fn getatt_forms() {
        let root =
            crate::json::parse(r#"[{"Fn::GetAtt": "Role.Arn"}, {"Fn::GetAtt": ["Role", "Arn"]}]"#)
                .root
                .unwrap();
        for item in root.as_array().unwrap() {
            let (name, arg) = function(item).unwrap();
            let (resource, attribute) = reference(name, arg).unwrap();
            assert_eq!((resource, &*attribute), ("Role", "Arn"));
        }
    }
}
