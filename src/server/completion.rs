//! Completion from the API model (`ecslint_core::locate`): the member names of the structure
//! at the cursor (those not written yet; required ones first), and the values of an enum or
//! a boolean field.

use ecslint_core::locate::{locate, Place};
use ecslint_core::model::Type;
use ecslint_core::text::TextRange;
use ecslint_core::DocumentKind;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, Position, TextEdit,
};

use super::hover::{allowed_values, field_docs, type_name};
use super::positions::{Encoding, LineIndex};

/// The completions at `position` of `text`, a document of `kind` named `name`.
pub fn complete(
    text: &str,
    kind: Option<DocumentKind>,
    name: &str,
    position: Position,
    encoding: Encoding,
    markdown: bool,
) -> Option<CompletionList> {
    let index = LineIndex::new(text);
    let offset = index.offset(text, position, encoding);
    let kind = kind.filter(|k| *k != DocumentKind::Unknown);
    let loc = locate(text, offset, kind, Some(name))?;
    let docs = |value: String| {
        Some(Documentation::MarkupContent(MarkupContent {
            kind: if markdown {
                MarkupKind::Markdown
            } else {
                MarkupKind::PlainText
            },
            value,
        }))
    };
    // What an item replaces: the token at the cursor, else nothing (an insertion).
    let replace = |range: Option<TextRange>| {
        let range = range.unwrap_or(TextRange::empty(offset));
        index.range(text, range, encoding)
    };
    let items: Vec<CompletionItem> = match &loc.place {
        Place::Key {
            shape,
            written,
            range,
            siblings,
        } => {
            let range = replace(*range);
            // With no key written yet, the item writes the colon too.
            let colon = if written.is_none() { ": " } else { "" };
            shape
                .members
                .iter()
                .filter(|m| !siblings.iter().any(|s| s == m.name))
                .map(|m| CompletionItem {
                    label: m.name.to_owned(),
                    kind: Some(CompletionItemKind::FIELD),
                    detail: Some(if m.required {
                        format!("{} (required)", type_name(m.ty))
                    } else {
                        type_name(m.ty)
                    }),
                    documentation: docs(field_docs(m, false)),
                    tags: m.deprecated.then(|| vec![CompletionItemTag::DEPRECATED]),
                    sort_text: Some(format!("{}{}", u8::from(!m.required), m.name)),
                    filter_text: Some(format!("\"{}\"", m.name)),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                        range,
                        format!("\"{}\"{colon}", m.name),
                    ))),
                    ..Default::default()
                })
                .collect()
        }
        Place::Value { ty, range, .. } => {
            let range = replace(*range);
            let values: Vec<(String, CompletionItemKind)> = match ty {
                Type::Boolean => ["true", "false"]
                    .iter()
                    .map(|v| ((*v).to_owned(), CompletionItemKind::VALUE))
                    .collect(),
                _ => allowed_values(ty)
                    .iter()
                    .map(|v| (format!("\"{v}\""), CompletionItemKind::ENUM_MEMBER))
                    .collect(),
            };
            values
                .into_iter()
                .map(|(value, kind)| CompletionItem {
                    label: value.trim_matches('"').to_owned(),
                    kind: Some(kind),
                    detail: Some(type_name(ty)),
                    filter_text: Some(value.clone()),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, value))),
                    ..Default::default()
                })
                .collect()
        }
    };
    Some(CompletionList {
        is_incomplete: false,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let at = text.find('|').unwrap();
        let text = text.replacen('|', "", 1);
        let pos = LineIndex::new(&text).position(&text, at, Encoding::Utf16);
        complete(&text, None, "taskdef.json", pos, Encoding::Utf16, true)
            .map(|l| l.items.into_iter().map(|i| i.label).collect())
            .unwrap_or_default()
    }

    #[test]
    fn keys_not_written_yet_and_enum_values() {
        let keys = labels(r#"{"family": "x", "containerDefinitions": [], "netw|"}"#);
        assert!(keys.contains(&"networkMode".to_owned()));
        assert!(!keys.contains(&"family".to_owned()));
        let values = labels(r#"{"family": "x", "containerDefinitions": [], "networkMode": "|"}"#);
        assert_eq!(values, ["bridge", "host", "awsvpc", "none"]);
        let bools = labels(r#"{"family": "x", "containerDefinitions": [{"essential": |}]}"#);
        assert_eq!(bools, ["true", "false"]);
        assert!(labels(r#"{"name": "x", "scripts": {"|"}}"#).is_empty());
    }
}
