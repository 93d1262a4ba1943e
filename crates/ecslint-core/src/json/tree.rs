//! The parsed JSON document: every value and key keeps its byte range.

use std::borrow::Cow;

use crate::text::TextRange;

/// A JSON value with the range of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'s> {
    pub range: TextRange,
    pub value: Value<'s>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'s> {
    Null,
    Bool(bool),
    Number(Number<'s>),
    /// The unescaped string.
    String(Cow<'s, str>),
    Array(Vec<Node<'s>>),
    /// Members in document order, duplicates included (see [`Node::get`]).
    Object(Vec<Member<'s>>),
    /// A value the file does not give: a CloudFormation intrinsic (`!Ref Cpu`), a Terraform
    /// expression (`var.cpu`). Known only when deployed, so it is never of a wrong type or
    /// form; rules read it as present and say nothing about it. Only forms build it.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'s> {
    pub key: Key<'s>,
    pub value: Node<'s>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key<'s> {
    pub name: Cow<'s, str>,
    /// The key's range, quotes included.
    pub range: TextRange,
}

/// A number, kept as written so that nothing is lost to rounding.
///
/// `raw` is always in JSON's number syntax (RFC 8259 §6). The JSON parser borrows it from
/// the text; the YAML reader borrows it too when the YAML scalar is written that way (`256`,
/// `0.5`), and otherwise holds the same number in JSON syntax (`0x100`, `1_024` or YAML 1.1's
/// `0400` become `"256"`, `"1024"`, `"256"`): see `read::yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Number<'s> {
    pub raw: Cow<'s, str>,
}

impl Number<'_> {
    /// Written as an integer: no fraction and no exponent.
    pub fn is_integer_syntax(&self) -> bool {
        !self.raw.contains(['.', 'e', 'E'])
    }

    /// The value as an `i64`, if it is written as an integer and fits.
    pub fn as_i64(&self) -> Option<i64> {
        if self.is_integer_syntax() {
            self.raw.parse().ok()
        } else {
            None
        }
    }

    pub fn as_f64(&self) -> f64 {
        self.raw.parse().unwrap_or(f64::NAN)
    }
}

impl<'s> Node<'s> {
    /// The value of member `key`. When a key is repeated the last one wins, as in the AWS CLI
    /// (Python's `json` module) and the SDKs.
    pub fn get(&self, key: &str) -> Option<&Node<'s>> {
        self.member(key).map(|m| &m.value)
    }

    /// The member named `key` (the last one when repeated).
    pub fn member(&self, key: &str) -> Option<&Member<'s>> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key.name == key),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'s>]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'s>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number<'s>> {
        match &self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// A value known only when deployed ([`Value::Unknown`]).
    pub fn is_unknown(&self) -> bool {
        matches!(self.value, Value::Unknown)
    }

    /// Whether this value is, or holds, a value known only when deployed.
    pub fn contains_unknown(&self) -> bool {
        match &self.value {
            Value::Unknown => true,
            Value::Array(items) => items.iter().any(Node::contains_unknown),
            Value::Object(members) => members.iter().any(|m| m.value.contains_unknown()),
            _ => false,
        }
    }

    /// The JSON pointers of the unknown values under this node (this node as the root).
    pub fn unknown_pointers(&self) -> Vec<String> {
        fn walk(node: &Node<'_>, pointer: &mut String, out: &mut Vec<String>) {
            match &node.value {
                Value::Unknown => out.push(pointer.clone()),
                Value::Array(items) => {
                    for (i, n) in items.iter().enumerate() {
                        if !n.contains_unknown() {
                            continue;
                        }
                        let len = pointer.len();
                        use std::fmt::Write;
                        let _ = write!(pointer, "/{i}");
                        walk(n, pointer, out);
                        pointer.truncate(len);
                    }
                }
                Value::Object(members) => {
                    for m in members {
                        if !m.value.contains_unknown() {
                            continue;
                        }
                        let len = pointer.len();
                        push_pointer_segment(pointer, &m.key.name);
                        walk(&m.value, pointer, out);
                        pointer.truncate(len);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        if self.contains_unknown() {
            walk(self, &mut String::new(), &mut out);
        }
        out
    }

    /// What the value is, as messages name it ("a string", "an object", …).
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Unknown => "a value known only when deployed",
            Value::Bool(_) => "a boolean",
            Value::Number(n) if n.is_integer_syntax() => "an integer",
            Value::Number(_) => "a number with a fraction or exponent",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The JSON pointer (RFC 6901) of the innermost value or key whose range contains
    /// `range`, with this node as the root. A range inside a key names that member.
    pub fn pointer_to(&self, range: TextRange) -> String {
        let mut pointer = String::new();
        let mut node = self;
        loop {
            match &node.value {
                Value::Object(members) => {
                    let found = members.iter().rev().find(|m| {
                        m.key.range.contains_range(range) || m.value.range.contains_range(range)
                    });
                    let Some(member) = found else { break };
                    push_pointer_segment(&mut pointer, &member.key.name);
                    if member.value.range.contains_range(range) && member.value.range != range {
                        node = &member.value;
                    } else {
                        break;
                    }
                }
                Value::Array(items) => {
                    let index = items.partition_point(|item| item.range.end < range.end);
                    match items.get(index) {
                        Some(item) if item.range.contains_range(range) => {
                            use std::fmt::Write;
                            let _ = write!(pointer, "/{index}");
                            if item.range == range {
                                break;
                            }
                            node = item;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        pointer
    }
}

/// Appends `/segment` to a JSON pointer, escaping `~` and `/` (RFC 6901).
pub fn push_pointer_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    if !segment.bytes().any(|b| b == b'~' || b == b'/') {
        pointer.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}
