//! `ecslint server` as editors run it: the binary, bytes on its standard input and output.
//! Malformed messages get JSON-RPC errors and the server serves on; `shutdown` then `exit`
//! ends it with 0, a client that goes away without them with 1. (The protocol's features
//! are tested in process, in `src/server/tests.rs`; Neovim drives it in `scripts/test-lsp`.)

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    seen: Vec<Value>,
}

fn start() -> Server {
    let dir = std::env::temp_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
        .args(["server", "--stdio"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs ecslint server");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut out = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    length = Some(v.parse::<usize>().unwrap());
                }
            }
            let mut body = vec![0; length.expect("every message has a Content-Length")];
            out.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        }
    });
    let stdin = child.stdin.take();
    Server {
        child,
        stdin,
        messages: rx,
        seen: Vec::new(),
    }
}

impl Server {
    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, body: &str) {
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn message(&mut self, body: Value) {
        self.send(&body.to_string());
    }

    /// The first message (seen or coming) that `matches`.
    fn wait(&mut self, matches: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.seen.iter().position(&matches) {
            return self.seen.remove(at);
        }
        loop {
            let m = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .expect("a message from the server");
            if matches(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    fn response(&mut self, id: Value) -> Value {
        self.wait(|m| m["id"] == id && (m.get("result").is_some() || m.get("error").is_some()))
    }

    fn exit_code(mut self) -> Option<i32> {
        drop(self.stdin.take());
        self.child.wait().unwrap().code()
    }
}

fn initialize(server: &mut Server) {
    server.message(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
    let r = server.response(json!(1));
    assert_eq!(r["result"]["serverInfo"]["name"], "ecslint");
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-16");
    server.message(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
}

#[test]
fn malformed_messages_get_errors_and_the_server_serves_on() {
    let mut s = start();
    // Not JSON.
    s.send("{\"jsonrpc\": \"2.0\", \"id\": ");
    let e = s.wait(|m| m.get("error").is_some());
    assert_eq!(
        (e["id"].clone(), e["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );
    // No Content-Length, then a length that is not a number.
    s.raw(b"Content-Type: application/json\r\n\r\n");
    s.raw(b"Content-Length: twelve\r\n\r\n");
    for _ in 0..2 {
        let e = s.wait(|m| m.get("error").is_some());
        assert_eq!(e["error"]["code"], -32700);
    }
    // JSON, but no request: a batch, and an object without a method.
    s.send("[{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": \"shutdown\"}]");
    let e = s.wait(|m| m.get("error").is_some());
    assert_eq!(e["error"]["code"], -32600);
    s.send("{\"jsonrpc\": \"2.0\", \"id\": 9}");
    let e = s.wait(|m| m.get("error").is_some());
    assert_eq!(
        (e["id"].clone(), e["error"]["code"].clone()),
        (json!(9), json!(-32600))
    );
    // Invalid UTF-8 in a body.
    s.raw(b"Content-Length: 3\r\n\r\n\xff\xfe\xfd");
    let e = s.wait(|m| m.get("error").is_some());
    assert_eq!(e["error"]["code"], -32700);
    // Still there: the handshake, a document, a request with bad parameters.
    initialize(&mut s);
    let uri = "untitled:taskdef.json";
    s.message(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
        {"uri": uri, "languageId": "json", "version": 1, "text": "{\"family\": \"web\", \"cpu\": 256, \"containerDefinitions\": []}"}}}));
    let d = s.wait(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(d["params"]["uri"], uri);
    let codes: Vec<&str> = d["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"invalid-type"), "{codes:?}");
    s.message(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": "x"}));
    assert_eq!(s.response(json!(2))["error"]["code"], -32602);
    s.message(json!({"jsonrpc": "2.0", "id": "three", "method": "shutdown"}));
    assert_eq!(s.response(json!("three"))["result"], Value::Null);
    s.message(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_code(), Some(0));
}

#[test]
fn a_client_that_goes_away_ends_the_server_with_1() {
    let mut s = start();
    initialize(&mut s);
    assert_eq!(s.exit_code(), Some(1));
    // `exit` without `shutdown`: 1 too.
    let mut s = start();
    initialize(&mut s);
    s.message(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_code(), Some(1));
}

#[test]
fn a_huge_content_length_is_refused_without_allocating_it() {
    let mut s = start();
    // Announced, never sent: the server skips what it can and never allocates 1 TB.
    s.raw(b"Content-Length: 1099511627776\r\n\r\n{}");
    drop(s.stdin.take());
    assert_eq!(s.exit_code(), Some(1));
}
