//! A small TOML reader for `ecslint.toml`: the whole of TOML 1.1 (a superset of TOML 1.0:
//! newlines and a trailing comma in inline tables, `\e` and `\xHH` escapes, times without
//! seconds), into a tree that keeps the byte range of every key and value.
//!
//! Written for size (it ships in the WebAssembly build) and for exact error ranges; it
//! rejects everything the specification calls invalid, never panics, and bounds nesting at
//! [`MAX_DEPTH`]. Dates and times are kept as written (the configuration never takes one).

use std::collections::HashMap;

use crate::text::TextRange;

/// Tables and arrays nested deeper than this are refused (bounded recursion).
pub const MAX_DEPTH: usize = 128;

/// A value with the range of its text (for a table made by a header, the header; for one
/// made by a dotted key, that part of the key).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub range: TextRange,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// An offset or local date-time, a local date or a local time, as written.
    Datetime(String),
    Array(Array),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Array {
    pub items: Vec<Item>,
    /// Made by `[[header]]`s, so the next one may add to it.
    of_tables: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// In document order.
    pub entries: Vec<Entry>,
    kind: Kind,
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    /// The key's range (quotes included; for a dotted key, its last part).
    pub key_range: TextRange,
    pub value: Item,
}

/// How a table came to be, which decides how it may be extended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Kind {
    /// Named on the way to a `[header]`: a later `[header]` of its own may define it.
    Implicit,
    /// Defined by a `[header]` (or the root).
    #[default]
    Header,
    /// Made by a dotted key: more dotted keys of the same table may add to it.
    Dotted,
    /// `{ … }`: complete once closed.
    Inline,
}

/// Why the text is not TOML, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlError {
    pub message: String,
    pub range: TextRange,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Item> {
        self.index.get(key).map(|&i| &self.entries[i].value)
    }

    /// Adds `key`, unless the table has it already.
    pub fn insert(&mut self, key: String, key_range: TextRange, value: Item) -> Option<&mut Item> {
        if self.index.contains_key(&key) {
            return None;
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push(Entry {
            key,
            key_range,
            value,
        });
        self.entries.last_mut().map(|e| &mut e.value)
    }
}

impl Item {
    fn table(range: TextRange, kind: Kind) -> Item {
        Item {
            range,
            value: Value::Table(Table {
                kind,
                ..Table::default()
            }),
        }
    }

    /// What the value is, as messages name it ("a string", "a table", …).
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime(_) => "a date or time",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// Parses `text` into its root table.
pub fn parse(text: &str) -> Result<Table, TomlError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        root: Table::default(),
        current: Vec::new(),
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.document()?;
    Ok(p.root)
}

type PResult<T> = Result<T, TomlError>;

/// A part of a key.
struct Seg {
    name: String,
    range: TextRange,
}

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    pos: usize,
    root: Table,
    /// The keys of the table the last header opened.
    current: Vec<String>,
}

fn err<T>(message: impl Into<String>, range: TextRange) -> PResult<T> {
    Err(TomlError {
        message: message.into(),
        range,
    })
}

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Control characters TOML does not allow unescaped (tab aside).
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

