//! What is at a place in a document, in the API model's terms: the structure whose member
//! names may be written there, or the field whose value is there. Editors ask it for hovers
//! (a field's documentation and allowed values) and completions (member names, enum values).
//!
//! It reads the text with a forgiving scan rather than the parser: a document being typed is
//! rarely valid JSON (`{"family": "web", "mem` has no end), and everything after the place
//! asked about may be broken without changing what the place is. The scan keeps a stack of
//! the objects and arrays open at the place, the member each one is in, and resolves that
//! path through the model from the document kind's root shape.
//!
//! Today this reads the API's own JSON. A form whose file is not that JSON (YAML,
//! CloudFormation, Terraform) answers through its name map once it has one; until then the
//! place is unknown there (`None`), never a wrong answer.

use crate::document::DocumentKind;
use crate::json::push_pointer_segment;
use crate::model::{
    Member, Shape, Type, CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST,
    REGISTER_TASK_DEFINITION_REQUEST, UPDATE_SERVICE_REQUEST,
};
use crate::text::TextRange;

/// What is at an offset.
#[derive(Debug, Clone)]
pub struct Location {
    /// JSON pointer of the object (for a key) or of the value (for a value).
    pub pointer: String,
    pub place: Place,
}

/// Where the offset is.
#[derive(Debug, Clone)]
pub enum Place {
    /// Where a member name of `shape` is, or may be written.
    Key {
        shape: &'static Shape,
        /// The name written at the offset (without quotes), if any.
        written: Option<String>,
        /// The range of that name (quotes included), if any: what a completion replaces.
        range: Option<TextRange>,
        /// The other member names of the object, written before or after the offset.
        siblings: Vec<String>,
    },
    /// Where the value of a field is, or may be written.
    Value {
        /// The field (for an array element: the array's field).
        member: Option<&'static Member>,
        /// The type of the value at the offset (for an array element: the element's type).
        ty: &'static Type,
        /// The range of the scalar written at the offset (quotes included), if any.
        range: Option<TextRange>,
    },
}

impl Place {
    /// The member named at a key, or whose value this is.
    pub fn member(&self) -> Option<&'static Member> {
        match self {
            Place::Key {
                shape,
                written: Some(name),
                ..
            } => member_of(shape, name),
            Place::Key { .. } => None,
            Place::Value { member, .. } => *member,
        }
    }
}

/// How a document file names things: only the API's JSON today (see the module docs).
fn readable(path: Option<&str>) -> bool {
    let Some(path) = path else { return true };
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    match name.rsplit_once('.') {
        Some((_, ext)) => matches!(ext, "json" | "jsonc" | "json5"),
        None => true,
    }
}

/// What is at byte `offset` of `text`, a document of `kind` (detected from the text when
/// `None`) named `path`. `None` where the model says nothing (outside any ECS field, a map's
/// keys, an unknown field, a form not read yet).
pub fn locate(
    text: &str,
    offset: usize,
    kind: Option<DocumentKind>,
    path: Option<&str>,
) -> Option<Location> {
    if !readable(path) {
        return None;
    }
    let offset = offset.min(text.len());
    let kind = kind.unwrap_or_else(|| detect(text));
    let scan = scan(text, offset);
    let frames = &scan.frames;
    let top = frames.last()?;

    // The path to the place: every frame's segment but the top one's (in key position the
    // top frame is the object itself; in value position its current member or element).
    let at_value = match top.kind {
        Container::Array => true,
        Container::Object => top.after_colon,
    };
    let mut segments: Vec<Segment<'_>> = Vec::with_capacity(frames.len());
    for (i, frame) in frames.iter().enumerate() {
        if i + 1 == frames.len() && !at_value {
            break;
        }
        segments.push(match frame.kind {
            Container::Object => Segment::Key(frame.key.as_deref()?),
            Container::Array => Segment::Index(frame.index),
        });
    }
    let (mut ty, skip) = root(kind, &segments)?;
    let mut member = None;
    let mut pointer = String::new();
    for segment in &segments[..skip] {
        if let Segment::Key(k) = segment {
            push_pointer_segment(&mut pointer, k);
        }
    }
    for segment in &segments[skip..] {
        match (ty, segment) {
            (Type::Structure(shape), Segment::Key(name)) => {
                let m = member_of(shape, name)?;
                member = Some(m);
                ty = m.ty;
                push_pointer_segment(&mut pointer, m.name);
            }
            (Type::Map { value }, Segment::Key(name)) => {
                ty = value;
                push_pointer_segment(&mut pointer, name);
            }
            (
                Type::List {
                    member: element, ..
                },
                Segment::Index(i),
            ) => {
                ty = element;
                pointer.push('/');
                pointer.push_str(&i.to_string());
            }
            _ => return None,
        }
    }
    let place = if at_value {
        Place::Value {
            member,
            ty,
            range: scan.token.map(|t| t.range),
        }
    } else {
        let Type::Structure(shape) = ty else {
            return None;
        };
        Place::Key {
            shape,
            written: scan.token.as_ref().map(|t| t.text.clone()),
            range: scan.token.map(|t| t.range),
            siblings: scan.siblings,
        }
    };
    Some(Location { pointer, place })
}

