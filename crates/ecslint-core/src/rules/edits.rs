//! Text edits shared by rules' fixes: they keep the file's own layout.

use crate::diagnostic::Edit;
use crate::json::Member;
use crate::text::TextRange;

/// Inserts `"key": value` as a new member just before `before`, on its own line with the same
/// indentation when `before` starts a line, else inline.
pub fn insert_member_before(text: &str, before: &Member<'_>, member: &str) -> Edit {
    let start = before.key.range.start;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..start];
    if indent.chars().all(|c| c == ' ' || c == '\t') {
        Edit::insert(start, format!("{member},\n{indent}"))
    } else {
        Edit::insert(start, format!("{member}, "))
    }
}

/// Removes `member` from `members` with its comma, leaving the rest of the layout alone.
pub fn remove_member(members: &[Member<'_>], member: &Member<'_>) -> Edit {
    Edit::delete(crate::rules::structure::walk::member_removal(
        members, member,
    ))
}

/// The one-character range of an object's or array's opening bracket, where problems about
/// the whole value are reported when it has no key.
pub fn opening(range: TextRange) -> TextRange {
    TextRange::new(range.start, (range.start + 1).min(range.end))
}
