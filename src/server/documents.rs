//! The documents the client has open: their text (edited in place by incremental changes),
//! version, and the file each one is, when it is one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::positions::{offset_in, Encoding};

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    /// Shared with the worker's snapshots; an edit copies it only while a snapshot lives.
    pub text: Arc<String>,
    /// The file, for `file:` URIs.
    pub path: Option<PathBuf>,
}

/// The open documents, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    by_uri: HashMap<Uri, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = file_path(&uri);
        self.by_uri.insert(
            uri.clone(),
            Document {
                uri,
                version,
                text: Arc::new(text),
                path,
            },
        );
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.by_uri.remove(uri)
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.by_uri.get(uri)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.by_uri.values()
    }

    /// Applies `didChange`'s changes in order. A change without a range replaces the text;
    /// a range is read in the document's text as the previous changes left it.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) -> Result<(), String> {
        let doc = self
            .by_uri
            .get_mut(uri)
            .ok_or_else(|| format!("didChange for {} which is not open", uri.as_str()))?;
        for change in changes {
            let text = Arc::make_mut(&mut doc.text);
            match change.range {
                None => *text = change.text,
                Some(range) => {
                    let start = offset_in(text, range.start, encoding);
                    let end = offset_in(text, range.end, encoding).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        doc.version = version;
        Ok(())
    }
}

/// The file a `file:` URI names (percent-decoded).
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text.strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `file:///C:/x` on Windows.
    #[cfg(windows)]
    let decoded = decoded
        .strip_prefix('/')
        .filter(|p| p.as_bytes().get(1) == Some(&b':'))
        .map(str::to_owned)
        .unwrap_or(decoded);
    Some(PathBuf::from(decoded))
}

/// A `file:` URI for `path` (absolute).
pub fn file_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    #[cfg(windows)]
    let text = &format!("/{}", text.replace('\\', "/"));
    let mut out = String::from("file://");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A document's name as its reader and form see it, when it is not a file: the last segment
/// of its URI (`untitled:Untitled-1`, `untitled:task.yaml`).
pub fn uri_name(uri: &Uri) -> String {
    let text = uri.as_str();
    let path = text.split(['?', '#']).next().unwrap_or(text);
    let last = path.rsplit(['/', ':']).next().unwrap_or(path);
    percent_decode(last).unwrap_or_else(|| last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/a dir/täsk#1.json");
        let u = file_uri(path).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/a%20dir/t%C3%A4sk%231.json");
        assert_eq!(file_path(&u).unwrap(), path);
        assert_eq!(
            file_path(&uri("file://localhost/x/y.json")).unwrap(),
            PathBuf::from("/x/y.json")
        );
        assert!(file_path(&uri("untitled:Untitled-1")).is_none());
        assert_eq!(uri_name(&uri("untitled:Untitled-1")), "Untitled-1");
        assert_eq!(uri_name(&uri("file:///a/b/task.yaml")), "task.yaml");
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut docs = Documents::default();
        let u = uri("file:///t.json");
        docs.open(u.clone(), 1, "{\n  \"é\": 1\n}".into());
        let change = |l1, c1, l2, c2, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        };
        docs.change(
            &u,
            2,
            vec![change(1, 7, 1, 8, "22"), change(0, 1, 0, 1, " ")],
            Encoding::Utf16,
        )
        .unwrap();
        let doc = docs.get(&u).unwrap();
        assert_eq!(doc.text.as_str(), "{ \n  \"é\": 22\n}");
        assert_eq!(doc.version, 2);
        // A range past the end is clamped, never a panic.
        docs.change(&u, 3, vec![change(9, 9, 99, 0, "x")], Encoding::Utf8)
            .unwrap();
        assert!(docs.get(&u).unwrap().text.ends_with("}x"));
        assert!(docs
            .change(&uri("file:///other"), 1, vec![], Encoding::Utf8)
            .is_err());
    }
}