fn dotted(segs: &[Seg]) -> String {
    let names: Vec<&str> = segs.iter().map(|s| s.name.as_str()).collect();
    names.join(".")
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    /// The range of the character at the cursor (empty at the end).
    fn here(&self) -> TextRange {
        let len = self.rest().chars().next().map_or(0, char::len_utf8);
        TextRange::new(self.pos, self.pos + len)
    }

    fn found(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the file".into(),
            Some('\n' | '\r') => "a line break".into(),
            Some(c) if is_control(c) => format!("the control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn expected<T>(&self, what: &str) -> PResult<T> {
        err(
            format!("expected {what}, found {}", self.found()),
            self.here(),
        )
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A line break (`\n` or `\r\n`), if one is at the cursor.
    fn newline(&mut self) -> PResult<bool> {
        if self.eat(b'\n') {
            return Ok(true);
        }
        if self.peek() == Some(b'\r') {
            if self.bytes.get(self.pos + 1) == Some(&b'\n') {
                self.pos += 2;
                return Ok(true);
            }
            return err(
                "a carriage return must be followed by a line feed",
                self.here(),
            );
        }
        Ok(false)
    }

    fn comment(&mut self) -> PResult<()> {
        if !self.eat(b'#') {
            return Ok(());
        }
        while let Some(c) = self.rest().chars().next() {
            if c == '\n' || c == '\r' {
                break;
            }
            if is_control(c) {
                return err(
                    "control characters are not allowed in comments",
                    self.here(),
                );
            }
            self.pos += c.len_utf8();
        }
        Ok(())
    }

    /// Blanks, comments and line breaks (inside arrays and inline tables).
    fn skip_trivia(&mut self) -> PResult<()> {
        loop {
            self.skip_ws();
            self.comment()?;
            if !self.newline()? {
                return Ok(());
            }
        }
    }

    /// The end of a line: blanks, a comment, then a line break or the end of the file.
    fn line_end(&mut self, after: &str) -> PResult<()> {
        self.skip_ws();
        self.comment()?;
        if self.pos >= self.bytes.len() || self.newline()? {
            return Ok(());
        }
        self.expected(&format!("a line break after {after}"))
    }

    fn document(&mut self) -> PResult<()> {
        loop {
            self.skip_trivia()?;
            match self.peek() {
                None => return Ok(()),
                Some(b'[') => {
                    self.header()?;
                    self.line_end("the table header")?;
                }
                Some(_) => {
                    let start = self.pos;
                    let keys = self.key()?;
                    let depth = self.current.len() + keys.len();
                    let value = self.key_value_rest(&keys, depth)?;
                    let Some(table) = current_table(&mut self.root, &self.current) else {
                        return err("internal error", TextRange::empty(start));
                    };
                    insert_dotted(table, keys, value)?;
                    self.line_end("the value")?;
                }
            }
        }
    }

    /// After a key: `=` and the value.
    fn key_value_rest(&mut self, keys: &[Seg], depth: usize) -> PResult<Item> {
        self.skip_ws();
        if !self.eat(b'=') {
            return self.expected(&format!("`=` after the key `{}`", dotted(keys)));
        }
        self.skip_ws();
        self.value(depth)
    }

    /// `[a.b]` or `[[a.b]]`.
    fn header(&mut self) -> PResult<()> {
        let start = self.pos;
        self.pos += 1;
        let array = self.eat(b'[');
        let keys = self.key()?;
        if !self.eat(b']') || (array && !self.eat(b']')) {
            let close = if array { "`]]`" } else { "`]`" };
            return self.expected(&format!("{close} to close the table header"));
        }
        let range = TextRange::new(start, self.pos);
        let mut table = &mut self.root;
        let last = keys.len() - 1;
        for (i, seg) in keys.iter().enumerate() {
            let Some(&index) = table.index.get(&seg.name) else {
                let (kind, range) = if i < last {
                    (Kind::Implicit, seg.range)
                } else {
                    (Kind::Header, range)
                };
                let mut item = Item::table(range, kind);
                if i == last && array {
                    item = Item {
                        range,
                        value: Value::Array(Array {
                            items: vec![item],
                            of_tables: true,
                        }),
                    };
                }
                let item = table.insert(seg.name.clone(), seg.range, item);
                table = match item.map(|item| &mut item.value) {
                    Some(Value::Table(t)) => t,
                    _ => break,
                };
                continue;
            };
            let name = dotted(&keys[..=i]);
            let item = &table.entries[index].value;
            let kind = item.kind_name();
            let fail = match &item.value {
                Value::Table(t) if i < last && t.kind != Kind::Inline => None,
                Value::Table(t) if !array && t.kind == Kind::Implicit => None,
                Value::Array(a) if a.of_tables && (i < last || array) => None,
                Value::Table(t) if i == last && !array && t.kind == Kind::Header => {
                    Some(format!("the table `[{name}]` is defined twice"))
                }
                Value::Table(t) if i == last && !array && t.kind == Kind::Dotted => Some(format!(
                    "the table `{name}` is already defined by dotted keys"
                )),
                Value::Array(a) if a.of_tables => {
                    Some(format!("`{name}` is an array of tables: use `[[{name}]]`"))
                }
                _ => {
                    let what = if array {
                        "an array of tables"
                    } else {
                        "a table"
                    };
                    Some(format!(
                        "`{name}` is already defined ({kind}) and cannot be redefined as {what}"
                    ))
                }
            };
            if let Some(message) = fail {
                return err(message, seg.range);
            }
            let item = &mut table.entries[index].value;
            if i == last {
                match &mut item.value {
                    Value::Table(t) => t.kind = Kind::Header,
                    Value::Array(a) => a.items.push(Item::table(range, Kind::Header)),
                    _ => {}
                }
                if !array {
                    item.range = range;
                }
                break;
            }
            table = match &mut item.value {
                Value::Table(t) => t,
                Value::Array(a) => match a.items.last_mut() {
                    Some(Item {
                        value: Value::Table(t),
                        ..
                    }) => t,
                    _ => return err("internal error", seg.range),
                },
                _ => return err("internal error", seg.range),
            };
        }
        self.current = keys.into_iter().map(|s| s.name).collect();
        Ok(())
    }

    /// A key: bare, quoted or dotted.
    fn key(&mut self) -> PResult<Vec<Seg>> {
        let mut segs = Vec::new();
        loop {
            self.skip_ws();
            let start = self.pos;
            let name = match self.peek() {
                Some(b'"') if !self.rest().starts_with("\"\"\"") => self.basic_string()?,
                Some(b'\'') if !self.rest().starts_with("'''") => self.literal_string()?,
                Some(b) if is_bare(b) => {
                    while self.peek().is_some_and(is_bare) {
                        self.pos += 1;
                    }
                    self.text[start..self.pos].to_owned()
                }
                _ => return self.expected("a key"),
            };
            segs.push(Seg {
                name,
                range: TextRange::new(start, self.pos),
            });
            if segs.len() > MAX_DEPTH {
                return err(
                    "the key has too many parts",
                    TextRange::new(start, self.pos),
                );
            }
            self.skip_ws();
            if !self.eat(b'.') {
                return Ok(segs);
            }
        }
    }

    fn value(&mut self, depth: usize) -> PResult<Item> {
        let start = self.pos;
        if depth > MAX_DEPTH {
            return err(
                format!("nested more than {MAX_DEPTH} levels deep"),
                self.here(),
            );
        }
        let value = match self.peek() {
            Some(b'"') if self.rest().starts_with("\"\"\"") => Value::String(self.ml_string(b'"')?),
            Some(b'"') => Value::String(self.basic_string()?),
            Some(b'\'') if self.rest().starts_with("'''") => Value::String(self.ml_string(b'\'')?),
            Some(b'\'') => Value::String(self.literal_string()?),
            Some(b'[') => self.array(depth + 1)?,
            Some(b'{') => self.inline_table(depth + 1)?,
            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_') => {
                self.scalar()?
            }
            _ => return self.expected("a value"),
        };
        Ok(Item {
            range: TextRange::new(start, self.pos),
            value,
        })
    }

    /// A boolean, a number or a date/time.
    fn scalar(&mut self) -> PResult<Value> {
        let start = self.pos;
        let word = |p: &mut Self| {
            while p.peek().is_some_and(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_' | b':')
            }) {
                p.pos += 1;
            }
        };
        word(self);
        // A date, a space and a time: one date-time.
        let b = &self.bytes[start..];
        if self.pos - start == 10
            && b.get(10) == Some(&b' ')
            && b.get(11..13)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && b.get(13) == Some(&b':')
        {
            self.pos += 1;
            word(self);
        }
        let token = &self.text[start..self.pos];
        let range = TextRange::new(start, self.pos);
        match token {
            "true" => return Ok(Value::Boolean(true)),
            "false" => return Ok(Value::Boolean(false)),
            _ => {}
        }
        let tb = token.as_bytes();
        if tb[0].is_ascii_alphabetic() && !matches!(token, "inf" | "nan") {
            let hint = if token.eq_ignore_ascii_case("true") || token.eq_ignore_ascii_case("false")
            {
                format!("booleans are lowercase: `{}`", token.to_ascii_lowercase())
            } else {
                format!("a string needs quotes: \"{token}\"")
            };
            return err(format!("`{token}` is not a value: {hint}"), range);
        }
        if tb.get(4) == Some(&b'-') || tb.get(2) == Some(&b':') {
            return if is_datetime(token) {
                Ok(Value::Datetime(token.to_owned()))
            } else {
                err(format!("`{token}` is not a valid date or time"), range)
            };
        }
        number(token).map_err(|why| TomlError {
            message: format!("`{token}` is not a valid value: {why}"),
            range,
        })
    }

    /// An array or inline table open at `start` runs to the end of the file.
    fn unclosed<T>(&self, start: usize, what: &str) -> PResult<T> {
        err(
            format!("unclosed {what}: the end of the file comes first"),
            TextRange::new(start, start + 1),
        )
    }

    fn array(&mut self, depth: usize) -> PResult<Value> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek().is_none() {
                return self.unclosed(start, "array");
            }
            if self.eat(b']') {
                break;
            }
            items.push(self.value(depth)?);
            self.skip_trivia()?;
            if self.eat(b']') {
                break;
            }
            if self.peek().is_none() {
                return self.unclosed(start, "array");
            }
            if !self.eat(b',') {
                return self.expected("`,` or `]` in the array");
            }
        }
        Ok(Value::Array(Array {
            items,
            of_tables: false,
        }))
    }

    fn inline_table(&mut self, depth: usize) -> PResult<Value> {
        let start = self.pos;
        self.pos += 1;
        let mut table = Table {
            kind: Kind::Inline,
            ..Table::default()
        };
        loop {
            self.skip_trivia()?;
            if self.peek().is_none() {
                return self.unclosed(start, "inline table");
            }
            if self.eat(b'}') {
                break;
            }
            let keys = self.key()?;
            let value = self.key_value_rest(&keys, depth + keys.len() - 1)?;
            insert_dotted(&mut table, keys, value)?;
            self.skip_trivia()?;
            if self.eat(b'}') {
                break;
            }
            if self.peek().is_none() {
                return self.unclosed(start, "inline table");
            }
            if !self.eat(b',') {
                return self.expected("`,` or `}` in the inline table");
            }
        }
        Ok(Value::Table(table))
    }

    /// `"…"`: escapes, no line breaks.
    fn basic_string(&mut self) -> PResult<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.rest().chars().next() {
                Some('"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some('\\') => self.escape(&mut out)?,
                None | Some('\n' | '\r') => {
                    return err(
                        "unterminated string: a `\"` string must close on its line",
                        TextRange::new(start, self.pos),
                    )
                }
                Some(c) => self.string_char(c, &mut out)?,
            }
        }
    }

    /// `'…'`: as written, no line breaks.
    fn literal_string(&mut self) -> PResult<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            match self.rest().chars().next() {
                Some('\'') => {
                    self.pos += 1;
                    return Ok(out);
                }
                None | Some('\n' | '\r') => {
                    return err(
                        "unterminated string: a `'` string must close on its line",
                        TextRange::new(start, self.pos),
                    )
                }
                Some(c) => self.string_char(c, &mut out)?,
            }
        }
    }

    /// `"""…"""` (escapes) or `'''…'''` (as written).
    fn ml_string(&mut self, quote: u8) -> PResult<String> {
        let start = self.pos;
        self.pos += 3;
        self.newline()?;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return err(
                    "unterminated multi-line string",
                    TextRange::new(start, start + 3),
                );
            };
            if c as u32 == u32::from(quote) {
                let run = self.bytes[self.pos..]
                    .iter()
                    .take_while(|&&b| b == quote)
                    .count();
                self.pos += run;
                let quotes = &self.text[self.pos - run..self.pos];
                if run < 3 {
                    out.push_str(quotes);
                    continue;
                }
                if run > 5 {
                    return err(
                        "too many quotes: at most two may come before the closing delimiter",
                        TextRange::new(self.pos - run, self.pos),
                    );
                }
                out.push_str(&quotes[3..]);
                return Ok(out);
            }
            if c == '\\' && quote == b'"' {
                // A backslash ending a line trims the line break and the blanks after it.
                let save = self.pos;
                self.pos += 1;
                self.skip_ws();
                if self.newline()? {
                    while {
                        self.skip_ws();
                        self.newline()?
                    } {}
                } else {
                    self.pos = save;
                    self.escape(&mut out)?;
                }
                continue;
            }
            let at = self.pos;
            if self.newline()? {
                out.push_str(&self.text[at..self.pos]);
                continue;
            }
            self.string_char(c, &mut out)?;
        }
    }

    fn string_char(&mut self, c: char, out: &mut String) -> PResult<()> {
        if is_control(c) {
            return err(
                format!(
                    "the control character U+{:04X} must be escaped in a string",
                    c as u32
                ),
                self.here(),
            );
        }
        out.push(c);
        self.pos += c.len_utf8();
        Ok(())
    }

    /// `\` and what follows, in a `"` string.
    fn escape(&mut self, out: &mut String) -> PResult<()> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'e') => '\u{1b}',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b @ (b'x' | b'u' | b'U')) => {
                let len = match b {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = self.bytes.get(self.pos + 1..self.pos + 1 + len);
                let code = hex
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
                let Some(c) = code.and_then(char::from_u32) else {
                    let end = (self.pos + 1 + len).min(self.bytes.len());
                    let end = (end..=self.bytes.len())
                        .find(|&e| self.text.is_char_boundary(e))
                        .unwrap_or(end);
                    return err(
                        format!(
                            "invalid escape: `\\{}` takes {len} hexadecimal digits of a Unicode scalar value",
                            b as char
                        ),
                        TextRange::new(start, end),
                    );
                };
                self.pos += len;
                c
            }
            _ => {
                let end = self.here().end.max(self.pos);
                return err(
                    "invalid escape: use \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH or \\UHHHHHHHH",
                    TextRange::new(start, end),
                );
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }
}

