//! botocore's HTML documentation → plain, Markdown-ish text.
//!
//! `<code>x</code>` → `` `x` ``, `<p>` → paragraphs separated by a blank line, `<li>` → `- `
//! items, `<a href="URL">text</a>` → `text (URL)`; other tags are dropped, entities decoded
//! and whitespace collapsed.

/// The longest `Shape.doc` / `Member.doc` kept, in bytes. The text shows in editor hovers and
/// the JSON Schema: the first sentences say what a field is; botocore has the rest. It is
/// compiled into the CLI and, for the npm package, written to its docs asset rather than its
/// WebAssembly (`crates/ecslint-core/src/docs.rs`; in the WebAssembly, 1200 cost 12.7 KB more
/// gzipped than 400).
pub const DOC_CAP: usize = 400;

#[derive(PartialEq)]
enum Block {
    Paragraph,
    Item,
}

struct Converter {
    blocks: Vec<(Block, String)>,
    current: String,
    current_kind: Block,
    /// Inside `<code>`: the text of the code span so far.
    code: Option<String>,
    /// Inside `<a>`: the link target and the text so far.
    link: Option<(String, String)>,
}

impl Converter {
    fn new() -> Self {
        Converter {
            blocks: Vec::new(),
            current: String::new(),
            current_kind: Block::Paragraph,
            code: None,
            link: None,
        }
    }

    fn flush(&mut self) {
        let text = collapse_whitespace(&self.current);
        let is_empty_item = self.current_kind == Block::Item && text == "-";
        if !text.is_empty() && !is_empty_item {
            let kind = std::mem::replace(&mut self.current_kind, Block::Paragraph);
            self.blocks.push((kind, text));
        }
        self.current.clear();
        self.current_kind = Block::Paragraph;
    }

    /// Starts a new paragraph unless the current block is a list item that has no text yet
    /// (`<li> <p>text</p> </li>`).
    fn paragraph_break(&mut self) {
        if self.current_kind == Block::Item && self.current.trim() == "-" {
            return;
        }
        self.flush();
    }

    fn push_text(&mut self, text: &str) {
        if let Some(code) = &mut self.code {
            code.push_str(text);
        } else if let Some((_, link_text)) = &mut self.link {
            link_text.push_str(text);
        } else {
            self.current.push_str(text);
        }
    }

    fn push_inline(&mut self, text: &str) {
        if let Some((_, link_text)) = &mut self.link {
            link_text.push_str(text);
        } else {
            self.current.push_str(text);
        }
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with('/');
        let body = tag.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("code", false) if self.code.is_none() => self.code = Some(String::new()),
            ("code", true) => {
                if let Some(code) = self.code.take() {
                    let code = collapse_whitespace(&code);
                    if !code.is_empty() {
                        self.push_inline(&format!("`{code}`"));
                    }
                }
            }
            ("a", false) => {
                let href = attribute(body, "href").unwrap_or_default();
                self.link = Some((href, String::new()));
            }
            ("a", true) => {
                if let Some((href, text)) = self.link.take() {
                    let text = collapse_whitespace(&text);
                    let rendered = if href.is_empty() || text == href {
                        if text.is_empty() {
                            href
                        } else {
                            text
                        }
                    } else if text.is_empty() {
                        href
                    } else {
                        format!("{text} ({href})")
                    };
                    self.current.push_str(&rendered);
                }
            }
            ("li", false) => {
                self.flush();
                self.current_kind = Block::Item;
                self.current.push_str("- ");
            }
            ("li", true) => self.flush(),
            ("p" | "ul" | "ol" | "dl" | "dt" | "dd" | "note" | "important" | "br", _) => {
                self.paragraph_break()
            }
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        if let Some(code) = self.code.take() {
            self.current.push_str(&code);
        }
        if let Some((_, text)) = self.link.take() {
            self.current.push_str(&text);
        }
        self.flush();
        let mut out = String::new();
        let mut prev: Option<&Block> = None;
        for (kind, text) in &self.blocks {
            if let Some(prev) = prev {
                out.push_str(if *prev == Block::Item && *kind == Block::Item {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            out.push_str(text);
            prev = Some(kind);
        }
        out
    }
}

/// Converts botocore's HTML documentation to plain text.
pub fn html_to_text(html: &str) -> String {
    let mut conv = Converter::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(start) => {
                conv.push_text(&decode_entities(&rest[..start]));
                match rest[start..].find('>') {
                    Some(end) => {
                        conv.tag(&rest[start + 1..start + end]);
                        rest = &rest[start + end + 1..];
                    }
                    None => {
                        conv.push_text(&decode_entities(&rest[start..]));
                        rest = "";
                    }
                }
            }
            None => {
                conv.push_text(&decode_entities(rest));
                rest = "";
            }
        }
    }
    conv.finish()
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let pos = tag.find(&format!("{name}="))?;
    let after = &tag[pos + name.len() + 1..];
    let quote = after.chars().next()?;
    if quote == '"' || quote == '\'' {
        let value = &after[1..];
        let end = value.find(quote)?;
        Some(decode_entities(&value[..end]))
    } else {
        let end = after.find(char::is_whitespace).unwrap_or(after.len());
        Some(decode_entities(&after[..end]))
    }
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let entity = &tail[1..semi];
            let c = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offsets just past each sentence end (`.`, `!`, `?` outside a code span, followed by
/// whitespace or the end, and not the end of `e.g.`, `i.e.` or `etc.`).
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut in_code = false;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'`' => in_code = !in_code,
            b'.' | b'!' | b'?' if !in_code => {
                let followed_by_space = bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace());
                let before = &text[..i];
                let abbreviation = b == b'.'
                    && ["e.g", "i.e", "etc", "vs"]
                        .iter()
                        .any(|a| before.to_ascii_lowercase().ends_with(a));
                if followed_by_space && !abbreviation {
                    ends.push(i + 1);
                }
            }
            _ => {}
        }
    }
    ends
}

