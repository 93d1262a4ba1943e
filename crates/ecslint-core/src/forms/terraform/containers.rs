//! `container_definitions`: the JSON string the provider decodes, in each of its forms.
//!
//! - `jsonencode(<HCL>)`: the HCL tree as `jsonencode` encodes it ([`Builder::json`]);
//! - a heredoc or a quoted string: its literal text is the JSON, parsed with the JSON reader;
//!   each offset maps back through the string's escapes (or the heredoc's removed
//!   indentation) to the `.tf` file; an interpolation is a placeholder, unknown where a value
//!   belongs;
//! - `file("…")`: the named file, as the host handed it in ([`crate::LintOptions::files`]);
//! - `templatefile("…", { … })`: the same, read as a template; variables given as literals
//!   are substituted, the others are placeholders.
//!
//! Anything else (`module.x.json`, `data.template_file.x.rendered`, a `for` expression) is
//! unknown: the containers are not checked, and the form says so once.

use std::borrow::Cow;

use super::value::{into_owned, map_ranges, unknown, Builder, Editable, Escape, Place};
use crate::json::{self, Node, Value};
use crate::read::hcl::{self, Expr, ExprKind, StringLit, Template, TemplatePart, TraversalRoot};
use crate::text::TextRange;

/// A file read by `file()` or `templatefile()`, in the virtual text at `offset`.
pub(super) struct Extra<'s> {
    pub path: String,
    pub text: &'s str,
    pub offset: usize,
}

/// One run of the decoded string.
enum Piece<'x> {
    /// Literal text of the file, with its escapes.
    Lit(&'x StringLit<'x>, Place, Escape),
    /// Raw text of a JSON file at a virtual offset.
    Raw(&'x str, usize),
    /// A value substituted (`templatefile` variable), or a placeholder for an unknown one:
    /// every offset inside maps to `span`.
    Hole(TextRange, Option<String>),
}

struct Segment {
    /// In the decoded text.
    start: usize,
    end: usize,
    kind: SegmentKind,
}

enum SegmentKind {
    Lit {
        raw_start: usize,
        raw_end: usize,
        /// The literal's value and raw text are the same bytes (no escape in it).
        plain: bool,
        escape: Escape,
    },
    Hole {
        span: TextRange,
        /// A placeholder outside a JSON string: the value there is unknown.
        outside: bool,
    },
}

/// Tracks whether the JSON text so far ends inside a string.
#[derive(Default)]
struct JsonScan {
    in_string: bool,
    escaped: bool,
}

impl JsonScan {
    fn feed(&mut self, text: &str) {
        for b in text.bytes() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
            } else if b == b'"' {
                self.in_string = true;
            }
        }
    }
}

