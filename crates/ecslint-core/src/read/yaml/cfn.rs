//! Tags: CloudFormation's short forms (`!Ref`, `!GetAtt`, …) → long forms, YAML's own
//! `!!str`-style tags, and the rest reported.

use std::borrow::Cow;

use saphyr_parser::Tag;

use super::build::{Builder, Props, INVALID_YAML, UNKNOWN_TAG};
use super::{scalar, Options};
use crate::json::{Key, Member, Node, Value};
use crate::text::TextRange;

/// YAML's own tags (`!!str`) after saphyr resolves the `!!` handle.
const YAML_HANDLE: &str = "tag:yaml.org,2002:";

/// The long form of a CloudFormation short-form tag (`Ref` → `Ref`, `Sub` → `Fn::Sub`).
///
/// The intrinsic functions of the CloudFormation User Guide ("Intrinsic function
/// reference") that have a YAML short form, and `!Length` and `!ToJsonString` of the
/// `AWS::LanguageExtensions` transform. cfn-lint 1.58 turns any `!X` into `Fn::X`
/// (`decode/cfn_yaml.py`, `multi_constructor`); an unknown one is reported here instead.
pub fn long_form(suffix: &str) -> Option<&'static str> {
    Some(match suffix {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "Base64" => "Fn::Base64",
        "Cidr" => "Fn::Cidr",
        "FindInMap" => "Fn::FindInMap",
        "GetAtt" => "Fn::GetAtt",
        "GetAZs" => "Fn::GetAZs",
        "ImportValue" => "Fn::ImportValue",
        "Join" => "Fn::Join",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "Sub" => "Fn::Sub",
        "Transform" => "Fn::Transform",
        "If" => "Fn::If",
        "Equals" => "Fn::Equals",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Not" => "Fn::Not",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        _ => return None,
    })
}

fn cfn_long_form(tag: &Tag, options: &Options) -> Option<&'static str> {
    if options.cloudformation_tags && tag.handle == "!" {
        long_form(&tag.suffix)
    } else {
        None
    }
}

/// Whether the node becomes a CloudFormation function object (one more tree level).
pub(super) fn wraps(props: &Props<'_>, options: &Options) -> bool {
    props
        .tag
        .as_ref()
        .is_some_and(|(tag, _)| cfn_long_form(tag, options).is_some())
}

/// `{long: inner}` covering `whole`, its key on the tag.
fn function<'s>(long: &'static str, tag: TextRange, inner: Node<'s>, whole: TextRange) -> Node<'s> {
    Node {
        range: whole,
        value: Value::Object(vec![Member {
            key: Key {
                name: Cow::Borrowed(long),
                range: tag,
            },
            value: inner,
        }]),
    }
}

/// A tagged scalar. `content` is its text without properties, `inner` the text of its value
/// when it can be borrowed (quotes excluded).
pub(super) fn tagged_scalar<'s>(
    b: &mut Builder<'s>,
    props: &Props<'s>,
    value: Cow<'s, str>,
    content: TextRange,
    whole: TextRange,
    inner: Option<TextRange>,
) -> Node<'s> {
    let Some((tag, tag_range)) = &props.tag else {
        unreachable!("only called for tagged scalars")
    };
    let tag_range = *tag_range;
    if let Some(long) = cfn_long_form(tag, &b.options) {
        // cfn-lint's `construct_scalar`: the text, never a number or boolean.
        let borrowed = matches!(value, Cow::Borrowed(_));
        let inner_node = if long == "Fn::GetAtt" {
            get_att(value, content, inner.filter(|_| borrowed))
        } else {
            Node {
                range: content,
                value: Value::String(value),
            }
        };
        return function(long, tag_range, inner_node, whole);
    }
    let text = b.text;
    let shown = &text[tag_range.start..tag_range.end];
    let resolved = if tag.handle == YAML_HANDLE {
        let as_plain = || scalar::resolve(value.clone(), b.options.schema);
        let checked = match tag.suffix.as_str() {
            "str" => Some(Value::String(value.clone())),
            "int" => {
                Some(as_plain()).filter(|v| matches!(v, Value::Number(n) if n.is_integer_syntax()))
            }
            "float" => Some(as_plain()).filter(|v| matches!(v, Value::Number(_))),
            "bool" => Some(as_plain()).filter(|v| matches!(v, Value::Bool(_))),
            "null" => Some(as_plain()).filter(|v| matches!(v, Value::Null)),
            _ => None,
        };
        match checked {
            Some(v) => v,
            None if matches!(tag.suffix.as_str(), "int" | "float" | "bool" | "null") => {
                let what = match tag.suffix.as_str() {
                    "int" => "an integer",
                    "float" => "a number",
                    "bool" => "a boolean",
                    _ => "null",
                };
                b.problem(
                    INVALID_YAML,
                    whole,
                    format!("`{shown}` says this is {what}, but `{value}` is not"),
                    Some("remove the tag or write a value of that type; PyYAML and the `yaml` package refuse it"),
                );
                Value::String(value)
            }
            None => {
                unknown(b, tag_range, shown);
                Value::String(value)
            }
        }
    } else if shown == "!" {
        // `! value`: the non-specific tag makes a string.
        Value::String(value)
    } else {
        unknown(b, tag_range, shown);
        Value::String(value)
    };
    Node {
        range: whole,
        value: resolved,
    }
}