/// `text`, cut to at most about [`DOC_CAP`] bytes at a paragraph or sentence boundary, with
/// `…` marking the cut.
pub fn cap(text: &str) -> String {
    cap_at(text, DOC_CAP)
}

fn cap_at(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_string();
    }
    // The last paragraph (or list item) boundary that keeps the text within the limit.
    let paragraph_cut = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .filter(|&i| i <= limit)
        .map(|i| text[..i].trim_end().len())
        .max()
        .unwrap_or(0);
    let sentence_cut = sentence_ends(text)
        .into_iter()
        .filter(|&i| i <= limit)
        .max()
        .unwrap_or(0);
    if paragraph_cut > 0 && paragraph_cut * 4 >= limit * 3 {
        return format!("{}\n\n…", &text[..paragraph_cut]);
    }
    if sentence_cut > 0 && sentence_cut >= paragraph_cut {
        return format!("{} …", &text[..sentence_cut]);
    }
    if paragraph_cut > 0 {
        return format!("{}\n\n…", &text[..paragraph_cut]);
    }
    // No boundary at all: cut at the last space before the limit.
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind(' ').unwrap_or(end);
    format!("{} …", &text[..end])
}

/// The first sentence of the first paragraph, for a `///` line.
pub fn first_sentence(text: &str) -> String {
    let paragraph = text.split('\n').next().unwrap_or("").trim();
    match sentence_ends(paragraph).first() {
        Some(&end) => paragraph[..end].to_string(),
        None => paragraph.to_string(),
    }
}

/// Makes `text` safe as the body of one `///` line: outside code spans, Markdown link
/// brackets and HTML-looking angle brackets are escaped and bare URLs wrapped in `<…>`.
pub fn doc_comment_line(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(part);
            continue;
        }
        let mut rest = part;
        while !rest.is_empty() {
            let url_start = ["https://", "http://"]
                .iter()
                .filter_map(|p| rest.find(p))
                .min();
            let (plain, url) = match url_start {
                Some(start) => {
                    let tail = &rest[start..];
                    let end = tail
                        .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                        .unwrap_or(tail.len());
                    (&rest[..start], Some(&tail[..end]))
                }
                None => (rest, None),
            };
            for c in plain.chars() {
                if matches!(c, '[' | ']' | '<' | '>' | '\\') {
                    out.push('\\');
                }
                out.push(c);
            }
            match url {
                Some(url) => {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                    rest = &rest[plain.len() + url.len()..];
                }
                None => rest = "",
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_tags_and_entities() {
        let html = "<p>The <code>awsvpc</code> mode &amp; <i>more</i>. See <a href=\"https://x.example/a\">the guide</a>.</p> <ul> <li> <p>one &lt;x&gt;</p> </li> <li> <p>two</p> </li> </ul> <p>End.</p>";
        assert_eq!(
            html_to_text(html),
            "The `awsvpc` mode & more. See the guide (https://x.example/a).\n\n- one <x>\n- two\n\nEnd."
        );
    }

    #[test]
    fn first_sentence_skips_abbreviations_and_code() {
        assert_eq!(
            first_sentence("Use `a.b` here, e.g. this. Then that."),
            "Use `a.b` here, e.g. this."
        );
    }

    #[test]
    fn caps_at_a_boundary() {
        let text = format!(
            "{}. {}.\n\n{}",
            "a".repeat(50),
            "b".repeat(50),
            "c".repeat(50)
        );
        assert_eq!(cap_at(&text, 80), format!("{}. …", "a".repeat(50)));
        assert_eq!(
            cap_at(&text, 110),
            format!("{}. {}.\n\n…", "a".repeat(50), "b".repeat(50))
        );
        assert_eq!(cap_at("short", 80), "short");
    }

    #[test]
    fn doc_comment_line_escapes() {
        assert_eq!(
            doc_comment_line("For example `a=[\"x\"]` [y] <z> see (https://a.example/b)."),
            "For example `a=[\"x\"]` \\[y\\] \\<z\\> see (<https://a.example/b>)."
        );
    }
}