impl<'m, 's> Builder<'m, 's> {
    /// The container definitions `expr` gives; `reasons` receives why they are not known,
    /// when they are not.
    pub fn container_definitions(
        &mut self,
        expr: &'m Expr<'s>,
        place: Place,
        extras: &[Extra<'s>],
        reasons: &mut Vec<String>,
    ) -> Node<'s> {
        let (expr, place) = self.resolve(expr, place);
        let range = place.range(expr.span);
        match &expr.kind {
            ExprKind::Call(call) if call.name.name == "jsonencode" && call.args.len() == 1 => {
                let node = self.json(&call.args[0], place, 0);
                if matches!(node.value, Value::Unknown) {
                    reasons.push(
                        "`container_definitions` is `jsonencode()` of a value Terraform computes"
                            .into(),
                    );
                }
                node
            }
            ExprKind::Call(call)
                if matches!(call.name.name, "file" | "templatefile") && !call.args.is_empty() =>
            {
                let name = call.name.name;
                let Some(path) = self.module.file_path(&call.args[0]) else {
                    reasons.push(format!(
                        "`container_definitions` reads a file whose name Terraform computes (`{name}()`)"
                    ));
                    return unknown(range);
                };
                let Some(extra) = extras.iter().find(|e| e.path == path) else {
                    reasons.push(format!(
                        "`container_definitions` reads {path}, which was not read with this file (lint the directory, or the plan)"
                    ));
                    return unknown(range);
                };
                if name == "file" {
                    let pieces = [Piece::Raw(extra.text, extra.offset)];
                    return self.decode(&pieces, range, reasons);
                }
                let (template, problems) = hcl::parse_template(extra.text);
                let Some(template) = template.filter(|_| problems.is_empty()) else {
                    reasons.push(format!("{path} is not a template Terraform can render"));
                    return unknown(range);
                };
                let vars = call
                    .args
                    .get(1)
                    .map(|v| self.resolve(v, place))
                    .map(|(v, _)| v);
                let pieces = match self.template_pieces(&template, extra.offset, vars) {
                    Some(p) => p,
                    None => {
                        reasons.push(format!(
                            "{path} has `%{{…}}` directives: Terraform renders them"
                        ));
                        return unknown(range);
                    }
                };
                self.decode(&pieces, range, reasons)
            }
            ExprKind::String(lit) => {
                let pieces = [Piece::Lit(lit, place, Escape::Quoted)];
                self.decode(&pieces, range, reasons)
            }
            ExprKind::Template(t) => {
                let pieces = self.string_pieces(t, place, Escape::Quoted);
                self.decode(&pieces, range, reasons)
            }
            ExprKind::Heredoc(h) => {
                if h.template
                    .parts
                    .iter()
                    .any(|p| matches!(p, TemplatePart::Directive(_)))
                {
                    reasons.push(
                        "`container_definitions` has `%{…}` directives: Terraform renders them"
                            .into(),
                    );
                    return unknown(range);
                }
                let pieces = self.string_pieces(&h.template, place, Escape::Heredoc);
                self.decode(&pieces, range, reasons)
            }
            ExprKind::Null => Node {
                range,
                value: Value::Null,
            },
            _ => {
                let shown = match &expr.kind {
                    ExprKind::Traversal(t) => t
                        .names()
                        .map(|n| format!("`{}`", n.join(".")))
                        .unwrap_or_else(|| "an expression".into()),
                    ExprKind::Call(c) => format!("`{}()`", c.name.name),
                    _ => "an expression".into(),
                };
                reasons.push(format!(
                    "`container_definitions` is {shown}, which Terraform computes"
                ));
                unknown(range)
            }
        }
    }

