//! JSON-RPC over standard input and output, with the base protocol's `Content-Length`
//! framing.
//!
//! lsp-server's own stdio transport stops reading at the first message it cannot parse (the
//! server then ends) and allocates whatever `Content-Length` says; this one answers a
//! malformed message with the JSON-RPC error it deserves and reads on:
//!
//! - a body that is not JSON: `-32700` (parse error), `id: null`;
//! - JSON that is not a request, response or notification (an array, a request whose `id`
//!   is neither an integer nor a string, no `method`…): `-32600` (invalid request), with its
//!   `id` when it has one;
//! - a header block without a usable `Content-Length`: `-32700`, and the next block is read;
//! - a body over [`MAX_BODY`] bytes is skipped unread (`-32600`), a header line over
//!   [`MAX_HEADER_LINE`] bytes likewise: memory never grows with what the client sends.
//!
//! Messages that parse go to the server loop on a channel; errors of the transport are
//! written by the writer thread, which owns standard output.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{select, unbounded, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{json, Value};

/// The largest message body read (a 64 MB document is far past any ECS file).
pub const MAX_BODY: usize = 64 << 20;
/// The longest header line read.
pub const MAX_HEADER_LINE: usize = 8 << 10;

/// One frame of the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A body, as sent.
    Body(Vec<u8>),
    /// A header block that cannot be used: why.
    Bad(String),
}

/// Reads the next frame; `None` at the end of the input (the client is gone).
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut problem: Option<String> = None;
    let mut saw_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = input
            .by_ref()
            .take(MAX_HEADER_LINE as u64)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        if !line.ends_with(b"\n") {
            if read == MAX_HEADER_LINE {
                // Skip the rest of an overlong line.
                skip_line(input)?;
                saw_header = true;
                problem.get_or_insert_with(|| "a header line is too long".to_owned());
                continue;
            }
            // The input ended inside a header.
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                // Blank lines between messages.
                continue;
            }
            break;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("Content-Length") => {
                let value = value.trim();
                length = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| format!("`Content-Length: {value}` is not a length")),
                );
            }
            Some(_) => {}
            None => {
                problem.get_or_insert_with(|| format!("malformed header line {text:?}"));
            }
        }
    }
    let length = match length {
        Some(Ok(length)) => length,
        Some(Err(why)) => return Ok(Some(Frame::Bad(why))),
        None => {
            return Ok(Some(Frame::Bad(problem.unwrap_or_else(|| {
                "a message without a `Content-Length` header".to_owned()
            }))))
        }
    };
    if length > MAX_BODY {
        let skipped = io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        if skipped < length as u64 {
            return Ok(None);
        }
        return Ok(Some(Frame::Bad(format!(
            "a message of {length} bytes is over the limit of {MAX_BODY}"
        ))));
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => Ok(Some(Frame::Body(body))),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

/// A body as a message, or the error response (raw JSON, its `id` possibly `null`) it gets.
pub fn parse_body(body: &[u8]) -> Result<Message, String> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => {
            return Err(error_response(
                Value::Null,
                ErrorCode::ParseError,
                &format!("the message is not JSON: {e}"),
            ))
        }
    };
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    let bad_id = value.get("id").is_some_and(|id| {
        !id.is_null() && !id.is_string() && id.as_i64().is_none_or(|n| i32::try_from(n).is_err())
    });
    if bad_id {
        return Err(error_response(
            id,
            ErrorCode::InvalidRequest,
            "a request's `id` is a string or an integer (of 32 bits here)",
        ));
    }
    if !value.is_object() {
        return Err(error_response(
            id,
            ErrorCode::InvalidRequest,
            "a message is a JSON object (batches are not part of the protocol)",
        ));
    }
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(message),
        Err(e) => Err(error_response(
            id,
            ErrorCode::InvalidRequest,
            &format!("not a JSON-RPC request, response or notification: {e}"),
        )),
    }
}

/// A JSON-RPC error response as text.
pub fn error_response(id: Value, code: ErrorCode, message: &str) -> String {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
        .to_string()
}

/// Writes one message body with its header.
pub fn write_frame(out: &mut impl Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body.as_bytes())?;
    out.flush()
}

/// The threads behind a stdio connection.
pub struct Io {
    writer: thread::JoinHandle<()>,
}

impl Io {
    /// Waits until everything sent was written (the connection's sender must be dropped).
    pub fn finish(self) {
        let _ = self.writer.join();
    }
}

