//! Shared by the tag rules. Tags apply to task definitions (`tags`) and to services
//! (`CreateService.tags`): each rule checks one `List<Tag>`, and [`document_tags`] says which
//! list a document has. The rules and their ids are the same for both kinds of document.

use crate::document::Document;
use crate::model::{List, Tag};

/// The tag list of the document: the task definition's `tags`, or the service's.
pub(crate) fn document_tags<'a>(doc: &Document<'a>) -> Option<List<'a, Tag<'a>>> {
    doc.task_definition
        .and_then(|t| t.tags())
        .or_else(|| doc.service.and_then(|s| s.tags()))
}

/// A character the tag key pattern allows: Unicode letters, numbers and separators
/// (`\p{L}\p{N}\p{Z}`) and `_ . : / = + - @`. `char::is_alphabetic` is slightly wider than
/// `\p{L}` (it includes some combining marks), so a few characters AWS refuses pass: never
/// the other way round.
pub(crate) fn tag_char(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || (c.is_whitespace() && !c.is_control())
        || "_.:/=+-@".contains(c)
}

/// `"\t"` → `` `\t` ``, `"é"` → `` `é` ``: a character for a message.
pub(crate) fn show_char(c: char) -> String {
    if c.is_control() || c == ' ' {
        format!("`{}` (U+{:04X})", c.escape_default(), c as u32)
    } else {
        format!("`{c}`")
    }
}
