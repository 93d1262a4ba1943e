//! Hovers: on a diagnostic, its rule's documentation (what it does and why, as the VS Code
//! extension shows it); on any key or value of an ECS field, the field's documentation,
//! type and allowed values from the API model (`ecslint_core::locate`).

use ecslint_core::locate::{locate, Place};
use ecslint_core::model::{Member, Type};
use ecslint_core::registry;
use ecslint_core::text::TextRange;
use ecslint_core::DocumentKind;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::analysis::Analysis;
use super::positions::{Encoding, LineIndex};

/// The hover at `position`.
pub fn hover(
    analysis: &Analysis,
    position: Position,
    encoding: Encoding,
    markdown: bool,
) -> Option<Hover> {
    let text = analysis.text.as_str();
    let index = LineIndex::new(text);
    let offset = index.offset(text, position, encoding);
    let mut parts: Vec<String> = Vec::new();
    let mut range: Option<TextRange> = None;

    if let Some(result) = &analysis.result {
        let mut seen = Vec::new();
        for d in &result.diagnostics {
            if d.range.start <= offset && offset <= d.range.end && !seen.contains(&d.rule) {
                seen.push(d.rule);
                range.get_or_insert(d.range);
                if let Some(meta) = registry::find(d.rule) {
                    parts.push(format!(
                        "**ecslint** `{}` — {}, {} by default\n\n{}",
                        meta.id,
                        meta.category.as_str(),
                        meta.severity,
                        rule_docs(&meta.docs())
                    ));
                }
            }
        }
    }
    // The character under the cursor: a hover at the opening quote of a key is on the key.
    let next = text[offset..].chars().next().map_or(0, char::len_utf8);
    let kind = analysis.kind().filter(|k| *k != DocumentKind::Unknown);
    let located = [offset, offset + next].into_iter().find_map(|at| {
        let loc = locate(text, at, kind, Some(&analysis.shown))?;
        let token = match &loc.place {
            Place::Key { range, .. } | Place::Value { range, .. } => (*range)?,
        };
        (token.start <= offset && offset < token.end.max(token.start + 1)).then_some((loc, token))
    });
    if let Some((loc, token)) = located {
        if let Some(member) = loc.place.member() {
            parts.push(field_docs(member, matches!(loc.place, Place::Value { .. })));
            range.get_or_insert(token);
        }
    }
    if parts.is_empty() {
        return None;
    }
    let value = parts.join("\n\n---\n\n");
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: if markdown {
                MarkupKind::Markdown
            } else {
                MarkupKind::PlainText
            },
            value: if markdown { value } else { plain(&value) },
        }),
        range: range.map(|r| index.range(text, r, encoding)),
    })
}

/// What a hover shows of a rule's documentation: "What it does" and "Why is this bad?".
fn rule_docs(docs: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in docs.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            keep = title.starts_with("What it does") || title.starts_with("Why is this bad");
            if keep {
                out.push_str(&format!("**{title}**\n"));
            }
            continue;
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim().to_owned()
}

/// A field's documentation: name, type, required, allowed values, the model's text.
pub fn field_docs(member: &Member, value: bool) -> String {
    let mut out = format!("**`{}`** — {}", member.name, type_name(member.ty));
    if member.required {
        out.push_str(", required");
    }
    if member.deprecated {
        out.push_str(", deprecated");
    }
    out.push_str("\n\n");
    out.push_str(member.doc.trim());
    let values = allowed_values(member.ty);
    if !values.is_empty() {
        out.push_str("\n\nAllowed values: ");
        out.push_str(
            &values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if value {
        if let Some(range) = bounds(member.ty) {
            out.push_str(&format!("\n\nRange: {range}"));
        }
    }
    out
}

/// The enum values a type (or its elements) takes.
pub fn allowed_values(ty: &Type) -> &'static [&'static str] {
    match ty {
        Type::Enum(e) => e.values,
        Type::List { member, .. } => allowed_values(member),
        _ => &[],
    }
}

fn bounds(ty: &Type) -> Option<String> {
    match ty {
        Type::Integer { min, max } | Type::Long { min, max } => match (min, max) {
            (Some(a), Some(b)) => Some(format!("{a} to {b}")),
            (Some(a), None) => Some(format!("at least {a}")),
            (None, Some(b)) => Some(format!("at most {b}")),
            (None, None) => None,
        },
        _ => None,
    }
}

/// How a type is named in hovers and completion details.
pub fn type_name(ty: &Type) -> String {
    match ty {
        Type::String { .. } => "string".to_owned(),
        Type::Enum(e) => format!("string ({})", e.name),
        Type::Integer { .. } | Type::Long { .. } => "integer".to_owned(),
        Type::Boolean => "boolean".to_owned(),
        Type::Double => "number".to_owned(),
        Type::Timestamp => "timestamp".to_owned(),
        Type::List { member, .. } => format!("array of {}", type_name(member)),
        Type::Map { value } => format!("object of {}", type_name(value)),
        Type::Structure(shape) => format!("object ({})", shape.name),
    }
}

/// Markdown as plain text: the emphasis and code marks removed.
fn plain(markdown: &str) -> String {
    markdown.replace("**", "").replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecslint_core::model::CONTAINER_DEFINITION;

    #[test]
    fn field_docs_say_type_and_values() {
        let m = CONTAINER_DEFINITION.member("essential").unwrap();
        assert!(field_docs(m, false).starts_with("**`essential`** — boolean"));
        let v = ecslint_core::model::REGISTER_TASK_DEFINITION_REQUEST
            .member("networkMode")
            .unwrap();
        assert!(field_docs(v, false).contains("Allowed values: `bridge`"));
    }

    #[test]
    fn rule_docs_keep_what_and_why() {
        let docs = registry::find("invalid-type").unwrap().docs();
        let shown = rule_docs(&docs);
        assert!(shown.starts_with("**What it does**"));
        assert!(shown.contains("**Why is this bad?**"));
        assert!(!shown.contains("## Example"));
    }
}
