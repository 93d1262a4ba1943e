//! A tolerant JSON parser with byte ranges.
//!
//! Strict JSON is what the AWS CLI (Python's `json`), the SDKs and Terraform accept, so every
//! deviation is reported. The common ones (trailing or missing commas, comments, single quotes,
//! unquoted keys, `True`/`None`) are recovered from, so the rest of the document is still
//! linted in the same run and each comes with a fix. Anything else stops the parse with one
//! diagnostic at the exact place. Depth is bounded, so no input can overflow the stack.

use std::borrow::Cow;

use super::tree::{Key, Member, Node, Number, Value};
use crate::diagnostic::{Edit, Fix};
use crate::text::TextRange;

/// Objects and arrays nested deeper than this are refused: no ECS document comes close
/// (the deepest real ones are under 10), and the bound keeps recursion off the stack limit.
pub const MAX_DEPTH: usize = 128;

/// A problem found while parsing, before any rule runs.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxProblem {
    /// `invalid-json`, `json-bom`, `duplicate-key`, `json-too-deep`, `number-out-of-range`;
    /// from the YAML reader (`read::yaml`), `invalid-yaml`, `unknown-yaml-tag` and
    /// `duplicate-key`.
    pub rule: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub range: TextRange,
    pub fix: Option<Fix>,
    /// A second place that explains the first (where an unclosed object opened, the first of
    /// two duplicate keys).
    pub related: Option<(TextRange, String)>,
}

#[derive(Debug)]
pub struct ParseOutput<'s> {
    /// The document; `None` when the parse had to stop.
    pub root: Option<Node<'s>>,
    pub problems: Vec<SyntaxProblem>,
}

/// Parses `text`. Never panics; on input it cannot make sense of it returns no tree and a
/// problem that says where and why.
pub fn parse(text: &str) -> ParseOutput<'_> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        problems: Vec::new(),
    };
    let root = parser.document().ok();
    ParseOutput {
        root,
        problems: parser.problems,
    }
}

/// The parse cannot go on; the reason is already in `problems`.
struct Stop;

type PResult<T> = Result<T, Stop>;

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    pos: usize,
    depth: usize,
    problems: Vec<SyntaxProblem>,
}

const INVALID_JSON: &str = "invalid-json";

const TEMPLATE_HELP: &str = "this looks like a template placeholder outside a string: the file is JSON only once rendered, so lint the rendered output (for example `ecspresso render`, `envsubst < in.json > out.json`)";

/// A template construct that stands where JSON needs a value or a key: its range (up to its
/// closing delimiter, or the end of its line) and who renders it.
fn template_at(text: &str, start: usize) -> Option<(TextRange, &'static str)> {
    let rest = text.get(start..)?;
    let (close, renderer) = if rest.starts_with("{{") {
        ("}}", "ecspresso and other Go templates: `ecspresso render`")
    } else if rest.starts_with("${") {
        ("}", "Terraform's templatefile() or envsubst")
    } else if rest.starts_with("%{") {
        ("}", "Terraform's templatefile()")
    } else if rest.starts_with("<%") {
        ("%>", "ERB")
    } else if rest.starts_with("#{") {
        ("}", "the tool that fills #{…}")
    } else if rest.starts_with('$')
        && rest[1..].starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
    {
        let name = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(rest.len(), |i| i + 1);
        return Some((TextRange::new(start, start + name), "envsubst"));
    } else {
        return None;
    };
    let line = rest.find('\n').unwrap_or(rest.len());
    let end = rest[..line].find(close).map_or(line, |i| i + close.len());
    Some((TextRange::new(start, start + end), renderer))
}

