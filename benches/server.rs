//! `ecslint server` as an editor sees it: the time from sending a `didChange` to receiving
//! the `publishDiagnostics` of that version, measured through the real binary over pipes
//! (framing, JSON, the incremental edit, the lint, the conversion to UTF-16 positions).
//!
//! - `did_change_64k`: one incremental edit of a 64 KB task definition (the core bench's
//!   `64k` document: `examples/fargate-web/taskdef.json` grown to ten containers with long
//!   `environment` and `secrets` lists), then its diagnostics;
//! - `burst_1000_64k`: 1,000 `didChange`s of that document sent at once, then the
//!   diagnostics of the last one (coalesced: the server lints far fewer versions than it
//!   receives);
//! - `did_change_typical`: the same for `examples/fargate-web/taskdef.json` (1.3 KB).
//!
//! `cargo bench --bench server` (the release binary); docs/performance.md has the figures.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    version: i32,
    /// Where the edit goes: the second character of the family's value.
    at: (usize, usize),
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ecslint"))
            .arg("server")
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs ecslint server");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut s = Server {
            child,
            stdin,
            stdout,
            version: 1,
            at: (0, 0),
        };
        s.send(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
        while s.read().get("id") != Some(&json!(1)) {}
        s.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Waits for the diagnostics of `version`; returns how many there are.
    fn published(&mut self, version: i32) -> usize {
        loop {
            let m = self.read();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
            {
                return m["params"]["diagnostics"].as_array().unwrap().len();
            }
        }
    }

    fn open(&mut self, text: &str) -> usize {
        let (line, content) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("\"family\": \""))
            .expect("a family");
        self.at = (line, content.find("\"family\": \"").unwrap() + 12);
        self.send(
            &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": URI, "languageId": "json", "version": 1, "text": text}}}),
        );
        self.stdin.flush().unwrap();
        self.published(1)
    }

    /// Sends one change: the family's second character replaced (the document keeps its
    /// size and its diagnostics).
    fn change(&mut self) {
        self.version += 1;
        let c = ["a", "b"][self.version as usize % 2];
        self.send(&json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": URI, "version": self.version},
            "contentChanges": [{"range": {"start": {"line": self.at.0, "character": self.at.1}, "end": {"line": self.at.0, "character": self.at.1 + 1}}, "text": c}]}}));
    }

    fn stop(mut self) {
        self.send(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
        self.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
        let _ = self.stdin.flush();
        let _ = self.child.wait();
    }
}

const URI: &str = "untitled:taskdef.json";

fn typical() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fargate-web/taskdef.json");
    std::fs::read_to_string(path).expect("examples/fargate-web/taskdef.json")
}

/// The core bench's `64k` document (crates/ecslint-core/benches/lint.rs `large`).
fn large(target: usize) -> String {
    let mut doc: Value = serde_json::from_str(&typical()).expect("valid JSON");
    let template = doc["containerDefinitions"][0].clone();
    let mut containers = Vec::new();
    for c in 0..10 {
        let mut container = template.clone();
        container["name"] = json!(format!("app-{c}"));
        container["portMappings"][0]["containerPort"] = json!(8080 + c);
        container["portMappings"][0]["name"] = json!(format!("http-{c}"));
        container["environment"] = json!([]);
        container["secrets"] = json!([]);
        containers.push(container);
    }
    doc["containerDefinitions"] = Value::Array(containers);
    let mut i = 0;
    loop {
        let text = serde_json::to_string_pretty(&doc).expect("serialises");
        if text.len() >= target {
            return text;
        }
        let container = &mut doc["containerDefinitions"][i % 10];
        container["environment"].as_array_mut().unwrap().push(
            json!({ "name": format!("SETTING_{i}"), "value": format!("value-of-setting-number-{i}") }),
        );
        if i % 4 == 0 {
            container["secrets"].as_array_mut().unwrap().push(json!({
                "name": format!("SECRET_{i}"),
                "valueFrom": format!("arn:aws:ssm:us-east-1:123456789012:parameter/app/secret-{i}")
            }));
        }
        i += 1;
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("server");
    for (name, text) in [
        ("did_change_typical", typical()),
        ("did_change_64k", large(64 * 1024)),
    ] {
        let mut server = Server::start();
        server.open(&text);
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    server.change();
                    server.stdin.flush().unwrap();
                    let version = server.version;
                    std::hint::black_box(server.published(version));
                    total += start.elapsed();
                }
                total
            })
        });
        server.stop();
    }
    let text = large(64 * 1024);
    let mut server = Server::start();
    server.open(&text);
    g.sample_size(10);
    g.bench_function("burst_1000_64k", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                for _ in 0..1000 {
                    server.change();
                }
                server.stdin.flush().unwrap();
                let version = server.version;
                std::hint::black_box(server.published(version));
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
    server.stop();
}

criterion_group!(benches, bench);
criterion_main!(benches);
