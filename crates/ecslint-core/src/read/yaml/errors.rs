//! saphyr-parser's syntax errors, said plainly: where, what was expected, how to fix it.

use super::build::{skip_space_and_comments, Builder, INVALID_YAML};
use crate::json::SyntaxProblem;
use crate::text::TextRange;

/// 1-based line and 0-based column (characters) of `pos`.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count())
}

/// The leading spaces of the line that holds `pos`.
fn indentation(text: &str, pos: usize) -> usize {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..]
        .bytes()
        .take_while(|&b| b == b' ')
        .count()
}

fn spaces(n: usize) -> String {
    match n {
        1 => "1 space".to_owned(),
        n => format!("{n} spaces"),
    }
}

/// The first token at or after `pos` (for messages), shortened.
fn token_at(text: &str, pos: usize) -> String {
    let rest = &text[pos..];
    let token: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(20)
        .collect();
    token
}

pub(super) fn describe(b: &Builder<'_>, info: &str, at: usize) -> SyntaxProblem {
    let text = b.text;
    let at = at.min(text.len());
    let mut range = b.char_range(at);
    if range.is_empty() || text[at..].trim().is_empty() && !info.contains("tab") {
        // At the end: show the last character, as the JSON parser does.
        let trimmed = text.trim_end();
        range = match trimmed.chars().next_back() {
            Some(c) => TextRange::new(trimmed.len() - c.len_utf8(), trimmed.len()),
            None => TextRange::empty(text.len()),
        };
    }
    let mut related = None;
    let innermost_block = b.stack.iter().rev().find(|f| !f.flow);
    let innermost_flow = b.stack.iter().rev().find(|f| f.flow);
    let (message, help): (String, String) = if info.contains("tab") {
        // The tab itself: the first one on the line of the error, from its start.
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if let Some(i) = text[line_start..].find('\t') {
            range = TextRange::new(line_start + i, line_start + i + 1);
        }
        (
            "a tab in the indentation: YAML indents with spaces only".to_owned(),
            "replace the tab with spaces, as many as the lines around it use".to_owned(),
        )
    } else if let (Some(flow), true) = (
        innermost_flow,
        info.contains("flow")
            || info.contains("illegal placement of ':'")
            || info.contains("misplaced bracket")
            || info.contains("unexpected eof")
            || info.contains("did not find expected node content"),
    ) {
        let opener = b.char_range(flow.props.content_start);
        let open = &text[opener.start..opener.end];
        let close = if open == "[" { "]" } else { "}" };
        let (line, _) = line_col(text, opener.start);
        related = Some((opener, format!("the `{open}` opened here")));
        (
            format!("expected `,` or `{close}` here: the `{open}` of line {line} is not closed"),
            format!("close it with `{close}`, and separate its items with commas"),
        )
    } else if info.contains("did not find expected key")
        || info.contains("did not find expected '-'")
        || info.contains("invalid indentation")
    {
        let found = indentation(text, at);
        let token = token_at(text, at);
        match innermost_block {
            Some(frame) if frame.is_mapping() && line_col(text, frame.props.content_start.min(text.len())).1 == found => (
                format!("expected the next `key:` of the mapping here, found `{token}`"),
                "each line of a mapping is `key: value`; a quoted value runs on to its closing quote, so check the quotes on this line and above".to_owned(),
            ),
            Some(frame) => {
                let first = frame.props.content_start.min(text.len());
                let (line, col) = line_col(text, first);
                let what = if frame.is_mapping() { "key" } else { "`-` item" };
                related = Some((b.char_range(first), format!("this {} starts at column {}", if frame.is_mapping() { "mapping's first key" } else { "list's first item" }, col + 1)));
                (
                    format!(
                        "bad indentation: `{token}` is indented {}, but the {} of the {} that starts on line {line} are indented {}",
                        spaces(found),
                        if frame.is_mapping() { "keys" } else { "items" },
                        if frame.is_mapping() { "mapping" } else { "list" },
                        spaces(col)
                    ),
                    format!("indent a {what} of that {} by {}, or a nested one by more; YAML nests by indentation", if frame.is_mapping() { "mapping" } else { "list" }, spaces(col)),
                )
            }
            None => (
                format!("bad indentation: `{token}` is indented {}", spaces(found)),
                "align it with the keys or items it belongs with; YAML nests by indentation".to_owned(),
            ),
        }
    } else if info.contains("mapping values are not allowed") {
        (
            "unexpected `:` here: a plain value cannot contain a colon followed by a space".to_owned(),
            "quote the value (`\"a: b\"`), or, for a nested mapping, start it on the next line, indented".to_owned(),
        )
    } else if info.contains("block sequence entries are not allowed") {
        (
            "a `-` list item cannot start on the line of its key".to_owned(),
            "start the list on the next line, indented: `key:` then `  - item`".to_owned(),
        )
    } else if info.contains("quoted scalar, found unexpected end of stream")
        || info.contains("found unexpected document indicator")
    {
        let quote = text[at..]
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .unwrap_or('"');
        (
            format!("this quoted string is not closed: no `{quote}` ends it"),
            format!("end the string with `{quote}`"),
        )
    } else if info.contains("unknown escape character") {
        // saphyr points at the string; the escape is the first `\x` YAML does not know.
        let mut escape = String::from("\\");
        let mut chars = text[at..].char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some((_, e)) if "0abt\tnvfre \"/\\N_LPxuU\n\r".contains(e) => {}
                    Some((_, e)) => {
                        escape.push(e);
                        range = TextRange::new(at + i, at + i + 1 + e.len_utf8());
                        break;
                    }
                    None => break,
                }
            } else if c == '"' {
                break;
            }
        }
        (
            format!("unknown escape `{escape}` in a double-quoted string"),
            "write a backslash as `\\\\`, or use single quotes, where `\\` is an ordinary character".to_owned(),
        )
    } else if info.contains("unknown anchor") {
        let name = token_at(text, at);
        range = TextRange::new(at, at + name.len());
        (
            format!("the alias `{name}` refers to no anchor defined before it"),
            format!(
                "define `&{}` on a node above this alias, or fix the name",
                name.trim_start_matches('*')
            ),
        )
    } else if info.contains("duplicated anchor") {
        (
            "this anchor name is already used in the document".to_owned(),
            "give each anchor its own name".to_owned(),
        )
    } else {
        let next = skip_space_and_comments(text.as_bytes(), at);
        if next > at && next < text.len() {
            range = b.char_range(next);
        }
        (
            info.to_owned(),
            "check the YAML syntax at this place".to_owned(),
        )
    };
    SyntaxProblem {
        rule: INVALID_YAML,
        message,
        help: Some(help),
        range,
        fix: None,
        related,
    }
}