impl<'s> Parser<'s> {
    fn document(&mut self) -> PResult<Node<'s>> {
        if self.text.starts_with('\u{feff}') {
            self.pos = 3;
            self.problem(
                "json-bom",
                TextRange::new(0, 3),
                "the file starts with a byte order mark (BOM)",
                Some("save the file as UTF-8 without a BOM; JSON parsers such as the AWS CLI's refuse it"),
                Some(Fix::safe("remove the byte order mark", vec![Edit::delete(TextRange::new(0, 3))])),
            );
        }
        self.skip_trivia();
        if self.pos >= self.bytes.len() {
            return self.stop(
                TextRange::empty(self.pos),
                "the file is empty",
                Some("a task definition or service definition is a JSON object: start with `{`"),
            );
        }
        let root = self.value()?;
        self.skip_trivia();
        if self.pos < self.bytes.len() {
            let range = TextRange::new(self.pos, self.bytes.len());
            self.problem(
                INVALID_JSON,
                TextRange::new(self.pos, self.next_char_end()),
                "unexpected text after the end of the JSON document",
                Some("a file holds exactly one JSON value: remove what follows it, or wrap several documents in separate files"),
                Some(Fix::unsafe_("remove the text after the document", vec![Edit::delete(range)])),
            );
        }
        Ok(root)
    }

    // ----- helpers -------------------------------------------------------------------------

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    /// The range of the file's last non-blank character: where "unexpected end of file" is
    /// shown (an empty range past the end is invisible in most renderers).
    fn eof_range(&self) -> TextRange {
        let trimmed = self.text.trim_end();
        match trimmed.chars().next_back() {
            Some(c) => TextRange::new(trimmed.len() - c.len_utf8(), trimmed.len()),
            None => TextRange::empty(self.text.len()),
        }
    }

    /// End of the character at `pos` (for ranges that cover one character).
    fn next_char_end(&self) -> usize {
        self.text[self.pos..]
            .chars()
            .next()
            .map_or(self.pos, |c| self.pos + c.len_utf8())
    }

    fn problem(
        &mut self,
        rule: &'static str,
        range: TextRange,
        message: impl Into<String>,
        help: Option<&str>,
        fix: Option<Fix>,
    ) {
        self.problems.push(SyntaxProblem {
            rule,
            message: message.into(),
            help: help.map(str::to_owned),
            range,
            fix,
            related: None,
        });
    }

    fn stop<T>(
        &mut self,
        range: TextRange,
        message: impl Into<String>,
        help: Option<&str>,
    ) -> PResult<T> {
        self.problem(INVALID_JSON, range, message, help, None);
        Err(Stop)
    }

    /// Stops at a template construct at `start`, if there is one, with one diagnostic that
    /// says the file is a template: what follows would only cascade.
    fn template_stop<T>(&mut self, start: usize) -> Option<PResult<T>> {
        let (range, renderer) = template_at(self.text, start)?;
        let snippet = &self.text[range.start..range.end];
        let shown = if snippet.contains('`') {
            format!("\"{snippet}\"")
        } else {
            format!("`{snippet}`")
        };
        Some(self.stop(
            range,
            format!("this file is a template: {shown} stands where JSON needs a value, so the file is JSON only once it is rendered"),
            Some(&format!("lint the rendered output ({renderer}); placeholders inside strings, such as \"image\": \"${{image}}\", are fine as they are")),
        ))
    }

    fn stop_with_related<T>(
        &mut self,
        range: TextRange,
        message: impl Into<String>,
        help: &str,
        related: (TextRange, String),
    ) -> PResult<T> {
        self.problem(INVALID_JSON, range, message, Some(help), None);
        if let Some(last) = self.problems.last_mut() {
            last.related = Some(related);
        }
        Err(Stop)
    }

    /// Describes the character at `pos` for messages.
    fn describe_here(&self) -> String {
        match self.text[self.pos..].chars().next() {
            None => "the end of the file".to_owned(),
            Some(c) if c.is_control() || c.is_whitespace() => {
                format!("the character U+{:04X}", c as u32)
            }
            Some(c) => format!("`{c}`"),
        }
    }

    /// Skips whitespace and reports (and skips) comments.
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if matches!(self.peek_at(1), Some(b'/' | b'*')) => self.comment(),
                _ => return,
            }
        }
    }

    fn comment(&mut self) {
        let start = self.pos;
        let block = self.peek_at(1) == Some(b'*');
        self.pos += 2;
        if block {
            match self.text[self.pos..].find("*/") {
                Some(i) => self.pos += i + 2,
                None => self.pos = self.bytes.len(),
            }
        } else {
            while let Some(b) = self.peek() {
                if b == b'\n' {
                    break;
                }
                self.pos += 1;
            }
        }
        let range = TextRange::new(start, self.pos);
        self.problem(
            INVALID_JSON,
            range,
            "comments are not allowed in JSON",
            Some("the AWS CLI, the SDKs and Terraform reject comments: remove it, or keep notes in a separate file"),
            Some(Fix::unsafe_("remove the comment", vec![Edit::delete(range)])),
        );
    }

    fn enter(&mut self) -> PResult<()> {
        if self.depth >= MAX_DEPTH {
            self.problem(
                "json-too-deep",
                TextRange::new(self.pos, self.pos + 1),
                format!("objects and arrays are nested more than {MAX_DEPTH} levels deep"),
                Some("no task or service definition nests this deep: check that the file is the document you meant to lint"),
                None,
            );
            return Err(Stop);
        }
        self.depth += 1;
        Ok(())
    }

    fn starts_value(b: u8) -> bool {
        matches!(b, b'{' | b'[' | b'"' | b'\'' | b'-' | b'+' | b'0'..=b'9')
            || b.is_ascii_alphabetic()
    }

    fn starts_key(b: u8) -> bool {
        matches!(b, b'"' | b'\'' | b'_' | b'$') || b.is_ascii_alphabetic()
    }

    // ----- values --------------------------------------------------------------------------

    fn value(&mut self) -> PResult<Node<'s>> {
        self.skip_trivia();
        let Some(b) = self.peek() else {
            return self.stop(
                self.eof_range(),
                "unexpected end of file: expected a value",
                Some("the file is cut short: complete the document"),
            );
        };
        match b {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => {
                let (s, range) = self.string(b'"')?;
                Ok(Node {
                    range,
                    value: Value::String(s),
                })
            }
            b'\'' => self.single_quoted(),
            b'-' | b'+' | b'.' | b'0'..=b'9' => self.number(),
            b if b.is_ascii_alphabetic() => self.word(),
            _ => {
                if let Some(stop) = self.template_stop(self.pos) {
                    return stop;
                }
                let range = TextRange::new(self.pos, self.next_char_end());
                let found = self.describe_here();
                let help = if matches!(b, b'$' | b'<' | b'%' | b'#')
                    || (b == b'{' && self.peek_at(1) == Some(b'{'))
                {
                    TEMPLATE_HELP
                } else {
                    "a value is a string in double quotes, a number, true, false, null, an object or an array"
                };
                self.stop(
                    range,
                    format!("expected a value, found {found}"),
                    Some(help),
                )
            }
        }
    }

    fn object(&mut self) -> PResult<Node<'s>> {
        self.enter()?;
        let open = self.pos;
        self.pos += 1;
        let mut members: Vec<Member<'s>> = Vec::new();
        let mut comma: Option<TextRange> = None;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b'}') => {
                    if let (Some(c), false) = (comma, members.is_empty()) {
                        self.trailing_comma(c, "}");
                    }
                    self.pos += 1;
                    break;
                }
                None => return self.stop_with_related(
                    self.eof_range(),
                    "unexpected end of file: an object is not closed",
                    "the file is cut short or a `}` is missing: close every object that is opened",
                    (
                        TextRange::new(open, open + 1),
                        "the object opens here".to_owned(),
                    ),
                ),
                Some(b',') => {
                    let range = TextRange::new(self.pos, self.pos + 1);
                    self.problem(
                        INVALID_JSON,
                        range,
                        "unexpected comma",
                        Some("a comma goes only between two members"),
                        Some(Fix::safe("remove the comma", vec![Edit::delete(range)])),
                    );
                    self.pos += 1;
                    continue;
                }
                Some(b) if Self::starts_key(b) => {
                    if let (Some(prev), None) = (members.last(), comma) {
                        self.missing_comma(prev.value.range.end);
                    }
                }
                Some(b) => {
                    // `{{ x }}` where a value belongs: the first `{` opened this object.
                    let start = if b == b'{' && self.pos == open + 1 {
                        open
                    } else {
                        self.pos
                    };
                    if let Some(stop) = self.template_stop(start) {
                        return stop;
                    }
                    let found = self.describe_here();
                    let help = if b == b'{' || b == b'<' || b == b'%' {
                        TEMPLATE_HELP
                    } else {
                        "members of an object are written \"key\": value"
                    };
                    return self.stop(
                        TextRange::new(self.pos, self.next_char_end()),
                        format!("expected a key in double quotes or `}}`, found {found}"),
                        Some(help),
                    );
                }
            }
            let key = self.key()?;
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
            } else if self.peek() == Some(b'=') {
                let range = TextRange::new(self.pos, self.pos + 1);
                self.problem(
                    INVALID_JSON,
                    range,
                    "expected `:` after the key, found `=`",
                    Some("JSON separates a key from its value with a colon"),
                    Some(Fix::safe(
                        "replace `=` with `:`",
                        vec![Edit::replace(range, ":")],
                    )),
                );
                self.pos += 1;
            } else {
                let found = self.describe_here();
                return self.stop(
                    TextRange::new(self.pos, self.next_char_end()),
                    format!("expected `:` after the key `{}`, found {found}", key.name),
                    Some("members of an object are written \"key\": value"),
                );
            }
            let value = self.value()?;
            members.push(Member { key, value });
            self.skip_trivia();
            comma = None;
            if self.peek() == Some(b',') {
                comma = Some(TextRange::new(self.pos, self.pos + 1));
                self.pos += 1;
            }
        }
        self.depth -= 1;
        self.duplicate_keys(&members);
        Ok(Node {
            range: TextRange::new(open, self.pos),
            value: Value::Object(members),
        })
    }

    fn array(&mut self) -> PResult<Node<'s>> {
        self.enter()?;
        let open = self.pos;
        self.pos += 1;
        let mut items: Vec<Node<'s>> = Vec::new();
        let mut comma: Option<TextRange> = None;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b']') => {
                    if let (Some(c), false) = (comma, items.is_empty()) {
                        self.trailing_comma(c, "]");
                    }
                    self.pos += 1;
                    break;
                }
                None => return self.stop_with_related(
                    self.eof_range(),
                    "unexpected end of file: an array is not closed",
                    "the file is cut short or a `]` is missing: close every array that is opened",
                    (
                        TextRange::new(open, open + 1),
                        "the array opens here".to_owned(),
                    ),
                ),
                Some(b',') => {
                    let range = TextRange::new(self.pos, self.pos + 1);
                    self.problem(
                        INVALID_JSON,
                        range,
                        "unexpected comma",
                        Some("a comma goes only between two elements"),
                        Some(Fix::safe("remove the comma", vec![Edit::delete(range)])),
                    );
                    self.pos += 1;
                    continue;
                }
                Some(b) if Self::starts_value(b) => {
                    if let (Some(prev), None) = (items.last(), comma) {
                        self.missing_comma(prev.range.end);
                    }
                }
                Some(b'}') => {
                    return self.stop_with_related(
                        TextRange::new(self.pos, self.pos + 1),
                        "expected `]` to close the array, found `}`",
                        "an array is closed with `]`",
                        (
                            TextRange::new(open, open + 1),
                            "the array opens here".to_owned(),
                        ),
                    )
                }
                Some(_) => {
                    let found = self.describe_here();
                    return self.stop(
                        TextRange::new(self.pos, self.next_char_end()),
                        format!("expected a value or `]`, found {found}"),
                        Some("elements of an array are values separated by commas"),
                    );
                }
            }
            items.push(self.value()?);
            self.skip_trivia();
            comma = None;
            if self.peek() == Some(b',') {
                comma = Some(TextRange::new(self.pos, self.pos + 1));
                self.pos += 1;
            }
        }
        self.depth -= 1;
        Ok(Node {
            range: TextRange::new(open, self.pos),
            value: Value::Array(items),
        })
    }

    fn trailing_comma(&mut self, comma: TextRange, closer: &str) {
        self.problem(
            INVALID_JSON,
            comma,
            format!("trailing comma before `{closer}`"),
            Some("JSON allows no comma after the last member or element: remove it"),
            Some(Fix::safe(
                "remove the trailing comma",
                vec![Edit::delete(comma)],
            )),
        );
    }

    fn missing_comma(&mut self, after: usize) {
        self.problem(
            INVALID_JSON,
            TextRange::new(self.pos, self.next_char_end()),
            "missing comma",
            Some("separate members and elements with a comma"),
            Some(Fix::safe("insert a comma", vec![Edit::insert(after, ",")])),
        );
    }

    fn duplicate_keys(&mut self, members: &[Member<'s>]) {
        if members.len() < 2 {
            return;
        }
        // The first member with each name. Small objects (nearly all of them) compare
        // pairwise, which costs less than hashing; large ones use a map.
        let first_of = |i: usize| -> Option<TextRange> {
            let name: &str = &members[i].key.name;
            members[..i]
                .iter()
                .find(|m| m.key.name == name)
                .map(|m| m.key.range)
        };
        let mut seen: std::collections::HashMap<&str, TextRange, FnvBuild> =
            std::collections::HashMap::default();
        let small = members.len() <= 16;
        for (i, member) in members.iter().enumerate() {
            let name: &str = &member.key.name;
            let first = if small {
                first_of(i)
            } else {
                match seen.get(name) {
                    Some(&first) => Some(first),
                    None => {
                        seen.insert(name, member.key.range);
                        None
                    }
                }
            };
            if let Some(first) = first {
                self.problems.push(SyntaxProblem {
                    rule: "duplicate-key",
                    message: format!("duplicate key `{name}`: only its last value is used"),
                    help: Some(
                        "the AWS CLI, the SDKs and Terraform keep the last of repeated keys and silently drop the others: keep one".to_owned(),
                    ),
                    range: member.key.range,
                    fix: None,
                    related: Some((first, format!("`{name}` is first set here, and that value is ignored"))),
                });
            }
        }
    }

    fn key(&mut self) -> PResult<Key<'s>> {
        match self.peek() {
            Some(b'"') => {
                let (name, range) = self.string(b'"')?;
                Ok(Key { name, range })
            }
            Some(b'\'') => {
                let node = self.single_quoted()?;
                let Value::String(name) = node.value else {
                    unreachable!()
                };
                Ok(Key {
                    name,
                    range: node.range,
                })
            }
            _ => {
                let start = self.pos;
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'-')
                {
                    self.pos += 1;
                }
                let range = TextRange::new(start, self.pos);
                let name = &self.text[start..self.pos];
                self.problem(
                    INVALID_JSON,
                    range,
                    format!("the key `{name}` is not in double quotes"),
                    Some("JSON keys are strings: write \"key\""),
                    Some(Fix::safe(
                        "quote the key",
                        vec![Edit::replace(range, format!("\"{name}\""))],
                    )),
                );
                Ok(Key {
                    name: Cow::Borrowed(name),
                    range,
                })
            }
        }
    }

    /// Parses a string delimited by `quote` starting at `pos`.
    fn string(&mut self, quote: u8) -> PResult<(Cow<'s, str>, TextRange)> {
        let open = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: no escapes, no control characters.
        while let Some(b) = self.peek() {
            if b == quote {
                let s = &self.text[content_start..self.pos];
                self.pos += 1;
                return Ok((Cow::Borrowed(s), TextRange::new(open, self.pos)));
            }
            if b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
        let mut out = String::from(&self.text[content_start..self.pos]);
        loop {
            let Some(b) = self.peek() else {
                return self.stop_with_related(
                    self.eof_range(),
                    "unexpected end of file: a string is not closed",
                    "close the string with a double quote",
                    (
                        TextRange::new(open, open + 1),
                        "the string opens here".to_owned(),
                    ),
                );
            };
            match b {
                _ if b == quote => {
                    self.pos += 1;
                    return Ok((Cow::Owned(out), TextRange::new(open, self.pos)));
                }
                b'\\' => self.escape(&mut out)?,
                b'\n' | b'\r' => {
                    return self.stop_with_related(
                        TextRange::new(open, self.pos),
                        "a string is not closed before the end of the line",
                        "close the string with a double quote; a line break inside a string is written \\n",
                        (TextRange::new(open, open + 1), "the string opens here".to_owned()),
                    );
                }
                b if b < 0x20 => {
                    let range = TextRange::new(self.pos, self.pos + 1);
                    let escaped = match b {
                        b'\t' => "\\t".to_owned(),
                        _ => format!("\\u{:04x}", b),
                    };
                    self.problem(
                        INVALID_JSON,
                        range,
                        format!("a raw control character (U+{b:04X}) inside a string"),
                        Some("control characters must be escaped in JSON strings"),
                        Some(Fix::safe(
                            format!("write it as {escaped}"),
                            vec![Edit::replace(range, escaped)],
                        )),
                    );
                    out.push(b as char);
                    self.pos += 1;
                }
                _ => {
                    let start = self.pos;
                    while matches!(self.peek(), Some(c) if c != quote && c != b'\\' && c >= 0x20) {
                        self.pos += 1;
                    }
                    out.push_str(&self.text[start..self.pos]);
                }
            }
        }
    }

    /// Parses one escape sequence at `pos` (a backslash) into `out`.
    fn escape(&mut self, out: &mut String) -> PResult<()> {
        let start = self.pos;
        let Some(c) = self.peek_at(1) else {
            self.pos += 1;
            return Ok(());
        };
        self.pos += 2;
        let simple = match c {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'\'' => Some('\''),
            _ => None,
        };
        if let Some(ch) = simple {
            if c == b'\'' {
                let range = TextRange::new(start, self.pos);
                self.problem(
                    INVALID_JSON,
                    range,
                    "`\\'` is not a JSON escape",
                    Some("a single quote needs no escape inside a double-quoted string"),
                    Some(Fix::safe(
                        "write the quote without a backslash",
                        vec![Edit::replace(range, "'")],
                    )),
                );
            }
            out.push(ch);
            return Ok(());
        }
        if c == b'u' {
            let Some(unit) = self.hex4() else {
                let range = TextRange::new(start, self.pos);
                self.problem(
                    INVALID_JSON,
                    range,
                    "invalid `\\u` escape: expected four hexadecimal digits",
                    Some("write a Unicode escape as \\u followed by four hex digits, such as \\u00e9"),
                    None,
                );
                out.push('\u{fffd}');
                return Ok(());
            };
            let ch = if (0xD800..0xDC00).contains(&unit)
                && self.peek() == Some(b'\\')
                && self.peek_at(1) == Some(b'u')
            {
                let save = self.pos;
                self.pos += 2;
                match self.hex4() {
                    Some(low) if (0xDC00..0xE000).contains(&low) => {
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    }
                    _ => {
                        self.pos = save;
                        None
                    }
                }
            } else {
                char::from_u32(unit)
            };
            match ch {
                Some(ch) => out.push(ch),
                None => {
                    let range = TextRange::new(start, self.pos);
                    self.problem(
                        INVALID_JSON,
                        range,
                        "a `\\u` escape names half of a surrogate pair",
                        Some("the API takes valid Unicode only: write the character itself, or both halves of the pair"),
                        None,
                    );
                    out.push('\u{fffd}');
                }
            }
            return Ok(());
        }
        // Not an escape: most often a Windows path or a regex written with single backslashes.
        let end = start
            + 1
            + self.text[start + 1..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        self.pos = end;
        let range = TextRange::new(start, end);
        let seq = &self.text[start..end];
        self.problem(
            INVALID_JSON,
            range,
            format!("`{seq}` is not a valid escape sequence"),
            Some("a backslash inside a JSON string is written \\\\"),
            Some(Fix::safe(
                "escape the backslash",
                vec![Edit::insert(start, "\\")],
            )),
        );
        out.push_str(seq);
        Ok(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn single_quoted(&mut self) -> PResult<Node<'s>> {
        let (s, range) = self.string(b'\'')?;
        let fix =
            (!s.contains('"') && !self.text[range.start..range.end].contains('\\')).then(|| {
                Fix::safe(
                    "use double quotes",
                    vec![
                        Edit::replace(TextRange::new(range.start, range.start + 1), "\""),
                        Edit::replace(TextRange::new(range.end - 1, range.end), "\""),
                    ],
                )
            });
        self.problem(
            INVALID_JSON,
            range,
            "strings must be in double quotes, not single quotes",
            Some("JSON strings and keys use double quotes"),
            fix,
        );
        Ok(Node {
            range,
            value: Value::String(s),
        })
    }

    fn number(&mut self) -> PResult<Node<'s>> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.pos += 1;
        }
        let range = TextRange::new(start, self.pos);
        let raw = &self.text[start..self.pos];
        if let Some(problem) = number_syntax_problem(raw) {
            let help = "JSON numbers are written like 512, -1, 0.5 or 1e3";
            if raw.parse::<f64>().is_err() {
                return self.stop(
                    range,
                    format!("`{raw}` is not a valid number ({problem})"),
                    Some(help),
                );
            }
            let fix = canonical_number(raw)
                .map(|n| Fix::safe(format!("write it as {n}"), vec![Edit::replace(range, n)]));
            self.problem(
                INVALID_JSON,
                range,
                format!("`{raw}` is not a valid JSON number ({problem})"),
                Some(help),
                fix,
            );
        }
        let number = Number {
            raw: Cow::Borrowed(raw),
        };
        if number.as_f64().is_infinite() {
            self.problem(
                "number-out-of-range",
                range,
                format!("the number `{raw}` is too large to be represented"),
                Some("no ECS field takes a number this large: check the value"),
                None,
            );
        }
        Ok(Node {
            range,
            value: Value::Number(number),
        })
    }

    fn word(&mut self) -> PResult<Node<'s>> {
        let start = self.pos;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_') {
            self.pos += 1;
        }
        let range = TextRange::new(start, self.pos);
        let word = &self.text[start..self.pos];
        let value = match word {
            "true" => {
                return Ok(Node {
                    range,
                    value: Value::Bool(true),
                })
            }
            "false" => {
                return Ok(Node {
                    range,
                    value: Value::Bool(false),
                })
            }
            "null" => {
                return Ok(Node {
                    range,
                    value: Value::Null,
                })
            }
            "True" | "TRUE" => ("true", Value::Bool(true)),
            "False" | "FALSE" => ("false", Value::Bool(false)),
            "None" | "NULL" | "Null" => ("null", Value::Null),
            _ => {
                let help = match word {
                    "NaN" | "Infinity" | "undefined" => {
                        "JSON has no such value: use a number, a string or null"
                    }
                    _ => "strings must be in double quotes",
                };
                return self.stop(range, format!("`{word}` is not a JSON value"), Some(help));
            }
        };
        self.problem(
            INVALID_JSON,
            range,
            format!("`{word}` is not a JSON value: JSON writes it `{}`", value.0),
            Some("JSON's literals are lowercase: true, false and null"),
            Some(Fix::safe(
                format!("write `{}`", value.0),
                vec![Edit::replace(range, value.0)],
            )),
        );
        Ok(Node {
            range,
            value: value.1,
        })
    }
}