/// The table the path of header keys names (the last table of an array of tables).
fn current_table<'t>(mut table: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    for name in path {
        let index = *table.index.get(name)?;
        table = match &mut table.entries[index].value.value {
            Value::Table(t) => t,
            Value::Array(a) => match a.items.last_mut() {
                Some(Item {
                    value: Value::Table(t),
                    ..
                }) => t,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(table)
}

/// Adds `keys = value` to `table`, making the tables of a dotted key on the way.
fn insert_dotted(mut table: &mut Table, keys: Vec<Seg>, value: Item) -> PResult<()> {
    let count = keys.len();
    for (i, seg) in keys.into_iter().enumerate() {
        if i + 1 == count {
            if table.insert(seg.name.clone(), seg.range, value).is_none() {
                return err(format!("duplicate key `{}`", seg.name), seg.range);
            }
            return Ok(());
        }
        let Some(&index) = table.index.get(&seg.name) else {
            let item = table.insert(seg.name, seg.range, Item::table(seg.range, Kind::Dotted));
            table = match item.map(|item| &mut item.value) {
                Some(Value::Table(t)) => t,
                _ => return err("internal error", seg.range),
            };
            continue;
        };
        table = match &mut table.entries[index].value.value {
            Value::Table(t) if t.kind == Kind::Dotted => t,
            _ => {
                return err(
                    format!(
                        "duplicate key `{}`: it is already defined and cannot be extended with a dotted key",
                        seg.name
                    ),
                    seg.range,
                )
            }
        };
    }
    Ok(())
}

/// Digits with single underscores between them.
fn digits(s: &str, radix: u32) -> Result<String, &'static str> {
    let mut out = String::new();
    let mut prev_digit = false;
    for c in s.chars() {
        if c == '_' {
            if !prev_digit {
                return Err("an underscore must be between two digits");
            }
            prev_digit = false;
        } else if c.is_digit(radix) {
            out.push(c);
            prev_digit = true;
        } else {
            return Err("unexpected character");
        }
    }
    if !prev_digit {
        return Err(if s.is_empty() {
            "digits are missing"
        } else {
            "an underscore must be between two digits"
        });
    }
    Ok(out)
}