/// A connection over standard input and output. The reader thread is not joined: it may be
/// blocked reading a client that keeps standard input open after `exit`.
pub fn stdio() -> (Connection, Io) {
    let (to_writer, from_server) = unbounded::<Message>();
    let (raw_sender, raw_receiver) = unbounded::<String>();
    let (to_server, from_reader) = unbounded::<Message>();
    let writer = thread::Builder::new()
        .name("ecslint-lsp-writer".to_owned())
        .spawn(move || write_loop(from_server, raw_receiver))
        .expect("spawn the writer thread");
    thread::Builder::new()
        .name("ecslint-lsp-reader".to_owned())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            read_loop(&mut input, &to_server, &raw_sender);
        })
        .expect("spawn the reader thread");
    (
        Connection {
            sender: to_writer,
            receiver: from_reader,
        },
        Io { writer },
    )
}

/// Reads frames until the input ends or the server stops listening.
pub fn read_loop(input: &mut impl BufRead, to_server: &Sender<Message>, raw: &Sender<String>) {
    loop {
        let frame = match read_frame(input) {
            Ok(Some(frame)) => frame,
            Ok(None) => return,
            Err(e) => {
                eprintln!("ecslint server: reading standard input failed: {e}");
                return;
            }
        };
        let message = match frame {
            Frame::Body(body) => parse_body(&body),
            Frame::Bad(why) => Err(error_response(Value::Null, ErrorCode::ParseError, &why)),
        };
        match message {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Err(response) => {
                eprintln!("ecslint server: malformed message answered with {response}");
                if raw.send(response).is_err() {
                    return;
                }
            }
        }
    }
}

fn write_loop(messages: Receiver<Message>, raw: Receiver<String>) {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut raw_open = true;
    loop {
        let body = if raw_open {
            select! {
                recv(messages) -> m => match m {
                    Ok(m) => to_text(&m),
                    Err(_) => break,
                },
                recv(raw) -> r => match r {
                    Ok(r) => r,
                    Err(_) => { raw_open = false; continue; }
                },
            }
        } else {
            match messages.recv() {
                Ok(m) => to_text(&m),
                Err(_) => break,
            }
        };
        if write_frame(&mut out, &body).is_err() {
            // The client is gone; the server notices when its input ends.
            return;
        }
    }
    // Error responses the reader still had.
    while let Ok(r) = raw.try_recv() {
        let _ = write_frame(&mut out, &r);
    }
}

/// A message as JSON-RPC text.
pub fn to_text(message: &Message) -> String {
    let mut buf = Vec::new();
    // `Message::write` frames the body itself; take the body back out of the frame.
    if message.write(&mut buf).is_ok() {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            return String::from_utf8_lossy(&buf[at + 4..]).into_owned();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut input = io::BufReader::new(input);
        let mut out = Vec::new();
        while let Some(frame) = read_frame(&mut input).unwrap() {
            out.push(frame);
        }
        out
    }

    #[test]
    fn frames_are_read_and_bad_headers_are_reported_without_losing_the_next_message() {
        let input = b"Content-Length: 2\r\n\r\n{}\
            Content-Type: x\r\n\r\n\
            Content-Length: abc\r\n\r\n\
            content-length:3\n\n[1]";
        assert_eq!(
            frames(input),
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::Bad("a message without a `Content-Length` header".into()),
                Frame::Bad("`Content-Length: abc` is not a length".into()),
                Frame::Body(b"[1]".to_vec()),
            ]
        );
    }

    #[test]
    fn huge_lengths_and_lines_are_skipped_not_allocated() {
        let mut input = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        input.extend(std::iter::repeat_n(b' ', MAX_BODY + 1));
        input.extend(b"Content-Length: 2\r\n\r\n{}");
        let got = frames(&input);
        assert!(matches!(&got[0], Frame::Bad(w) if w.contains("over the limit")));
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
        let mut input = vec![b'x'; MAX_HEADER_LINE * 3];
        input.extend(b"\r\n\r\nContent-Length: 2\r\n\r\n{}");
        let got = frames(&input);
        assert!(matches!(&got[0], Frame::Bad(w) if w.contains("too long")));
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn a_truncated_message_ends_the_input() {
        assert!(frames(b"Content-Length: 10\r\n\r\n{}").is_empty());
        assert!(frames(b"Content-Len").is_empty());
    }

    #[test]
    fn malformed_bodies_get_the_json_rpc_error() {
        let code = |body: &str| {
            let err = parse_body(body.as_bytes()).unwrap_err();
            let v: Value = serde_json::from_str(&err).unwrap();
            (v["error"]["code"].as_i64().unwrap(), v["id"].clone())
        };
        assert_eq!(code("{\"jsonrpc\": \"2.0\", "), (-32700, Value::Null));
        assert_eq!(code("[]"), (-32600, Value::Null));
        assert_eq!(code("{\"id\": 7}"), (-32600, json!(7)));
        assert_eq!(
            code("{\"id\": 1.5, \"method\": \"x\"}"),
            (-32600, json!(1.5))
        );
        assert_eq!(code("{\"method\": 3}"), (-32600, Value::Null));
        assert!(parse_body(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).is_ok());
    }
}