/// FNV-1a: keys are short and not chosen by an attacker who gains anything from collisions
/// (a linter reads its own user's files), so a fast hash beats SipHash here.
#[derive(Default, Clone, Copy)]
pub(crate) struct FnvBuild;

pub(crate) struct Fnv(u64);

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// What is wrong with a number token, if anything (RFC 8259's number grammar).
fn number_syntax_problem(raw: &str) -> Option<&'static str> {
    let b = raw.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'+') {
        return Some("a leading `+` is not allowed");
    }
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == int_start {
        return Some("digits must come before the decimal point");
    }
    if b[int_start] == b'0' && i - int_start > 1 {
        return Some("leading zeros are not allowed");
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac {
            return Some("digits must follow the decimal point");
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp {
            return Some("the exponent has no digits");
        }
    }
    if i != b.len() {
        return Some("unexpected characters in the number");
    }
    None
}

/// The same number written as valid JSON, for the fixes of leading `+`, leading zeros and
/// bare decimal points.
fn canonical_number(raw: &str) -> Option<String> {
    let (sign, rest) = match raw.as_bytes().first()? {
        b'-' => ("-", &raw[1..]),
        b'+' => ("", &raw[1..]),
        _ => ("", raw),
    };
    if rest.contains(['e', 'E', '+', '-']) {
        return None;
    }
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    if rest.contains('.') && frac.contains('.') {
        return None;
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let out = if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    };
    (number_syntax_problem(&out).is_none()).then_some(out)
}

#[cfg(test)]
mod tests;