/// An integer or a float.
fn number(token: &str) -> Result<Value, &'static str> {
    let (negative, unsigned) = match token.as_bytes().first() {
        Some(b'+') => (false, &token[1..]),
        Some(b'-') => (true, &token[1..]),
        _ => (false, token),
    };
    match unsigned {
        "inf" => {
            return Ok(Value::Float(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }))
        }
        "nan" => return Ok(Value::Float(f64::NAN)),
        _ => {}
    }
    let radix = match unsigned.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix != 10 {
        if unsigned.len() != token.len() {
            return Err("hexadecimal, octal and binary integers take no sign");
        }
        let d = digits(&unsigned[2..], radix)?;
        return i64::from_str_radix(&d, radix)
            .map(Value::Integer)
            .map_err(|_| "out of range for a 64-bit integer");
    }
    let int_end = unsigned.find(['.', 'e', 'E']).unwrap_or(unsigned.len());
    let int = digits(&unsigned[..int_end], 10)?;
    if int.len() > 1 && int.starts_with('0') {
        return Err("leading zeros are not allowed");
    }
    let mut text = String::from(if negative { "-" } else { "" });
    text.push_str(&int);
    let mut rest = &unsigned[int_end..];
    if rest.is_empty() {
        return text
            .parse()
            .map(Value::Integer)
            .map_err(|_| "out of range for a 64-bit integer");
    }
    if let Some(after) = rest.strip_prefix('.') {
        let end = after.find(['e', 'E']).unwrap_or(after.len());
        text.push('.');
        text.push_str(&digits(&after[..end], 10)?);
        rest = &after[end..];
    }
    if !rest.is_empty() {
        let exp = &rest[1..];
        let (sign, exp) = match exp.as_bytes().first() {
            Some(b'+' | b'-') => (&exp[..1], &exp[1..]),
            _ => ("", exp),
        };
        text.push('e');
        text.push_str(sign);
        text.push_str(&digits(exp, 10)?);
    }
    match text.parse::<f64>() {
        Ok(f) if f.is_finite() => Ok(Value::Float(f)),
        _ => Err("out of range for a 64-bit float"),
    }
}