/// The member `name` of `shape`; PascalCase copies (`Memory`) name the same member.
fn member_of(shape: &'static Shape, name: &str) -> Option<&'static Member> {
    shape.member(name).or_else(|| {
        shape
            .members
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(name))
    })
}

static TASK_DEFINITION: Type = Type::Structure(&REGISTER_TASK_DEFINITION_REQUEST);
static SERVICE: Type = Type::Structure(&CREATE_SERVICE_REQUEST);
static SERVICE_UPDATE: Type = Type::Structure(&UPDATE_SERVICE_REQUEST);
static CONTAINER: Type = Type::Structure(&CONTAINER_DEFINITION);
static CONTAINERS: Type = Type::List {
    member: &Type::Structure(&CONTAINER_DEFINITION),
    min: None,
    max: None,
};

/// The type of the document's root, and how many leading segments name no field (the
/// `taskDefinition` wrapper of DescribeTaskDefinition output).
fn root(kind: DocumentKind, segments: &[Segment<'_>]) -> Option<(&'static Type, usize)> {
    match kind {
        DocumentKind::TaskDefinition => Some((&TASK_DEFINITION, 0)),
        DocumentKind::DescribeTaskDefinition => match segments.first() {
            Some(Segment::Key("taskDefinition")) => Some((&TASK_DEFINITION, 1)),
            _ => Some((&TASK_DEFINITION, 0)),
        },
        DocumentKind::ContainerDefinitions => Some((&CONTAINERS, 0)),
        DocumentKind::ContainerDefinition => Some((&CONTAINER, 0)),
        DocumentKind::Service => Some((&SERVICE, 0)),
        DocumentKind::UpdateService => Some((&SERVICE_UPDATE, 0)),
        // Templates and Terraform name things their own way: their forms answer.
        DocumentKind::CloudFormation | DocumentKind::Terraform | DocumentKind::Unknown => None,
    }
}

/// The kind of a document: from its parse when it parses, else guessed from its text.
fn detect(text: &str) -> DocumentKind {
    match crate::json::parse(text).root {
        Some(root) => crate::document::detect_kind(&root),
        None => crate::lint::kind_from_text(text),
    }
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Object,
    Array,
}

/// An object or array open at the offset.
#[derive(Debug)]
struct Frame {
    kind: Container,
    /// Object: the key of the member being written (the last key before the offset).
    key: Option<String>,
    /// Object: a `:` follows that key and its value is not written yet (or is open).
    after_colon: bool,
    /// Object: the keys of the members written before.
    keys: Vec<String>,
    /// Array: the index of the element being written.
    index: usize,
}

impl Frame {
    /// A value was written in this container (a scalar, or a container that closed).
    fn value_done(&mut self) {
        if self.kind == Container::Object && self.after_colon {
            self.keys.extend(self.key.take());
            self.after_colon = false;
        }
    }
}

/// A string or bare word.
#[derive(Debug, Clone)]
struct Token {
    range: TextRange,
    /// The text without quotes (escapes left as written).
    text: String,
}

#[derive(Debug, Default)]
struct Scan {
    frames: Vec<Frame>,
    /// The string or word the offset is in or at the end of.
    token: Option<Token>,
    /// The keys of the innermost object, but the one at the offset.
    siblings: Vec<String>,
}

/// Scans `text` up to `offset` (and on to the end of the innermost container, for its keys).
fn scan(text: &str, offset: usize) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if pos >= offset && !is_word_byte(b) {
            // Between tokens (or at the start of a punctuation mark or string): the place.
            break;
        }
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
            b'/' if matches!(bytes.get(pos + 1), Some(b'/' | b'*')) => {
                let end = comment(bytes, pos);
                if end >= offset {
                    // Inside a comment: nowhere.
                    out.frames.clear();
                    return out;
                }
                pos = end;
            }
            b'{' | b'[' => {
                out.frames.push(Frame {
                    kind: if b == b'{' {
                        Container::Object
                    } else {
                        Container::Array
                    },
                    key: None,
                    after_colon: false,
                    keys: Vec::new(),
                    index: 0,
                });
                if out.frames.len() > crate::json::MAX_DEPTH {
                    out.frames.clear();
                    return out;
                }
                pos += 1;
            }
            b'}' | b']' => {
                out.frames.pop();
                if let Some(frame) = out.frames.last_mut() {
                    frame.value_done();
                }
                pos += 1;
            }
            b':' => {
                if let Some(frame) = out.frames.last_mut() {
                    frame.after_colon = frame.kind == Container::Object;
                }
                pos += 1;
            }
            b',' => {
                if let Some(frame) = out.frames.last_mut() {
                    match frame.kind {
                        Container::Object => {
                            frame.keys.extend(frame.key.take());
                            frame.after_colon = false;
                        }
                        Container::Array => frame.index += 1,
                    }
                }
                pos += 1;
            }
            b'"' | b'\'' => {
                let (end, value) = string(bytes, pos);
                let closed = end > pos + 1 && bytes[end - 1] == b;
                // The offset is in the string, or right after an unclosed one.
                if offset > pos && (offset < end || (offset == end && !closed)) {
                    out.token = Some(Token {
                        range: TextRange::new(pos, end),
                        text: value,
                    });
                    pos = end;
                    break;
                }
                scalar(&mut out.frames, value);
                pos = end;
            }
            _ => {
                let start = pos;
                while pos < bytes.len() && is_word_byte(bytes[pos]) {
                    pos += 1;
                }
                if pos == start {
                    // Any other byte: skip it (the parser reports it).
                    pos += 1;
                    continue;
                }
                if (start..=pos).contains(&offset) {
                    out.token = Some(Token {
                        range: TextRange::new(start, pos),
                        text: text[start..pos].to_owned(),
                    });
                    break;
                }
                scalar(&mut out.frames, text[start..pos].to_owned());
            }
        }
    }
    if let Some(frame) = out.frames.last() {
        if frame.kind == Container::Object && !frame.after_colon {
            out.siblings = frame.keys.clone();
            siblings_after(bytes, pos, &mut out.siblings);
        }
    }
    out
}

