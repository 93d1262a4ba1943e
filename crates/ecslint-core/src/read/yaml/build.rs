//! saphyr-parser's events → the tree, with ranges in bytes, anchors, merges and problems.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};

use super::{cfn, errors, scalar, AliasUse, Options, Output, Schema, MAX_ALIAS_NODES};
use crate::json::{FnvBuild, Key, Member, Node, ParseOutput, SyntaxProblem, Value, MAX_DEPTH};
use crate::text::TextRange;

pub(super) const INVALID_YAML: &str = "invalid-yaml";
pub(super) const UNKNOWN_TAG: &str = "unknown-yaml-tag";

/// The reader cannot go on; the reason is in `problems`.
pub(super) struct Stop;

/// Character indexes (saphyr's markers) → byte offsets.
struct Offsets {
    /// The byte offset of each character, then the text's length; `None` for ASCII text,
    /// where both are the same.
    table: Option<Vec<u32>>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Self {
        let table = (!text.is_ascii()).then(|| {
            let mut table: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
            table.push(text.len() as u32);
            table
        });
        Offsets {
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.table {
            None => char_index.min(self.len),
            Some(t) => t.get(char_index).map_or(self.len, |&b| b as usize),
        }
    }
}

/// A node's properties as written before it: `&anchor`, `!tag`.
#[derive(Default)]
pub(super) struct Props<'s> {
    pub anchor_id: usize,
    pub anchor: Option<TextRange>,
    pub tag: Option<(Cow<'s, Tag>, TextRange)>,
    /// Where the node starts, properties included.
    pub start: usize,
    /// Where its content starts, after the properties.
    pub content_start: usize,
}

enum PendingKey<'s> {
    Key(Key<'s>),
    /// A YAML 1.1 merge key `<<` (its range).
    Merge(TextRange),
    /// A key that is not a scalar: reported, its member dropped.
    Skip,
}

enum Entry<'s> {
    Member(Member<'s>),
    Merge(TextRange, Node<'s>),
}

enum Collection<'s> {
    Seq(Vec<Node<'s>>),
    Map {
        entries: Vec<Entry<'s>>,
        key: Option<PendingKey<'s>>,
    },
}

/// An open sequence or mapping.
pub(super) struct Frame<'s> {
    collection: Collection<'s>,
    pub flow: bool,
    pub props: Props<'s>,
    /// Tree levels this frame adds (2 when a CloudFormation tag wraps it in an object).
    levels: usize,
}

impl Frame<'_> {
    pub fn is_mapping(&self) -> bool {
        matches!(self.collection, Collection::Map { .. })
    }
}

struct Anchored<'s> {
    node: Node<'s>,
    anchor: TextRange,
    size: usize,
    depth: usize,
}

pub(super) struct Builder<'s> {
    pub text: &'s str,
    pub options: Options,
    offsets: Offsets,
    pub problems: Vec<SyntaxProblem>,
    pub stack: Vec<Frame<'s>>,
    depth: usize,
    /// By saphyr's anchor id (1, 2, … in order of definition).
    anchors: Vec<Option<Anchored<'s>>>,
    /// Anchor names already defined (`&name` → its range), for YAML 1.1's one-definition rule.
    anchor_names: HashMap<&'s str, TextRange, FnvBuild>,
    alias_nodes: usize,
    aliases: Vec<AliasUse>,
    merge_keys: Vec<TextRange>,
    /// The end of the last event's span (bytes): where a block scalar's header is looked for.
    prev_end: usize,
    root: Option<Node<'s>>,
    documents: usize,
}

enum Flow {
    Continue,
    /// Stop reading, keep the tree (a second document).
    Done,
}

impl<'s> Builder<'s> {
    pub fn new(text: &'s str, options: Options) -> Self {
        Builder {
            text,
            options,
            offsets: Offsets::new(text),
            problems: Vec::new(),
            stack: Vec::new(),
            depth: 0,
            anchors: Vec::new(),
            anchor_names: HashMap::default(),
            alias_nodes: 0,
            aliases: Vec::new(),
            merge_keys: Vec::new(),
            prev_end: 0,
            root: None,
            documents: 0,
        }
    }

