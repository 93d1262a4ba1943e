//! Masks the values of environment variables in text shown to people.
//!
//! Source snippets print whole lines of the linted file, and a task definition's
//! `environment` often holds credentials that must not reach a CI log. Every value of an
//! `environment` entry's `value` (duplicates and PascalCase copies included) is replaced with
//! `*`s of the same byte length (inside the quotes of a string; a number, `true`, `false` or `null` whole), so
//! that diagnostic ranges still line up.

use std::borrow::Cow;

use ecslint_core::json::{self, Node, Value};
use ecslint_core::text::TextRange;

/// `text` with the contents of every `environment[*].value` string masked.
pub fn environment_values(text: &str) -> Cow<'_, str> {
    let parsed = json::parse(text);
    let Some(root) = parsed.root.as_ref() else {
        return Cow::Borrowed(text);
    };
    let mut ranges = Vec::new();
    collect(root, &mut ranges);
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_owned();
    for (range, quoted) in ranges {
        // Keep a string's quotes; the text between them is ASCII-only afterwards.
        let inner = if quoted {
            TextRange::new(range.start + 1, range.end.saturating_sub(1))
        } else {
            range
        };
        if inner.start < inner.end
            && out.is_char_boundary(inner.start)
            && out.is_char_boundary(inner.end)
        {
            out.replace_range(inner.start..inner.end, &"*".repeat(inner.len()));
        }
    }
    Cow::Owned(out)
}

/// The ranges of environment values, and whether each is a string (masked inside its quotes).
fn collect(node: &Node<'_>, ranges: &mut Vec<(TextRange, bool)>) {
    match &node.value {
        Value::Object(members) => {
            for member in members {
                if member.key.name.eq_ignore_ascii_case("environment") {
                    let entries = member.value.as_array().unwrap_or_default();
                    let values = entries
                        .iter()
                        .flat_map(|entry| entry.as_object().unwrap_or_default())
                        .filter(|m| m.key.name.eq_ignore_ascii_case("value"));
                    for m in values {
                        match m.value.value {
                            Value::String(_) => ranges.push((m.value.range, true)),
                            // A number, `true`, `false` or `null`: on one line, masked whole.
                            Value::Number(_) | Value::Bool(_) | Value::Null => {
                                ranges.push((m.value.range, false))
                            }
                            Value::Array(_) | Value::Object(_) | Value::Unknown => {}
                        }
                    }
                }
                collect(&member.value, ranges);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, ranges)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_environment_values_only() {
        let text = r#"{"containerDefinitions":[{"name":"é","environment":[{"name":"K","value":"sécret"}]}]}"#;
        let masked = environment_values(text);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("sécret"));
        assert!(masked.contains(r#""name":"K""#));
        assert!(masked.contains(r#""name":"é""#));
        let text = r#"[{"environment":[{"name":"N","value":48213},{"name":"B","value":true}]}]"#;
        let masked = environment_values(text);
        assert_eq!(masked.len(), text.len());
        assert!(
            !masked.contains("48213") && !masked.contains("true"),
            "{masked}"
        );
    }
}