/// The keys of the object open at `pos`, from there to its end.
fn siblings_after(bytes: &[u8], mut pos: usize, keys: &mut Vec<String>) {
    let mut depth = 0usize;
    let mut last: Option<String> = None;
    while pos < bytes.len() {
        match bytes[pos] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
            b':' if depth == 0 => keys.extend(last.take()),
            b'"' | b'\'' => {
                let (end, value) = string(bytes, pos);
                if depth == 0 {
                    last = Some(value);
                }
                pos = end;
                continue;
            }
            b'/' if matches!(bytes.get(pos + 1), Some(b'/' | b'*')) => {
                pos = comment(bytes, pos);
                continue;
            }
            b if b.is_ascii_whitespace() => {}
            _ => last = None,
        }
        pos += 1;
    }
}

/// A string or word before the offset: in an object before a `:`, the member's key;
/// otherwise a value.
fn scalar(frames: &mut [Frame], text: String) {
    if let Some(frame) = frames.last_mut() {
        if frame.kind == Container::Object && !frame.after_colon {
            frame.key = Some(text);
        } else {
            frame.value_done();
        }
    }
}

/// Bytes of a bare word (numbers, `true`, unquoted keys, template placeholders).
fn is_word_byte(b: u8) -> bool {
    !matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"' | b'\''
    )
}

/// The end of the string starting at `start` (after its closing quote, or at the end of its
/// line when it has none) and its text without quotes.
fn string(bytes: &[u8], start: usize) -> (usize, String) {
    let quote = bytes[start];
    let mut pos = start + 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b'\n' | b'\r' => break,
            b if b == quote => {
                let text = String::from_utf8_lossy(&bytes[start + 1..pos]).into_owned();
                return (pos + 1, text);
            }
            _ => pos += 1,
        }
    }
    let pos = pos.min(bytes.len());
    (
        pos,
        String::from_utf8_lossy(&bytes[start + 1..pos]).into_owned(),
    )
}