/// A tagged sequence or mapping (`node` covers its content; `whole` adds the properties).
pub(super) fn tagged_collection<'s>(
    b: &mut Builder<'s>,
    props: &Props<'s>,
    node: Node<'s>,
    whole: TextRange,
) -> Node<'s> {
    let Some((tag, tag_range)) = &props.tag else {
        return Node {
            range: whole,
            value: node.value,
        };
    };
    if let Some(long) = cfn_long_form(tag, &b.options) {
        return function(long, *tag_range, node, whole);
    }
    let shown = &b.text[tag_range.start..tag_range.end];
    let fits = match (tag.handle.as_str(), tag.suffix.as_str()) {
        (YAML_HANDLE, "map") => Some(matches!(node.value, Value::Object(_))),
        (YAML_HANDLE, "seq") => Some(matches!(node.value, Value::Array(_))),
        _ if &b.text[tag_range.start..tag_range.end] == "!" => Some(true),
        _ => None,
    };
    match fits {
        Some(true) => {}
        Some(false) => b.problem(
            INVALID_YAML,
            *tag_range,
            format!(
                "`{shown}` does not fit this {}",
                if matches!(node.value, Value::Object(_)) {
                    "mapping"
                } else {
                    "sequence"
                }
            ),
            Some("remove the tag: `!!map` is for mappings, `!!seq` for sequences"),
        ),
        None => unknown(b, *tag_range, shown),
    }
    Node {
        range: whole,
        value: node.value,
    }
}

fn unknown(b: &mut Builder<'_>, range: TextRange, shown: &str) {
    let (message, help) = if b.options.cloudformation_tags {
        (
            format!("`{shown}` is not a CloudFormation function tag; the value is read without it"),
            "CloudFormation's short forms are !Ref, !Sub, !GetAtt, !If, !Join, !Select, !Split, !FindInMap, !ImportValue, !Base64, !Cidr, !GetAZs, !Equals, !And, !Or, !Not, !Condition and !Transform: fix the name, or write the function's long form (`Fn::Name:`)",
        )
    } else {
        (
            format!("unknown tag `{shown}`; the value is read as a string without it"),
            "the `yaml` package of the ECS deploy action warns \"Unresolved tag\" and reads the value as a string: remove the tag",
        )
    };
    b.problem(UNKNOWN_TAG, range, message, Some(help));
}

/// `!GetAtt Resource.Attribute` → `["Resource", "Attribute"]`, split at the first dot as
/// cfn-lint does; each part keeps its own range when the text holds it as written.
fn get_att<'s>(value: Cow<'s, str>, content: TextRange, inner: Option<TextRange>) -> Node<'s> {
    let part = |s: Cow<'s, str>, range: TextRange| Node {
        range,
        value: Value::String(s),
    };
    let items = match value.find('.') {
        None => vec![part(value, content)],
        Some(dot) => {
            let (left, right) = match &value {
                Cow::Borrowed(s) => (Cow::Borrowed(&s[..dot]), Cow::Borrowed(&s[dot + 1..])),
                Cow::Owned(s) => (
                    Cow::Owned(s[..dot].to_owned()),
                    Cow::Owned(s[dot + 1..].to_owned()),
                ),
            };
            let (lr, rr) = match inner {
                Some(r) => (
                    TextRange::new(r.start, r.start + dot),
                    TextRange::new(r.start + dot + 1, r.end),
                ),
                None => (content, content),
            };
            vec![part(left, lr), part(right, rr)]
        }
    };
    Node {
        range: content,
        value: Value::Array(items),
    }
}
