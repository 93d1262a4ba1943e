//! Terraform expressions → JSON values of the API's shape.
//!
//! A literal becomes its value, converted as Terraform converts it to the argument's type
//! (`cpu = 256` is the string `"256"`); `var.x` with a literal `default` and a literal
//! `local.x` are resolved; everything else (a resource's attribute, a function, an
//! interpolation, `each.value`) is [`Value::Unknown`] with its range, which no check reports.
//!
//! Ranges are ranges of the *virtual text* the form lints: the linted file, followed by the
//! other files whose text a finding may point into (see [`super::Regions`]). A value read
//! from a file outside it (a variable's default in `variables.tf`) takes the range of the
//! reference instead ([`Place::Site`]).

use std::borrow::Cow;

use super::module::Module;
use super::schema::{Conv, TfType};
use crate::json::{Key, Member, Node, Number, Value};
use crate::read::hcl::{Expr, ExprKind, ObjectKey, StepKind, TraversalRoot, UnaryOp};
use crate::text::TextRange;

/// Where the ranges of an expression's values go in the virtual text.
#[derive(Clone, Copy, Debug)]
pub(super) enum Place {
    /// The expression's file is in the virtual text at this offset.
    At(usize),
    /// It is not: every value takes this range (the reference that led to it).
    Site(TextRange),
}

impl Place {
    pub fn range(self, r: TextRange) -> TextRange {
        match self {
            Place::At(o) => TextRange::new(r.start + o, r.end + o),
            Place::Site(s) => s,
        }
    }

    pub fn exact(self) -> bool {
        matches!(self, Place::At(_))
    }
}

/// How a JSON scalar written by a fix must be spelled at a place of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Escape {
    /// An HCL expression: strings in HCL's quoting.
    Hcl,
    /// JSON text inside a heredoc or a template file: `${` and `%{` doubled.
    Heredoc,
    /// JSON text inside an HCL quoted string: quotes and backslashes escaped too.
    Quoted,
    /// A JSON file.
    Json,
}

/// A place a fix may edit.
#[derive(Clone, Copy, Debug)]
pub(super) struct Editable {
    pub range: TextRange,
    pub escape: Escape,
    /// Any edit inside the range (JSON text); otherwise only one replacing the whole range
    /// (a scalar).
    pub inside: bool,
}

/// What building the documents of a module collects besides the documents.
pub(super) struct Builder<'m, 's> {
    pub module: &'m Module<'s>,
    /// Each module file's offset in the virtual text, when it is there.
    pub offsets: Vec<Option<usize>>,
    /// What the form itself finds (an argument Terraform refuses, a type it cannot convert,
    /// invalid JSON in `container_definitions`).
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
    /// The resource being built (`aws_ecs_service.web`): it prefixes the form's messages.
    pub label: String,
    /// Ranges where a variable's default stands for `var.x`: the help added to findings
    /// there.
    pub notes: Vec<(TextRange, String)>,
    pub editable: Vec<Editable>,
    /// Terraform paths of values (for a finding's pointer): range, path.
    pub paths: Vec<(TextRange, String)>,
    /// How deep [`Builder::resolve`] is (references that refer to themselves stop).
    pub resolving: usize,
}

impl<'m, 's> Builder<'m, 's> {
    /// The place of module file `file`'s expressions, or `site` when the file is not in the
    /// virtual text.
    pub fn place_of(&self, file: usize, site: TextRange) -> Place {
        match self.offsets.get(file).copied().flatten() {
            Some(o) => Place::At(o),
            None => Place::Site(site),
        }
    }

    /// Follows `var.x` (a literal default), `local.x` and attribute or index steps into
    /// literal objects and tuples: the expression that gives the value, and its place.
    pub fn resolve(&mut self, expr: &'m Expr<'s>, place: Place) -> (&'m Expr<'s>, Place) {
        let mut current = (expr, place);
        if self.resolving > 8 {
            return current;
        }
        self.resolving += 1;
        for _ in 0..8 {
            match self.resolve_once(current.0, current.1) {
                Some(next) => current = next,
                None => break,
            }
        }
        self.resolving -= 1;
        current
    }