    /// The pieces of a quoted string or heredoc with interpolations.
    fn string_pieces<'x>(
        &self,
        t: &'x Template<'x>,
        place: Place,
        escape: Escape,
    ) -> Vec<Piece<'x>> {
        t.parts
            .iter()
            .map(|p| match p {
                TemplatePart::Literal(l) => Piece::Lit(l, place, escape),
                TemplatePart::Interpolation(i) => Piece::Hole(place.range(i.span), None),
                TemplatePart::Directive(d) => Piece::Hole(place.range(d.span), None),
            })
            .collect()
    }

    /// The pieces of a template file, with the variables given as literals substituted;
    /// `None` when it has directives.
    fn template_pieces<'x>(
        &mut self,
        t: &'x Template<'x>,
        offset: usize,
        vars: Option<&'m Expr<'s>>,
    ) -> Option<Vec<Piece<'x>>> {
        let items = match vars.map(|v| &v.kind) {
            Some(ExprKind::Object(items)) => Some(items),
            _ => None,
        };
        let mut out = Vec::new();
        for part in &t.parts {
            match part {
                TemplatePart::Literal(l) => {
                    out.push(Piece::Lit(l, Place::At(offset), Escape::Heredoc))
                }
                TemplatePart::Interpolation(i) => {
                    let span = TextRange::new(i.span.start + offset, i.span.end + offset);
                    let name = match &i.expr.kind {
                        ExprKind::Traversal(tr) if tr.steps.is_empty() => match &tr.root {
                            TraversalRoot::Name(n) => Some(n.name),
                            TraversalRoot::Expr(_) => None,
                        },
                        _ => None,
                    };
                    let value = name
                        .and_then(|n| items?.iter().find(|item| item.key.name() == Some(n)))
                        .map(|item| self.resolve(&item.value, Place::Site(span)).0)
                        .and_then(|e| match &e.kind {
                            ExprKind::String(s) => Some(s.value.to_string()),
                            ExprKind::Number(n) => Some(super::value::canonical(n)),
                            ExprKind::Bool(b) => Some(b.to_string()),
                            _ => None,
                        });
                    out.push(Piece::Hole(span, value));
                }
                TemplatePart::Directive(_) => return None,
            }
        }
        Some(out)
    }

    /// Parses the JSON the pieces make, with every range mapped to the virtual text.
    fn decode(
        &mut self,
        pieces: &[Piece<'_>],
        range: TextRange,
        reasons: &mut Vec<String>,
    ) -> Node<'s> {
        let mut decoded = String::new();
        let mut segments = Vec::with_capacity(pieces.len());
        let mut scan = JsonScan::default();
        for piece in pieces {
            let start = decoded.len();
            let kind = match piece {
                Piece::Lit(l, Place::Site(site), _) => {
                    // Text of a file outside the virtual text: it all maps to the reference.
                    decoded.push_str(&l.value);
                    SegmentKind::Hole {
                        span: *site,
                        outside: false,
                    }
                }
                Piece::Lit(l, place, escape) => {
                    decoded.push_str(&l.value);
                    let raw = place.range(l.raw);
                    SegmentKind::Lit {
                        raw_start: raw.start,
                        raw_end: raw.end,
                        plain: matches!(l.value, Cow::Borrowed(_)),
                        escape: *escape,
                    }
                }
                Piece::Raw(text, offset) => {
                    decoded.push_str(text);
                    SegmentKind::Lit {
                        raw_start: *offset,
                        raw_end: offset + text.len(),
                        plain: true,
                        escape: Escape::Json,
                    }
                }
                Piece::Hole(span, Some(value)) => {
                    decoded.push_str(value);
                    SegmentKind::Hole {
                        span: *span,
                        outside: false,
                    }
                }
                Piece::Hole(span, None) => {
                    let outside = !scan.in_string;
                    decoded.push_str(if outside { "0" } else { "${expr}" });
                    SegmentKind::Hole {
                        span: *span,
                        outside,
                    }
                }
            };
            scan.feed(&decoded[start..]);
            segments.push(Segment {
                start,
                end: decoded.len(),
                kind,
            });
        }
        let lits: Vec<Option<&StringLit<'_>>> = pieces
            .iter()
            .map(|p| match p {
                Piece::Lit(l, _, _) => Some(*l),
                _ => None,
            })
            .collect();
        let map = |offset: usize, end: bool| -> usize {
            let i = segments
                .partition_point(|s| if end { s.end < offset } else { s.end <= offset })
                .min(segments.len().saturating_sub(1));
            let Some(seg) = segments.get(i) else {
                return range.start;
            };
            let within = offset.saturating_sub(seg.start);
            match &seg.kind {
                SegmentKind::Lit {
                    raw_start,
                    raw_end,
                    plain,
                    ..
                } => {
                    if end && offset >= seg.end {
                        return *raw_end;
                    }
                    match lits[i] {
                        Some(l) if !plain => {
                            let local = l.file_offset(within);
                            raw_start + (local - l.raw.start)
                        }
                        _ => (raw_start + within).min(*raw_end),
                    }
                }
                SegmentKind::Hole { span, .. } => {
                    if end {
                        span.end
                    } else {
                        span.start
                    }
                }
            }
        };
        let parsed = json::parse(&decoded);
        let outside_holes: Vec<(usize, usize)> = segments
            .iter()
            .filter(|s| matches!(s.kind, SegmentKind::Hole { outside: true, .. }))
            .map(|s| (s.start, s.end))
            .collect();
        if !parsed.problems.is_empty() && !outside_holes.is_empty() {
            reasons.push(
                "`container_definitions` is JSON only once Terraform renders its interpolations"
                    .into(),
            );
            return unknown(range);
        }
        let map_range = |r: TextRange| -> TextRange {
            let start = map(r.start, false);
            let end = map(r.end, true).max(start);
            TextRange::new(start, end)
        };
        for p in &parsed.problems {
            let fix = p.fix.as_ref().and_then(|fix| {
                let mut edits = Vec::new();
                for e in &fix.edits {
                    let (_, escape) = lit_segment(&segments, e.range)?;
                    edits.push(crate::diagnostic::Edit::replace(
                        map_range(e.range),
                        escape_for(escape, &e.new_text)?,
                    ));
                }
                Some(crate::diagnostic::Fix {
                    applicability: fix.applicability,
                    message: fix.message.clone(),
                    edits,
                })
            });
            let d = self.diagnostic(
                p.rule,
                None,
                map_range(p.range),
                format!("`container_definitions`: {}", p.message),
                p.help.clone(),
                String::new(),
            );
            d.fix = fix;
            if let Some((r, m)) = &p.related {
                d.related(map_range(*r), m.clone());
            }
        }
        let Some(mut root) = parsed.root else {
            return unknown(range);
        };
        // Where the JSON text is the file's own (a heredoc, a JSON file), fixes may edit it
        // freely; inside a quoted string only scalar values are replaced.
        for seg in &segments {
            if let SegmentKind::Lit {
                raw_start,
                raw_end,
                escape,
                ..
            } = seg.kind
            {
                if matches!(escape, Escape::Heredoc | Escape::Json) {
                    self.editable.push(Editable {
                        range: TextRange::new(raw_start, raw_end),
                        escape,
                        inside: true,
                    });
                }
            }
        }
        let mut quoted = Vec::new();
        mark_unknown(&mut root, &outside_holes);
        collect_quoted_scalars(&root, &segments, &mut quoted);
        map_ranges(&mut root, &mut |r| map_range(r));
        for r in quoted {
            self.editable.push(Editable {
                range: map_range(r),
                escape: Escape::Quoted,
                inside: false,
            });
        }
        into_owned(root)
    }
}