/// `YYYY-MM-DD`, `HH:MM[:SS[.frac]]`, or both joined by `T`, `t` or a space, with an
/// optional `Z` or `±HH:MM` offset after a date-time.
fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(range)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0')))
    };
    // Where a time starting at `start` ends.
    let time = |start: usize| -> Option<usize> {
        let (h, m) = (num(start..start + 2)?, num(start + 3..start + 5)?);
        if b.get(start + 2) != Some(&b':') || h > 23 || m > 59 {
            return None;
        }
        let mut end = start + 5;
        if b.get(end) == Some(&b':') {
            if num(end + 1..end + 3)? > 60 {
                return None;
            }
            end += 3;
            if b.get(end) == Some(&b'.') {
                let frac = b[end + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if frac == 0 {
                    return None;
                }
                end += 1 + frac;
            }
        }
        Some(end)
    };
    if b.get(2) == Some(&b':') {
        return time(0) == Some(b.len());
    }
    let (Some(y), Some(mo), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if b[4] != b'-' || b.get(7) != Some(&b'-') {
        return false;
    }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match mo {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    if d == 0 || d > days {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !matches!(b[10], b'T' | b't' | b' ') {
        return false;
    }
    let Some(end) = time(11) else {
        return false;
    };
    match &b[end..] {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] => {
            end + 6 == b.len()
                && b[end + 3] == b':'
                && num(end + 1..end + 3).is_some_and(|h| h < 24)
                && num(end + 4..end + 6).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'t>(t: &'t Table, path: &str) -> &'t Value {
        let mut table = t;
        let mut keys = path.split('.').peekable();
        loop {
            let key = keys.next().unwrap();
            let item = table.get(key).unwrap_or_else(|| panic!("no {key}"));
            if keys.peek().is_none() {
                return &item.value;
            }
            table = match &item.value {
                Value::Table(t) => t,
                Value::Array(a) => match &a.items.last().unwrap().value {
                    Value::Table(t) => t,
                    _ => panic!(),
                },
                _ => panic!(),
            };
        }
    }

    fn error(text: &str) -> TomlError {
        parse(text).expect_err(text)
    }

    #[test]
    fn values_and_ranges() {
        let text = "a = \"x\\u00e9\" # c\n[t.u]\nb.c = [1, 0x1f, -2.5e3, inf, true, 1979-05-27]\n[[p]]\nq = 'lit'\n[[p]]\nq = \"\"\"\nm\\\n   l\"\"\"\n";
        let root = parse(text).unwrap();
        assert_eq!(get(&root, "a"), &Value::String("xé".into()));
        let Value::Array(a) = get(&root, "t.u.b.c") else {
            panic!()
        };
        let values: Vec<_> = a
            .items
            .iter()
            .map(|i| &text[i.range.start..i.range.end])
            .collect();
        assert_eq!(values, ["1", "0x1f", "-2.5e3", "inf", "true", "1979-05-27"]);
        assert_eq!(a.items[1].value, Value::Integer(31));
        assert_eq!(a.items[2].value, Value::Float(-2500.0));
        assert_eq!(get(&root, "p.q"), &Value::String("ml".into()));
        let entry = &root.entries[0];
        assert_eq!(&text[entry.key_range.start..entry.key_range.end], "a");
        let p = root.get("p").unwrap();
        assert_eq!(&text[p.range.start..p.range.end], "[[p]]");
    }

    #[test]
    fn errors_point_at_the_problem() {
        let cases = [
            ("a = 1\na = 2\n", "duplicate key `a`", "a"),
            ("[t]\n[t]\n", "the table `[t]` is defined twice", "t"),
            ("a = 01\n", "leading zeros", "01"),
            ("a = \"\\q\"\n", "invalid escape", "\\q"),
            (
                "a = 1 2\n",
                "expected a line break after the value, found `2`",
                "2",
            ),
            ("a = [1\n", "unclosed array", "["),
            ("a = {\n", "unclosed inline table", "{"),
            ("a = {b = 1}\n[a.c]\n", "already defined", "a"),
            ("a.b = 1\n[a]\n", "dotted keys", "a"),
            ("[a.b]\n[a]\nb.c = 1\n", "dotted key", "b"),
            ("a = 1979-13-01\n", "not a valid date", "1979-13-01"),
            ("a = \"x\u{1}\"\n", "U+0001", "\u{1}"),
            (
                "a = [FARGATE]\n",
                "a string needs quotes: \"FARGATE\"",
                "FARGATE",
            ),
            ("a = True\n", "booleans are lowercase: `true`", "True"),
        ];
        for (text, message, at) in cases {
            let e = error(text);
            assert!(e.message.contains(message), "{text:?}: {}", e.message);
            assert_eq!(&text[e.range.start..e.range.end], at, "{text:?}");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(error(&deep).message.contains("nested"));
        let deep = format!("a = {}{}", "{b = ".repeat(10_000), "}".repeat(10_000));
        assert!(error(&deep).message.contains("nested"));
        let long = format!("{} = 1", vec!["a"; 10_000].join("."));
        assert!(error(&long).message.contains("too many parts"));
    }
}