    fn resolve_once(&mut self, expr: &'m Expr<'s>, place: Place) -> Option<(&'m Expr<'s>, Place)> {
        let ExprKind::Traversal(t) = &expr.kind else {
            if let ExprKind::Parens(inner) = &expr.kind {
                return Some((inner, place));
            }
            return None;
        };
        let TraversalRoot::Name(root) = &t.root else {
            return None;
        };
        let first = t.steps.first()?;
        let StepKind::Attr(name) = first.kind else {
            return None;
        };
        let site = place.range(expr.span);
        let (file, target, is_var) = match root.name {
            "var" => {
                let (file, default) = self.module.variable_default(name)?;
                (file, default, true)
            }
            "local" => {
                let (file, value) = self.module.local(name)?;
                (file, value, false)
            }
            _ => return None,
        };
        let mut target_place = self.place_of(file, site);
        let mut value = target;
        // `local.config.cpu`, `var.sizes["web"]`: steps into literal objects and tuples.
        for step in &t.steps[1..] {
            let (inner, inner_place) = self.resolve(value, target_place);
            let key: Cow<'_, str> = match &step.kind {
                StepKind::Attr(n) => Cow::Borrowed(n),
                StepKind::LegacyIndex(n) => Cow::Borrowed(n),
                StepKind::Index(e) => e.as_str().or(match e.kind {
                    ExprKind::Number(n) => Some(Cow::Borrowed(n)),
                    _ => None,
                })?,
                _ => return None,
            };
            value = match &inner.kind {
                ExprKind::Object(items) => {
                    &items.iter().find(|i| i.key.name() == Some(&key))?.value
                }
                ExprKind::Tuple(items) => items.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
            target_place = inner_place;
        }
        if is_var {
            if !value.is_literal() && !matches!(value.kind, ExprKind::Traversal(_)) {
                return None;
            }
            let shown = t
                .names()
                .map_or_else(|| format!("var.{name}"), |n| n.join("."));
            let where_ = &self.module.files[file].path;
            let line = self.module.files[file].line_of(target.span.start);
            let at = if target_place.exact() {
                value.span
            } else {
                expr.span
            };
            self.notes.push((
                target_place.range(at),
                format!("`{shown}` takes its default here ({where_}:{line}); a value given with -var, a .tfvars file or a module call replaces it"),
            ));
        }
        Some((value, target_place))
    }