    pub fn run(mut self) -> Output<'s> {
        let mut parser = Parser::new_from_str(self.text);
        let mut complete = true;
        while let Some(next) = parser.next_event() {
            let step = match next {
                Ok((event, span)) => self.event(event, span),
                Err(error) => {
                    self.scan_error(&error);
                    Err(Stop)
                }
            };
            match step {
                Ok(Flow::Continue) => {}
                Ok(Flow::Done) => break,
                Err(Stop) => {
                    complete = false;
                    break;
                }
            }
        }
        if complete && self.documents == 0 {
            self.problem(
                INVALID_YAML,
                TextRange::empty(self.text.len()),
                "the file is empty",
                Some("a task definition or template is a YAML mapping: start with a key such as `family:` or `Resources:`"),
            );
        }
        Output {
            parsed: ParseOutput {
                root: if complete { self.root } else { None },
                problems: self.problems,
            },
            aliases: self.aliases,
            merge_keys: self.merge_keys,
        }
    }

    // ----- helpers -------------------------------------------------------------------------

    pub fn problem(
        &mut self,
        rule: &'static str,
        range: TextRange,
        message: impl Into<String>,
        help: Option<&str>,
    ) {
        self.problems.push(SyntaxProblem {
            rule,
            message: message.into(),
            help: help.map(str::to_owned),
            range,
            fix: None,
            related: None,
        });
    }

    fn stop<T>(
        &mut self,
        range: TextRange,
        message: impl Into<String>,
        help: &str,
    ) -> Result<T, Stop> {
        self.problem(INVALID_YAML, range, message, Some(help));
        Err(Stop)
    }

    fn range(&self, span: Span) -> TextRange {
        let start = self.offsets.byte(span.start.index());
        let end = self.offsets.byte(span.end.index()).max(start);
        TextRange::new(start, end)
    }

    /// The `-` of an indentless sequence's first entry (`Key:` then `- item` at the key's
    /// indentation), which saphyr's span leaves out: it starts such a sequence after the
    /// `-` and its blanks (at the first item, or at the end of the line), so that a sequence
    /// of one item had that item's range, and a pointer found from the range named the
    /// sequence instead of its item. The `-` is the first character of its line before
    /// `pos`, followed only by blanks or a comment, and not the parent sequence's own `-`
    /// (in `- - x` the inner sequence starts at the second `-`).
    fn indentless_dash(&self, pos: usize) -> Option<usize> {
        let pos = pos.min(self.text.len());
        let line_start = self.text[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = &self.text[line_start..pos];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = line[indent..].strip_prefix('-')?;
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        let rest = rest.trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        let dash = line_start + indent;
        let parent_start = self.stack.last().map_or(0, |f| f.props.content_start);
        (self.stack.is_empty() || parent_start < dash).then_some(dash)
    }

    /// The range of the character at `pos` (empty at the end of the text).
    pub fn char_range(&self, pos: usize) -> TextRange {
        let pos = pos.min(self.text.len());
        let len = self.text[pos..].chars().next().map_or(0, char::len_utf8);
        TextRange::new(pos, pos + len)
    }

    /// Reads the properties (`!tag`, `&anchor`) that start at `start`.
    fn props(&self, start: usize, anchor_id: usize, tag: Option<Cow<'s, Tag>>) -> Props<'s> {
        let mut props = Props {
            anchor_id,
            start,
            content_start: start,
            ..Props::default()
        };
        if anchor_id == 0 && tag.is_none() {
            return props;
        }
        let bytes = self.text.as_bytes();
        let mut pos = start;
        let mut tag_range = None;
        loop {
            pos = skip_space_and_comments(bytes, pos);
            match bytes.get(pos) {
                Some(b'!') if tag_range.is_none() && tag.is_some() => {
                    let end = token_end(bytes, pos);
                    tag_range = Some(TextRange::new(pos, end));
                    pos = end;
                }
                Some(b'&') if props.anchor.is_none() && anchor_id != 0 => {
                    let end = token_end(bytes, pos);
                    props.anchor = Some(TextRange::new(pos, end));
                    pos = end;
                }
                _ => break,
            }
        }
        // `content_start` is after the last property, not after the blanks that follow it.
        props.content_start = [tag_range, props.anchor]
            .into_iter()
            .flatten()
            .map(|r| r.end)
            .max()
            .map_or(start, |end| skip_space_and_comments(bytes, end));
        props.tag = tag.map(|t| (t, tag_range.unwrap_or(TextRange::empty(start))));
        props
    }

    // ----- events --------------------------------------------------------------------------

    fn event(&mut self, event: Event<'s>, span: Span) -> Result<Flow, Stop> {
        let range = self.range(span);
        let is_map = matches!(event, Event::MappingStart(..));
        let flow = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {
                Flow::Continue
            }
            Event::DocumentStart(explicit) => {
                self.documents += 1;
                if self.documents > 1 {
                    let at = if explicit && self.text[range.start..].starts_with("---") {
                        TextRange::new(range.start, range.start + 3)
                    } else {
                        self.char_range(range.start)
                    };
                    self.problem(
                        INVALID_YAML,
                        at,
                        "a second YAML document starts here",
                        Some("CloudFormation and the ECS deploy action read one document a file (cfn-lint: \"expected a single document\"; the `yaml` package: \"Source contains multiple documents\"): remove it or move it to a file of its own"),
                    );
                    Flow::Done
                } else {
                    Flow::Continue
                }
            }
            Event::Alias(id) => {
                self.alias(id, range)?;
                Flow::Continue
            }
            Event::Scalar(value, style, anchor_id, tag) => {
                let node_start = range.start;
                let props = self.props(node_start, anchor_id, tag);
                let (node, merge) = self.scalar(value, style, &props, range)?;
                self.complete(node, &props, merge)?;
                Flow::Continue
            }
            Event::SequenceStart(anchor_id, tag) | Event::MappingStart(anchor_id, tag) => {
                let mut props = self.props(range.start, anchor_id, tag);
                let flow = matches!(
                    self.text.as_bytes().get(props.content_start),
                    Some(b'[' | b'{')
                );
                if !is_map && !flow {
                    if let Some(dash) = self.indentless_dash(props.content_start) {
                        props.start = props.start.min(dash);
                        props.content_start = dash;
                    }
                }
                let levels = 1 + usize::from(cfn::wraps(&props, &self.options));
                if self.depth + levels > MAX_DEPTH {
                    return self.stop(
                        self.char_range(props.content_start),
                        format!("mappings and sequences nested deeper than {MAX_DEPTH} levels"),
                        "no task definition or template nests this deep: this is not the file you meant",
                    );
                }
                self.depth += levels;
                self.stack.push(Frame {
                    collection: if is_map {
                        Collection::Map {
                            entries: Vec::new(),
                            key: None,
                        }
                    } else {
                        Collection::Seq(Vec::new())
                    },
                    flow,
                    props,
                    levels,
                });
                Flow::Continue
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.end_collection(range)?;
                Flow::Continue
            }
        };
        self.prev_end = self.prev_end.max(range.end);
        Ok(flow)
    }

    fn scalar(
        &mut self,
        value: Cow<'s, str>,
        style: ScalarStyle,
        props: &Props<'s>,
        span: TextRange,
    ) -> Result<(Node<'s>, bool), Stop> {
        let bytes = self.text.as_bytes();
        let (content, whole) = match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let header = if matches!(bytes.get(props.content_start), Some(b'|' | b'>')) {
                    props.content_start
                } else {
                    find_block_header(self.text, self.prev_end, span.start).unwrap_or(span.start)
                };
                let end = block_end(self.text, header, span.end);
                (
                    TextRange::new(header, end),
                    TextRange::new(props.start.min(header), end),
                )
            }
            _ => {
                // saphyr's span may take in the blanks after the scalar (`"a" }`), and puts
                // an empty value on the `:` before it: move it after, off the key's range.
                // An empty value elsewhere (`? a` with no `:`) goes to the end of what
                // precedes it, so that it does not touch the next key either.
                let mut start = props.content_start.min(span.end);
                let empty = style == ScalarStyle::Plain
                    && value.is_empty()
                    && props.tag.is_none()
                    && props.anchor.is_none();
                if empty && bytes.get(span.start) == Some(&b':') {
                    start = span.start + 1;
                } else if empty && self.prev_end <= span.start {
                    let after = self.prev_end + self.text[self.prev_end..].len()
                        - self.text[self.prev_end..]
                            .trim_start_matches([' ', '\t'])
                            .len();
                    start = if bytes.get(after) == Some(&b':') {
                        after + 1
                    } else {
                        self.prev_end
                    };
                    let in_seq = self
                        .stack
                        .last()
                        .is_some_and(|f| matches!(f.collection, Collection::Seq(_)));
                    let rest = &self.text[self.prev_end..];
                    let dash = self.prev_end + rest.len()
                        - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
                    let content = self.text[..start].trim_end_matches([' ', '\t', '\r', '\n']);
                    let floor = self.stack.last().map_or(0, |f| f.props.content_start);
                    if in_seq
                        && dash <= span.start
                        && bytes.get(dash) == Some(&b'-')
                        && bytes.get(dash + 1).is_none_or(|b| b.is_ascii_whitespace())
                    {
                        // `- ` with nothing after it: the value goes after its `-`, not on
                        // the end of the entry before it.
                        start = dash + 1;
                    } else if content.len() >= floor
                        && self.text[content.len()..start].contains('\n')
                    {
                        // `?` alone on its line: saphyr puts its empty key and value on the
                        // next line's first token. Keep the value on the `?` line, off the
                        // next key (a pointer to it would otherwise name that key's value).
                        start = content.len();
                    }
                }
                let span = if empty { TextRange::empty(start) } else { span };
                let span = TextRange::new(span.start.min(start), span.end.max(start));
                let end = match style {
                    // saphyr's span of a quoted scalar may run on over a comment after it.
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted
                        if matches!(bytes.get(start), Some(b'"' | b'\'')) =>
                    {
                        quote_end(bytes, start, span.end)
                    }
                    _ => start + self.text[start..span.end].trim_end().len(),
                };
                let whole_start = if empty { start } else { props.start.min(start) };
                (TextRange::new(start, end), TextRange::new(whole_start, end))
            }
        };
        // Borrow from the text when the value is written as is (no escapes, no folding).
        let inner = match style {
            ScalarStyle::Plain => Some(content),
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if content.len() >= 2 => {
                Some(TextRange::new(content.start + 1, content.end - 1))
            }
            _ => None,
        };
        let value: Cow<'s, str> = match inner {
            Some(r) if self.text.get(r.start..r.end) == Some(&*value) => {
                Cow::Borrowed(&self.text[r.start..r.end])
            }
            _ => value,
        };
        let plain = style == ScalarStyle::Plain;
        let merge =
            plain && props.tag.is_none() && self.options.schema == Schema::Yaml11 && value == "<<";
        let node = match &props.tag {
            None => Node {
                range: whole,
                value: if plain {
                    scalar::resolve(value, self.options.schema)
                } else {
                    Value::String(value)
                },
            },
            Some(_) => cfn::tagged_scalar(self, props, value, content, whole, inner),
        };
        Ok((node, merge))
    }

    fn alias(&mut self, id: usize, range: TextRange) -> Result<(), Stop> {
        let Some(Some(anchored)) = self.anchors.get(id) else {
            let name = &self.text[range.start..range.end];
            return self.stop(
                range,
                format!("the alias `{name}` is inside the node its anchor names"),
                "an alias copies a node that is already complete: a node cannot contain itself",
            );
        };
        let (size, depth, anchor) = (anchored.size, anchored.depth, anchored.anchor);
        self.alias_nodes += size;
        if self.alias_nodes > MAX_ALIAS_NODES {
            return self.stop(
                range,
                format!("anchors and aliases copy more than {MAX_ALIAS_NODES} nodes"),
                "this is how a \"billion laughs\" file exhausts memory; cfn-lint refuses such templates too: write the values out or use fewer nested aliases",
            );
        }
        if self.depth + depth > MAX_DEPTH {
            return self.stop(
                range,
                format!("this alias nests the document deeper than {MAX_DEPTH} levels"),
                "no task definition or template nests this deep: this is not the file you meant",
            );
        }
        let copy = match self.anchors.get(id) {
            Some(Some(anchored)) => copy_at(&anchored.node, range),
            _ => return Ok(()),
        };
        self.aliases.push(AliasUse { range, anchor });
        let props = Props {
            start: range.start,
            content_start: range.start,
            ..Props::default()
        };
        self.complete(copy, &props, false)
    }

    fn end_collection(&mut self, span: TextRange) -> Result<(), Stop> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        self.depth -= frame.levels;
        // A flow collection ends at its `]` or `}` (saphyr's span may take in what follows).
        let end = if frame.flow {
            (span.start + 1).min(span.end)
        } else {
            0
        };
        let (value, end) = match frame.collection {
            Collection::Seq(items) => {
                let end = items.last().map_or(end, |n| end.max(n.range.end));
                (Value::Array(items), end)
            }
            Collection::Map { entries, key } => {
                let mut end = end;
                for e in &entries {
                    end = end.max(match e {
                        Entry::Member(m) => m.value.range.end.max(m.key.range.end),
                        Entry::Merge(_, n) => n.range.end,
                    });
                }
                if let Some(PendingKey::Key(k)) = &key {
                    end = end.max(k.range.end);
                }
                (Value::Object(self.members(entries)), end)
            }
        };
        let end = end.max(frame.props.content_start.min(self.text.len()));
        let content = TextRange::new(frame.props.content_start.min(end), end);
        let whole = TextRange::new(frame.props.start.min(content.start), end);
        let node = cfn::tagged_collection(
            self,
            &frame.props,
            Node {
                range: content,
                value,
            },
            whole,
        );
        self.complete(node, &frame.props, false)
    }

    /// A finished node: the document, an item, a key or a value.
    fn complete(&mut self, node: Node<'s>, props: &Props<'s>, merge: bool) -> Result<(), Stop> {
        if let (Some(anchor), Schema::Yaml11) = (props.anchor, self.options.schema) {
            let name = &self.text[anchor.start..anchor.end];
            if let Some(&first) = self.anchor_names.get(name) {
                self.problems.push(SyntaxProblem {
                    rule: INVALID_YAML,
                    message: format!("the anchor `{name}` is defined twice"),
                    help: Some("PyYAML, and so cfn-lint, refuse a file that defines an anchor twice (\"found duplicate anchor\"): rename one".to_owned()),
                    range: anchor,
                    fix: None,
                    related: Some((first, format!("`{name}` is first defined here"))),
                });
            } else {
                self.anchor_names.insert(name, anchor);
            }
        }
        if props.anchor_id != 0 {
            let (size, depth) = measure(&node);
            let anchor = props.anchor.unwrap_or(TextRange::empty(props.start));
            // The anchored node is kept as a copy: copies of nested anchors count too.
            self.alias_nodes += size;
            if self.alias_nodes > MAX_ALIAS_NODES {
                return self.stop(
                    anchor,
                    format!("anchors and aliases copy more than {MAX_ALIAS_NODES} nodes"),
                    "this is how a \"billion laughs\" file exhausts memory; cfn-lint refuses such templates too: write the values out or use fewer nested anchors",
                );
            }
            let id = props.anchor_id;
            if self.anchors.len() <= id {
                self.anchors.resize_with(id + 1, || None);
            }
            self.anchors[id] = Some(Anchored {
                node: node.clone(),
                anchor,
                size,
                depth,
            });
        }
        let text = self.text;
        let Some(frame) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(node);
            }
            return Ok(());
        };
        let mut complex_key = None;
        match &mut frame.collection {
            Collection::Seq(items) => items.push(node),
            Collection::Map { entries, key } => match key.take() {
                None => {
                    *key = Some(match node.value {
                        Value::Array(_) | Value::Object(_) => {
                            complex_key = Some(node.range);
                            PendingKey::Skip
                        }
                        _ if merge => PendingKey::Merge(node.range),
                        value => {
                            let written = Cow::Borrowed(&text[node.range.start..node.range.end]);
                            PendingKey::Key(Key {
                                name: scalar::key_name(value, written),
                                range: node.range,
                            })
                        }
                    });
                }
                Some(PendingKey::Key(key)) => {
                    entries.push(Entry::Member(Member { key, value: node }))
                }
                Some(PendingKey::Merge(range)) => entries.push(Entry::Merge(range, node)),
                Some(PendingKey::Skip) => {}
            },
        }
        if let Some(range) = complex_key {
            self.problem(
                INVALID_YAML,
                range,
                "a key must be a plain value, not a mapping or sequence",
                Some("JSON, CloudFormation and the ECS API name members with strings (cfn-lint: \"Unhashable type\"): write the key as a string"),
            );
        }
        Ok(())
    }

    /// A mapping's members: duplicates reported, merges (`<<`) expanded where they stand.
    fn members(&mut self, entries: Vec<Entry<'s>>) -> Vec<Member<'s>> {
        let explicit: Vec<&Member<'s>> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Member(m) => Some(m),
                Entry::Merge(..) => None,
            })
            .collect();
        self.duplicate_keys(&explicit);
        if explicit.len() == entries.len() {
            return entries
                .into_iter()
                .filter_map(|e| match e {
                    Entry::Member(m) => Some(m),
                    Entry::Merge(..) => None,
                })
                .collect();
        }
        // PyYAML's `flatten_mapping`: a key written in the mapping wins over merged ones;
        // within a list of mappings the first that has a key gives it; between two `<<` keys
        // the later wins. Merged members stand where their `<<` is.
        let explicit_names: HashMap<String, TextRange, FnvBuild> = explicit
            .iter()
            .map(|m| (m.key.name.to_string(), m.key.range))
            .collect();
        let mut merged: Vec<Vec<Member<'s>>> = Vec::new();
        let mut slots: Vec<Result<Member<'s>, usize>> = Vec::new();
        for entry in entries {
            match entry {
                Entry::Member(m) => slots.push(Ok(m)),
                Entry::Merge(range, node) => {
                    self.merge_keys.push(range);
                    let mut pairs = Vec::new();
                    match node.value {
                        Value::Object(members) => pairs.extend(members),
                        Value::Array(items) => {
                            // The first mapping of the list that has a key gives it.
                            let mut given: HashMap<String, TextRange, FnvBuild> =
                                HashMap::default();
                            for item in items {
                                match item.value {
                                    Value::Object(members) => {
                                        for m in members {
                                            if !given.contains_key(&*m.key.name) {
                                                given.insert(m.key.name.to_string(), m.key.range);
                                                pairs.push(m);
                                            }
                                        }
                                    }
                                    _ => self.bad_merge(item.range),
                                }
                            }
                        }
                        _ => self.bad_merge(node.range),
                    }
                    slots.push(Err(merged.len()));
                    merged.push(pairs);
                }
            }
        }
        // The winning merged pair of each key not written in the mapping: the last one.
        let mut winner: HashMap<String, TextRange, FnvBuild> = HashMap::default();
        let mut at: Vec<Vec<usize>> = Vec::new();
        let mut n = 0;
        for pairs in &merged {
            at.push((n..n + pairs.len()).collect());
            for m in pairs {
                if !explicit_names.contains_key(&*m.key.name) {
                    winner.insert(m.key.name.to_string(), TextRange::empty(n));
                }
                n += 1;
            }
        }
        let mut out = Vec::new();
        let mut merged: Vec<Vec<Option<Member<'s>>>> = merged
            .into_iter()
            .map(|p| p.into_iter().map(Some).collect())
            .collect();
        for slot in slots {
            match slot {
                Ok(m) => out.push(m),
                Err(g) => {
                    for i in 0..merged[g].len() {
                        let keep = merged[g][i].as_ref().is_some_and(|m| {
                            winner.get(&*m.key.name) == Some(&TextRange::empty(at[g][i]))
                        });
                        if keep {
                            out.extend(merged[g][i].take());
                        }
                    }
                }
            }
        }
        out
    }

    fn bad_merge(&mut self, range: TextRange) {
        self.problem(
            INVALID_YAML,
            range,
            "`<<` merges mappings: this is not a mapping",
            Some("give `<<` a mapping or a list of mappings (usually aliases such as `*defaults`); PyYAML and cfn-lint refuse anything else"),
        );
    }

    fn duplicate_keys(&mut self, members: &[&Member<'s>]) {
        if members.len() < 2 {
            return;
        }
        let mut seen: HashMap<&str, TextRange, FnvBuild> = HashMap::default();
        let mut found = Vec::new();
        for m in members {
            let name: &str = &m.key.name;
            match seen.get(name) {
                Some(&first) => found.push((name.to_owned(), m.key.range, first)),
                None => {
                    seen.insert(name, m.key.range);
                }
            }
        }
        for (name, range, first) in found {
            self.problems.push(SyntaxProblem {
                rule: "duplicate-key",
                message: format!("duplicate key `{name}`: only its last value is used"),
                help: Some(
                    "PyYAML (cfn-lint) keeps the last of repeated keys and cfn-lint reports it (E0000); the `yaml` package of the ECS deploy action refuses the file (\"Map keys must be unique\"): keep one".to_owned(),
                ),
                range,
                fix: None,
                related: Some((first, format!("`{name}` is first set here, and that value is ignored"))),
            });
        }
    }

    fn scan_error(&mut self, error: &ScanError) {
        let at = self.offsets.byte(error.marker().index());
        let problem = errors::describe(self, error.info(), at);
        self.problems.push(problem);
    }
}

