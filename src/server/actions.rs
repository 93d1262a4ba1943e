//! Code actions: one quick fix per fixable diagnostic at the requested range (the core's
//! `Fix`, its byte ranges converted), and "fix all safe problems" (`ecslint check --fix` on
//! the document: `fix::fix_all`, sent as one minimal edit so the cursor and the undo stack
//! stay sane), as a `source.fixAll.ecslint` action and, when there is more than one safe fix,
//! as a quick fix too.

use std::collections::HashMap;

use ecslint_core::fix::fix_all;
use ecslint_core::text::TextRange;
use ecslint_core::Applicability;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::analysis::Analysis;
use super::diagnostics;
use super::positions::{Encoding, LineIndex};

/// The kind of "fix all": `source.fixAll.ecslint`.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.ecslint")
}

/// Whether an action of `kind` is wanted by a request's `only` (a kind matches itself and
/// the kinds it prefixes: `source.fixAll` takes `source.fixAll.ecslint`).
fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    let Some(only) = only else { return true };
    only.iter().any(|o| {
        let o = o.as_str();
        kind.as_str() == o || kind.as_str().starts_with(&format!("{o}."))
    })
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// The code actions for `range` of the document.
pub fn code_actions(
    analysis: &Analysis,
    range: Range,
    only: Option<&[CodeActionKind]>,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let Some(result) = &analysis.result else {
        return Vec::new();
    };
    let text = analysis.text.as_str();
    let index = LineIndex::new(text);
    let start = index.offset(text, range.start, encoding);
    let end = index.offset(text, range.end, encoding);
    let mut actions = Vec::new();
    let all = diagnostics::to_lsp(analysis, encoding);
    if wanted(&CodeActionKind::QUICKFIX, only) {
        for (d, shown) in result.diagnostics.iter().zip(&all) {
            let Some(fix) = &d.fix else { continue };
            // Touching counts: a cursor at either end of the diagnostic.
            if fix.edits.is_empty() || d.range.end < start || end < d.range.start {
                continue;
            }
            let safe = fix.applicability == Applicability::Safe;
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(index.range(text, e.range, encoding), e.new_text.clone()))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    format!("Fix: {}", fix.message)
                } else {
                    format!("Fix: {} (unsafe)", fix.message)
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(edit(&analysis.uri, edits)),
                is_preferred: Some(safe),
                ..Default::default()
            }));
        }
    }
    let safe_fixes = result
        .diagnostics
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        })
        .count();
    let as_quick_fix = !actions.is_empty() && safe_fixes > 1;
    let as_source = wanted(&fix_all_kind(), only) && safe_fixes > 0;
    if as_quick_fix || as_source {
        if let Some(edit_all) = fix_all_edit(analysis, encoding) {
            if as_quick_fix {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all {safe_fixes} safe ecslint problems in this file"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(edit(&analysis.uri, vec![edit_all.clone()])),
                    ..Default::default()
                }));
            }
            if as_source {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: "Fix all safe ecslint problems".to_owned(),
                    kind: Some(fix_all_kind()),
                    edit: Some(edit(&analysis.uri, vec![edit_all])),
                    ..Default::default()
                }));
            }
        }
    }
    actions
}

/// "Fix all safe problems" as one edit, `None` when nothing is fixed.
pub fn fix_all_edit(analysis: &Analysis, encoding: Encoding) -> Option<TextEdit> {
    let text = analysis.text.as_str();
    let files = analysis.source_files();
    let outcome = fix_all(text, &analysis.options(&files), Applicability::Safe)?;
    let (range, new_text) = minimal_edit(text, &outcome.text)?;
    let index = LineIndex::new(text);
    Some(TextEdit::new(
        index.range(text, range, encoding),
        new_text.to_owned(),
    ))
}

/// The one edit that turns `before` into `after` (their common prefix and suffix kept, on
/// character boundaries). `None` when they are equal.
pub fn minimal_edit<'a>(before: &str, after: &'a str) -> Option<(TextRange, &'a str)> {
    if before == after {
        return None;
    }
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let mut start = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    while !before.is_char_boundary(start) || !after.is_char_boundary(start) {
        start -= 1;
    }
    let max = b.len().min(a.len()) - start;
    let mut end = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(max)
        .take_while(|(x, y)| x == y)
        .count();
    while !before.is_char_boundary(b.len() - end) || !after.is_char_boundary(a.len() - end) {
        end -= 1;
    }
    Some((
        TextRange::new(start, b.len() - end),
        &after[start..a.len() - end],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(before: &str, after: &str) -> String {
        let (range, new) = minimal_edit(before, after).unwrap();
        format!("{}{new}{}", &before[..range.start], &before[range.end..])
    }

    #[test]
    fn minimal_edits_keep_prefix_and_suffix_on_character_boundaries() {
        for (before, after) in [
            ("{\"cpu\": 256}", "{\"cpu\": \"256\"}"),
            ("aé", "aè"),
            ("😀x😀", "😁x😀"),
            ("abc", ""),
            ("", "abc"),
            ("aaa", "aa"),
        ] {
            assert_eq!(apply(before, after), after, "{before} -> {after}");
        }
        assert!(minimal_edit("x", "x").is_none());
        let (range, new) = minimal_edit("{\"a\": 1,}", "{\"a\": 1}").unwrap();
        assert_eq!((range, new), (TextRange::new(7, 8), ""));
    }

    #[test]
    fn kinds_match_by_prefix() {
        let only = [CodeActionKind::new("source.fixAll")];
        assert!(wanted(&fix_all_kind(), Some(&only)));
        assert!(!wanted(&CodeActionKind::QUICKFIX, Some(&only)));
        assert!(wanted(&CodeActionKind::QUICKFIX, None));
        assert!(!wanted(
            &fix_all_kind(),
            Some(&[CodeActionKind::new("source.fix")])
        ));
    }
}