    /// An argument's value, converted to `ty` as Terraform converts it, then to the API's
    /// form by `conv`. `None`: the argument is `null` (not set).
    pub fn argument(
        &mut self,
        name: &str,
        expr: &'m Expr<'s>,
        place: Place,
        ty: &TfType,
        conv: Conv,
    ) -> Option<Node<'s>> {
        let (expr, place) = self.resolve(expr, place);
        if matches!(expr.kind, ExprKind::Null) {
            return None;
        }
        match conv {
            Conv::Value | Conv::ContainerDefinitions => Some(self.typed(name, expr, place, ty)),
            Conv::EnabledDisabled => {
                let node = self.typed(name, expr, place, ty);
                Some(match node.value {
                    Value::Bool(b) => Node {
                        range: node.range,
                        value: Value::String(Cow::Borrowed(if b { "ENABLED" } else { "DISABLED" })),
                    },
                    _ => node,
                })
            }
            Conv::KeyValues { key, value } => {
                let range = place.range(expr.span);
                let ExprKind::Object(items) = &expr.kind else {
                    if expr.is_literal() {
                        self.type_error(name, range, ty);
                    }
                    return Some(unknown(range));
                };
                let inner = match ty {
                    TfType::Map(t) => t,
                    _ => &TfType::String,
                };
                let mut out = Vec::new();
                for item in items {
                    let Some(k) = item.key.name() else {
                        out.push(unknown(place.range(item.span)));
                        continue;
                    };
                    let key_range = place.range(item.key.span());
                    let key_node = Node {
                        range: key_range,
                        value: Value::String(Cow::Owned(k.to_owned())),
                    };
                    let (vexpr, vplace) = self.resolve(&item.value, place);
                    let value_node = self.typed(name, vexpr, vplace, inner);
                    out.push(Node {
                        range: place.range(item.span),
                        value: Value::Object(vec![
                            member(key, key_range, key_node),
                            member(value, value_node.range, value_node),
                        ]),
                    });
                }
                Some(Node {
                    range,
                    value: Value::Array(out),
                })
            }
        }
    }

    /// A value converted to Terraform type `ty`; a literal that cannot be converted is
    /// reported (Terraform refuses it) and becomes unknown.
    pub fn typed(&mut self, name: &str, expr: &'m Expr<'s>, place: Place, ty: &TfType) -> Node<'s> {
        let (expr, place) = self.resolve(expr, place);
        let range = place.range(expr.span);
        let value = match (ty, &expr.kind) {
            (_, ExprKind::Null) => Value::Null,
            (TfType::String, ExprKind::String(s)) => {
                self.scalar(range, place);
                Value::String(s.value.clone())
            }
            (TfType::String, ExprKind::Heredoc(h)) if h.template.is_literal() => {
                Value::String(h.template.literal().unwrap_or_default())
            }
            (TfType::String, ExprKind::Number(n)) => Value::String(Cow::Owned(canonical(n))),
            (TfType::String, ExprKind::Bool(b)) => {
                Value::String(Cow::Borrowed(if *b { "true" } else { "false" }))
            }
            (TfType::Number, ExprKind::Number(n)) => {
                self.scalar(range, place);
                Value::Number(Number {
                    raw: Cow::Owned(canonical(n)),
                })
            }
            (TfType::Number, ExprKind::Unary(UnaryOp::Negate, inner))
                if matches!(inner.kind, ExprKind::Number(_)) =>
            {
                let ExprKind::Number(n) = inner.kind else {
                    unreachable!()
                };
                Value::Number(Number {
                    raw: Cow::Owned(format!("-{}", canonical(n))),
                })
            }
            (TfType::Number, ExprKind::String(s)) => match number_from_string(&s.value) {
                Some(n) => Value::Number(Number { raw: Cow::Owned(n) }),
                None => return self.type_error(name, range, ty),
            },
            (TfType::Bool, ExprKind::Bool(b)) => {
                self.scalar(range, place);
                Value::Bool(*b)
            }
            (TfType::Bool, ExprKind::String(s)) if s.value == "true" || s.value == "false" => {
                Value::Bool(s.value == "true")
            }
            (TfType::List(inner) | TfType::Set(inner), ExprKind::Tuple(items)) => Value::Array(
                items
                    .iter()
                    .map(|i| self.typed(name, i, place, inner))
                    .collect(),
            ),
            (TfType::Map(inner), ExprKind::Object(items)) => Value::Object(
                items
                    .iter()
                    .filter_map(|i| {
                        let k = i.key.name()?.to_owned();
                        let v = self.typed(name, &i.value, place, inner);
                        Some(member_owned(k, place.range(i.key.span()), v))
                    })
                    .collect(),
            ),
            _ if expr.is_literal() => return self.type_error(name, range, ty),
            _ => Value::Unknown,
        };
        Node { range, value }
    }

    fn scalar(&mut self, range: TextRange, place: Place) {
        if place.exact() {
            self.editable.push(Editable {
                range,
                escape: Escape::Hcl,
                inside: false,
            });
        }
    }

    fn type_error(&mut self, name: &str, range: TextRange, ty: &TfType) -> Node<'s> {
        let required = match ty {
            TfType::String => "a string is required".to_owned(),
            TfType::Number => "a number is required".to_owned(),
            TfType::Bool => "a bool is required".to_owned(),
            other => format!("a {} is required", other.describe()),
        };
        self.diagnostic(
            "invalid-type",
            None,
            range,
            format!("Inappropriate value for `{name}`: {required} (terraform validate refuses it)"),
            Some(format!("write a {} here", ty.describe())),
            String::new(),
        );
        unknown(range)
    }

    /// A value as `jsonencode()` encodes it: objects, tuples and literals keep their JSON
    /// types; anything evaluated is unknown.
    pub fn json(&mut self, expr: &'m Expr<'s>, place: Place, depth: usize) -> Node<'s> {
        let (expr, place) = self.resolve(expr, place);
        let range = place.range(expr.span);
        if depth > 64 {
            return unknown(range);
        }
        let value = match &expr.kind {
            ExprKind::Null => Value::Null,
            ExprKind::Bool(b) => {
                self.scalar(range, place);
                Value::Bool(*b)
            }
            ExprKind::Number(n) => {
                self.scalar(range, place);
                Value::Number(Number {
                    raw: Cow::Owned(canonical(n)),
                })
            }
            ExprKind::Unary(UnaryOp::Negate, inner) => match inner.kind {
                ExprKind::Number(n) => Value::Number(Number {
                    raw: Cow::Owned(format!("-{}", canonical(n))),
                }),
                _ => Value::Unknown,
            },
            ExprKind::String(s) => {
                self.scalar(range, place);
                Value::String(s.value.clone())
            }
            ExprKind::Heredoc(h) => match h.template.literal() {
                Some(s) => Value::String(s),
                None => Value::Unknown,
            },
            ExprKind::Template(t) => match t.literal() {
                Some(s) => Value::String(s),
                None => Value::Unknown,
            },
            ExprKind::Tuple(items) => Value::Array(
                items
                    .iter()
                    .map(|i| self.json(i, place, depth + 1))
                    .collect(),
            ),
            ExprKind::Object(items) => {
                let mut members = Vec::with_capacity(items.len());
                for item in items {
                    let key_range = place.range(item.key.span());
                    let name: Cow<'s, str> = match &item.key {
                        ObjectKey::Ident(i) => Cow::Borrowed(i.name),
                        ObjectKey::String(s, _) => s.value.clone(),
                        // A key known only when evaluated: the object's members are not
                        // all known.
                        ObjectKey::Expr(_) => continue,
                    };
                    if place.exact() {
                        self.editable.push(Editable {
                            range: key_range,
                            escape: Escape::Hcl,
                            inside: false,
                        });
                    }
                    let value = self.json(&item.value, place, depth + 1);
                    members.push(Member {
                        key: Key {
                            name,
                            range: key_range,
                        },
                        value,
                    });
                }
                Value::Object(members)
            }
            _ => Value::Unknown,
        };
        Node { range, value }
    }
}