/// A copy of `node` in which every key and value has `range`.
fn copy_at<'s>(node: &Node<'s>, range: TextRange) -> Node<'s> {
    let value = match &node.value {
        Value::Array(items) => Value::Array(items.iter().map(|n| copy_at(n, range)).collect()),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| Member {
                    key: Key {
                        name: m.key.name.clone(),
                        range,
                    },
                    value: copy_at(&m.value, range),
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Node { range, value }
}

/// `(nodes, levels of nesting)` of a tree.
fn measure(node: &Node<'_>) -> (usize, usize) {
    let (mut size, mut depth) = (1, 0);
    let mut add = |child: &Node<'_>| {
        let (s, d) = measure(child);
        size += s;
        depth = depth.max(d);
    };
    match &node.value {
        Value::Array(items) => items.iter().for_each(&mut add),
        Value::Object(members) => members.iter().for_each(|m| add(&m.value)),
        _ => return (1, 0),
    }
    (size, depth + 1)
}

pub(super) fn skip_space_and_comments(bytes: &[u8], mut pos: usize) -> usize {
    loop {
        match bytes.get(pos) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => pos += 1,
            Some(b'#') => {
                while !matches!(bytes.get(pos), None | Some(b'\n')) {
                    pos += 1;
                }
            }
            _ => return pos,
        }
    }
}