/// The literal segment wholly holding `r`, and its escape.
fn lit_segment(segments: &[Segment], r: TextRange) -> Option<(usize, Escape)> {
    segments.iter().enumerate().find_map(|(i, s)| match s.kind {
        SegmentKind::Lit { escape, .. } if s.start <= r.start && r.end <= s.end => {
            Some((i, escape))
        }
        _ => None,
    })
}

/// JSON text for a place of the file with `escape`; `None` when it cannot be written there.
pub(super) fn escape_for(escape: Escape, text: &str) -> Option<String> {
    Some(match escape {
        Escape::Json => text.to_owned(),
        Escape::Heredoc => text.replace("${", "$${").replace("%{", "%%{"),
        Escape::Quoted => {
            let mut out = String::with_capacity(text.len() + 8);
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c => out.push(c),
                }
            }
            out.replace("${", "$${").replace("%{", "%%{")
        }
        Escape::Hcl => hcl_scalar(text)?,
    })
}

/// A JSON scalar written as an HCL literal (`"a\/b"` → `"a/b"`); `None` for anything else.
fn hcl_scalar(text: &str) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(text).ok()? {
        serde_json::Value::String(s) => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            Some(out.replace("${", "$${").replace("%{", "%%{"))
        }
        serde_json::Value::Number(_) | serde_json::Value::Bool(_) => Some(text.to_owned()),
        _ => None,
    }
}

/// Values written where an interpolation stands outside a JSON string are unknown.
fn mark_unknown(node: &mut Node<'_>, holes: &[(usize, usize)]) {
    if holes
        .iter()
        .any(|&(s, e)| s <= node.range.start && node.range.end <= e)
    {
        node.value = Value::Unknown;
        return;
    }
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|i| mark_unknown(i, holes)),
        Value::Object(members) => members
            .iter_mut()
            .for_each(|m| mark_unknown(&mut m.value, holes)),
        _ => {}
    }
}

/// The scalars and keys of JSON read from a quoted string: a fix may replace them.
fn collect_quoted_scalars(node: &Node<'_>, segments: &[Segment], out: &mut Vec<TextRange>) {
    let quoted = |r: TextRange| matches!(lit_segment(segments, r), Some((_, Escape::Quoted)));
    match &node.value {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_quoted_scalars(i, segments, out)),
        Value::Object(members) => {
            for m in members {
                if quoted(m.key.range) {
                    out.push(m.key.range);
                }
                collect_quoted_scalars(&m.value, segments, out);
            }
        }
        Value::String(_) | Value::Number(_) | Value::Bool(_) if quoted(node.range) => {
            out.push(node.range)
        }
        _ => {}
    }
}