/// The end of the comment starting at `start`.
fn comment(bytes: &[u8], start: usize) -> usize {
    if bytes[start + 1] == b'/' {
        bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i)
    } else {
        bytes[start + 2..]
            .windows(2)
            .position(|w| w == b"*/")
            .map_or(bytes.len(), |i| start + 2 + i + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<Location> {
        let offset = text.find('|').expect("a cursor");
        let text = text.replacen('|', "", 1);
        locate(&text, offset, None, Some("taskdef.json"))
    }

    #[test]
    fn a_key_of_the_task_definition() {
        let loc = at(r#"{"family": "web", "mem|ory": "512", "containerDefinitions": []}"#).unwrap();
        let Place::Key {
            shape,
            written,
            siblings,
            range,
        } = &loc.place
        else {
            panic!("{loc:?}")
        };
        assert_eq!(shape.name, "RegisterTaskDefinitionRequest");
        assert_eq!(written.as_deref(), Some("memory"));
        assert_eq!(range.unwrap(), TextRange::new(18, 26));
        assert_eq!(siblings, &["family", "containerDefinitions"]);
        assert_eq!(loc.place.member().unwrap().name, "memory");
    }

    #[test]
    fn a_key_being_typed_in_a_broken_document() {
        let loc = at("{\"containerDefinitions\": [{\"name\": \"app\", \"ima|\n").unwrap();
        let Place::Key { shape, written, .. } = &loc.place else {
            panic!("{loc:?}")
        };
        assert_eq!(shape.name, "ContainerDefinition");
        assert_eq!(written.as_deref(), Some("ima"));
        assert_eq!(loc.pointer, "/containerDefinitions/0");
    }

    #[test]
    fn an_empty_place_for_a_key() {
        let loc = at(r#"{"containerDefinitions": [{"name": "a"}, { | }]}"#).unwrap();
        let Place::Key {
            shape,
            written,
            siblings,
            ..
        } = &loc.place
        else {
            panic!("{loc:?}")
        };
        assert_eq!(shape.name, "ContainerDefinition");
        assert!(written.is_none() && siblings.is_empty());
        assert_eq!(loc.pointer, "/containerDefinitions/1");
    }

    #[test]
    fn an_enum_value_in_an_array() {
        let loc = at(
            r#"{"family": "x", "containerDefinitions": [], "requiresCompatibilities": ["FAR|"]}"#,
        )
        .unwrap();
        let Place::Value { member, ty, range } = &loc.place else {
            panic!("{loc:?}")
        };
        assert_eq!(member.unwrap().name, "requiresCompatibilities");
        assert!(matches!(ty, Type::Enum(e) if e.values.contains(&"FARGATE")));
        assert!(range.is_some());
        assert_eq!(loc.pointer, "/requiresCompatibilities/0");
    }

    #[test]
    fn a_value_after_the_colon() {
        let loc = at(r#"{"family": "x", "containerDefinitions": [], "networkMode": |}"#).unwrap();
        let Place::Value { member, ty, range } = &loc.place else {
            panic!("{loc:?}")
        };
        assert_eq!(member.unwrap().name, "networkMode");
        assert!(matches!(ty, Type::Enum(_)));
        assert!(range.is_none());
    }

    #[test]
    fn describe_output_and_services_and_container_arrays() {
        let loc =
            at(r#"{"taskDefinition": {"family": "x", "containerDefinitions": [{"ima|ge": "a"}]}}"#)
                .unwrap();
        assert_eq!(loc.place.member().unwrap().name, "image");
        assert_eq!(loc.pointer, "/taskDefinition/containerDefinitions/0");
        let loc =
            at(r#"{"serviceName": "s", "taskDefinition": "t", "launch|Type": "FARGATE"}"#).unwrap();
        assert_eq!(loc.place.member().unwrap().name, "launchType");
        let loc = at(r#"[{"name": "a", "image": "b", "essen|tial": true}]"#).unwrap();
        assert_eq!(loc.place.member().unwrap().name, "essential");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]
        /// Any text, any offset: no panic, and a token, when there is one, holds the offset.
        #[test]
        fn any_text_any_offset(
            text in "[\\{\\}\\[\\]:,\"'/*\\\\ \n\ra-zA-Z0-9éT😀]{0,64}",
            kind in proptest::sample::select(vec![None, Some(DocumentKind::TaskDefinition), Some(DocumentKind::Service), Some(DocumentKind::ContainerDefinitions), Some(DocumentKind::DescribeTaskDefinition)]),
        ) {
            for offset in 0..=text.len() + 1 {
                if let Some(loc) = locate(&text, offset, kind, Some("taskdef.json")) {
                    let range = match &loc.place {
                        Place::Key { range, .. } | Place::Value { range, .. } => *range,
                    };
                    if let Some(r) = range {
                        proptest::prop_assert!(r.start <= offset.min(text.len()) && offset.min(text.len()) <= r.end && r.end <= text.len());
                        proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                    }
                }
            }
        }
    }

    #[test]
    fn nowhere() {
        assert!(
            at(r#"{"family": "x", "containerDefinitions": [], // a com|ment
            }"#)
            .is_none()
        );
        assert!(at(r#"{"name": "x", "version": "1", "scripts": {"te|st": "a"}}"#).is_none());
        assert!(
            at(r#"{"family": "x", "containerDefinitions": [{"dockerLabels": {"a|": "b"}}]}"#)
                .is_none()
        );
        assert!(locate("family: web\n", 3, None, Some("task.yaml")).is_none());
        for text in ["", "{", "[[[[", "\"", "{\"a\":", "}}}]]]", "/*", "{'x"] {
            for offset in 0..=text.len() {
                let _ = locate(text, offset, None, None);
            }
        }
    }
}