/// The end of a tag or anchor token at `pos`.
fn token_end(bytes: &[u8], pos: usize) -> usize {
    let mut end = pos + 1;
    if bytes.get(pos) == Some(&b'!') && bytes.get(end) == Some(&b'<') {
        while !matches!(bytes.get(end), None | Some(b'>' | b'\n')) {
            end += 1;
        }
        return (end + 1).min(bytes.len());
    }
    while !matches!(
        bytes.get(end),
        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}')
    ) {
        end += 1;
    }
    end
}

/// The `|` or `>` of a block scalar whose content starts at `content`, looked for after the
/// previous token (`from`): the first word of that gap, outside comments, that starts with one.
fn find_block_header(text: &str, from: usize, content: usize) -> Option<usize> {
    let gap = text.get(from..content)?;
    let mut offset = from;
    for line in gap.split_inclusive('\n') {
        let mut prev_blank = true;
        for (i, c) in line.char_indices() {
            if c == '#' && prev_blank {
                break;
            }
            if (c == '|' || c == '>') && prev_blank {
                return Some(offset + i);
            }
            prev_blank = c == ' ' || c == '\t';
        }
        offset += line.len();
    }
    None
}

/// Where a block scalar ends: its last character that is not blank, not counting comment
/// lines below it that saphyr's span takes in.
fn block_end(text: &str, header: usize, span_end: usize) -> usize {
    let span_end = span_end.max(header).min(text.len());
    let Some(body) = text.get(header..span_end) else {
        return span_end;
    };
    let header_line_end = body.find('\n').map_or(body.len(), |i| i);
    // The content's indentation: that of its first non-blank line.
    let indent = body[header_line_end..]
        .lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len());
    let mut end = body.trim_end().len();
    while let (Some(indent), Some(last_nl)) = (indent, body[..end].rfind('\n')) {
        let line = &body[last_nl + 1..end];
        let line_indent = line.len() - line.trim_start_matches(' ').len();
        if last_nl < header_line_end || line_indent >= indent || !line.trim_start().starts_with('#')
        {
            break;
        }
        end = body[..last_nl].trim_end().len();
    }
    header + end.max(1.min(body.len()))
}

/// The end of the quoted scalar that starts at `start` (after its closing quote), within
/// `limit`.
fn quote_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    let Some(&quote) = bytes.get(start) else {
        return start;
    };
    let mut i = start + 1;
    while i < limit {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    limit
}