impl super::module::ModFile<'_> {
    /// The 1-based line of an offset of this file.
    pub fn line_of(&self, offset: usize) -> usize {
        self.text
            .as_bytes()
            .get(..offset.min(self.text.len()))
            .map_or(1, |b| b.iter().filter(|&&c| c == b'\n').count() + 1)
    }
}

/// A number as Terraform prints it: `256`, `1.5`, `1000` for `1e3`.
pub(super) fn canonical(raw: &str) -> String {
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = raw.trim_start_matches('0');
        return if trimmed.is_empty() { "0" } else { trimmed }.to_owned();
    }
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Ok(v) if v.is_finite() => crate::text::format_f64(v),
        _ => raw.to_owned(),
    }
}

/// A string Terraform converts to a number (`"256"`, `" 1.5"` is not one).
fn number_from_string(s: &str) -> Option<String> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let valid = !body.is_empty()
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body.parse::<f64>().is_ok_and(f64::is_finite)
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    valid.then(|| {
        let c = canonical(body);
        if s.starts_with('-') {
            format!("-{c}")
        } else {
            c
        }
    })
}

pub(super) fn unknown<'s>(range: TextRange) -> Node<'s> {
    Node {
        range,
        value: Value::Unknown,
    }
}

pub(super) fn member<'s>(name: &'static str, key_range: TextRange, value: Node<'s>) -> Member<'s> {
    Member {
        key: Key {
            name: Cow::Borrowed(name),
            range: key_range,
        },
        value,
    }
}

pub(super) fn member_owned<'s>(name: String, key_range: TextRange, value: Node<'s>) -> Member<'s> {
    Member {
        key: Key {
            name: Cow::Owned(name),
            range: key_range,
        },
        value,
    }
}

/// A JSON tree that owns its strings (for trees parsed from a decoded string).
pub(super) fn into_owned(node: Node<'_>) -> Node<'static> {
    let value = match node.value {
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(b),
        Value::Unknown => Value::Unknown,
        Value::Number(n) => Value::Number(Number {
            raw: Cow::Owned(n.raw.into_owned()),
        }),
        Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
        Value::Array(items) => Value::Array(items.into_iter().map(into_owned).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|m| Member {
                    key: Key {
                        name: Cow::Owned(m.key.name.into_owned()),
                        range: m.key.range,
                    },
                    value: into_owned(m.value),
                })
                .collect(),
        ),
    };
    Node {
        range: node.range,
        value,
    }
}

/// Applies `f` to every range of a tree (values and keys).
pub(super) fn map_ranges(node: &mut Node<'_>, f: &mut impl FnMut(TextRange) -> TextRange) {
    node.range = f(node.range);
    match &mut node.value {
        Value::Array(items) => {
            for item in items {
                map_ranges(item, f);
            }
        }
        Value::Object(members) => {
            for m in members {
                m.key.range = f(m.key.range);
                map_ranges(&mut m.value, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_terraform_prints_them() {
        assert_eq!(canonical("256"), "256");
        assert_eq!(canonical("007"), "7");
        assert_eq!(canonical("1e3"), "1000");
        assert_eq!(canonical("1.50"), "1.5");
        assert_eq!(number_from_string("512").as_deref(), Some("512"));
        assert_eq!(number_from_string("-1").as_deref(), Some("-1"));
        assert_eq!(number_from_string("abc"), None);
        assert_eq!(number_from_string(""), None);
        assert_eq!(number_from_string(" 5"), None);
    }
}
