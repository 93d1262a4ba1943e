//! The server in process, over lsp-server's in-memory connection: a test plays the client.
//! The real transport (bytes on stdio) is tested in `tests/server.rs` with the binary.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::RecvTimeoutError;
use ecslint_core::{LintOptions, LintResult};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use super::analysis::LintFn;
use super::documents::file_uri;
use super::session::{serve, Exit, Options};

/// Long enough for anything here; a hang fails instead of blocking the suite.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A response, split.
#[derive(Debug)]
struct Answer {
    id: RequestId,
    result: Option<Value>,
    error: Option<lsp_server::ResponseError>,
}

impl From<Response> for Answer {
    fn from(r: Response) -> Self {
        let (result, error) = match r.response_result {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e)),
        };
        Answer {
            id: r.id,
            result,
            error,
        }
    }
}

struct TestClient {
    conn: Connection,
    server: Option<thread::JoinHandle<Exit>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    notifications: Vec<Notification>,
    responses: HashMap<RequestId, Answer>,
}

/// A client that announces `capabilities`; the server runs `lint`.
fn start(capabilities: Value, root: &Path, lint: LintFn) -> TestClient {
    let mut client = queued(capabilities, root);
    client.launch(lint);
    client.initialized();
    client
}

/// A client whose `initialize` is queued, the server not started yet.
fn queued(capabilities: Value, root: &Path) -> TestClient {
    let (server, client) = Connection::memory();
    let mut c = TestClient {
        conn: client,
        server: None,
        next_id: 1,
        notifications: Vec::new(),
        responses: HashMap::new(),
    };
    let root = file_uri(root).unwrap();
    c.send_request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": capabilities}),
    );
    // The server's end, kept until launch.
    SERVER_ENDS.with(|ends| ends.borrow_mut().push(server));
    c
}

thread_local! {
    static SERVER_ENDS: std::cell::RefCell<Vec<Connection>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl TestClient {
    fn launch(&mut self, lint: LintFn) {
        let conn = SERVER_ENDS.with(|ends| ends.borrow_mut().pop()).unwrap();
        self.server = Some(thread::spawn(move || serve(conn, Options { lint })));
        let init = self.response(RequestId::from(1));
        assert!(init.error.is_none(), "{init:?}");
    }

    fn initialized(&mut self) {
        self.notify("initialized", json!({}));
    }

    fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.conn
            .sender
            .send(Request::new(id.clone(), method.to_owned(), params).into())
            .unwrap();
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Answer {
        let id = self.send_request(method, params);
        self.response(id)
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.to_owned(), params).into())
            .unwrap();
    }

    /// Receives one message, keeping notifications and responses; answers server requests.
    fn pump(&mut self) {
        match self.conn.receiver.recv_timeout(TIMEOUT) {
            Ok(Message::Notification(n)) => self.notifications.push(n),
            Ok(Message::Response(r)) => {
                assert!(
                    self.responses.insert(r.id.clone(), r.into()).is_none(),
                    "two responses to one request"
                );
            }
            Ok(Message::Request(r)) => {
                self.conn
                    .sender
                    .send(Response::new_ok(r.id, Value::Null).into())
                    .unwrap();
            }
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server is gone"),
        }
    }

    fn response(&mut self, id: RequestId) -> Answer {
        loop {
            if let Some(r) = self.responses.remove(&id) {
                return r;
            }
            self.pump();
        }
    }

    /// The diagnostics published for `uri`, at `version` when given.
    fn diagnostics(&mut self, uri: &str, version: Option<i32>) -> Vec<Value> {
        loop {
            let at = self.notifications.iter().position(|n| {
                n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"] == uri
                    && version.is_none_or(|v| n.params["version"] == v)
            });
            if let Some(at) = at {
                let n = self.notifications.remove(at);
                return n.params["diagnostics"].as_array().unwrap().clone();
            }
            self.pump();
        }
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
    }

    fn change(&self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    fn shutdown(mut self) -> Exit {
        let r = self.request("shutdown", Value::Null);
        assert!(r.error.is_none());
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// Applies LSP text edits given in UTF-16 positions.
fn apply(text: &str, edits: &[Value]) -> String {
    use super::positions::{Encoding, LineIndex};
    let index = LineIndex::new(text);
    let pos = |p: &Value| {
        lsp_types::Position::new(
            p["line"].as_u64().unwrap() as u32,
            p["character"].as_u64().unwrap() as u32,
        )
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                index.offset(text, pos(&e["range"]["start"]), Encoding::Utf16),
                index.offset(text, pos(&e["range"]["end"]), Encoding::Utf16),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// A task definition with three findings: `launch-type-unknown` (info, at the start), `cpu`
/// an integer (error, line 2) and a trailing comma after an `é` (error, line 3).
const BROKEN: &str = "{\n  \"family\": \"web\",\n  \"cpu\": 256,\n  \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1.27\", \"memory\": 512, \"environment\": [{\"name\": \"GREETING\", \"value\": \"héllo\"}]}],\n}\n";
const ALL: [&str; 3] = ["launch-type-unknown", "invalid-type", "invalid-json"];

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn uri_in(dir: &Path, name: &str) -> String {
    file_uri(&dir.join(name)).unwrap().as_str().to_owned()
}

#[test]
fn diagnostics_follow_open_and_incremental_changes_in_utf16() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    let d = c.diagnostics(&uri, Some(1));
    assert_eq!(codes(&d), ALL, "{d:#?}");
    assert_eq!(d[1]["range"]["start"], json!({"line": 2, "character": 9}));
    assert_eq!(d[1]["severity"], 1);
    assert_eq!(d[0]["severity"], 3);
    assert_eq!(d[1]["source"], "ecslint");
    assert!(d[1]["message"].as_str().unwrap().contains("\nhelp: "));
    // Quote the 256 (an insertion before and after), in two changes of one notification.
    c.change(
        &uri,
        2,
        json!([
            {"range": {"start": {"line": 2, "character": 12}, "end": {"line": 2, "character": 12}}, "text": "\""},
            {"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 9}}, "text": "\""}
        ]),
    );
    let d = c.diagnostics(&uri, Some(2));
    assert_eq!(codes(&d), ["launch-type-unknown", "invalid-json"]);
    // The é before the trailing comma counts one UTF-16 unit (two bytes).
    assert_eq!(d[1]["range"]["start"], json!({"line": 3, "character": 136}));
    assert_eq!(c.shutdown(), Exit::Clean);
}

#[test]
fn utf8_is_used_when_the_client_offers_it() {
    let dir = temp();
    let mut c = start(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        dir.path(),
        ecslint_core::lint,
    );
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    let d = c.diagnostics(&uri, Some(1));
    // The trailing comma after `é`: byte 137 of its line (character 136 in UTF-16).
    assert_eq!(d[2]["range"]["start"], json!({"line": 3, "character": 137}));
    c.shutdown();
}

#[test]
fn code_actions_fix_one_problem_or_all_safe_ones() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    let d = c.diagnostics(&uri, Some(1));
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d[1]["range"], "context": {"diagnostics": [d[1]]}}),
    );
    let actions = r.result.unwrap();
    let quick = &actions[0];
    assert_eq!(quick["kind"], "quickfix");
    assert_eq!(quick["title"], "Fix: quote the value");
    let edits = quick["edit"]["changes"][&uri].as_array().unwrap();
    assert!(apply(BROKEN, edits).contains("\"cpu\": \"256\""));
    // Fix all, as a source action.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = r.result.unwrap();
    assert_eq!(actions.as_array().unwrap().len(), 1);
    assert_eq!(actions[0]["kind"], "source.fixAll.ecslint");
    let fixed = apply(
        BROKEN,
        actions[0]["edit"]["changes"][&uri].as_array().unwrap(),
    );
    let left = ecslint_core::lint(&fixed, &LintOptions::new(&Default::default()));
    assert!(left.diagnostics.iter().all(|d| d.fix.is_none()), "{fixed}");
    assert!(fixed.contains("\"256\"") && !fixed.contains("}],\n}"));
    c.shutdown();
}

#[test]
fn hover_shows_the_rule_and_the_field() {
    let dir = temp();
    let mut c = start(
        json!({"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}}),
        dir.path(),
        ecslint_core::lint,
    );
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    c.diagnostics(&uri, Some(1));
    let hover = |c: &mut TestClient, line: u32, character: u32| {
        c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
        .result
        .unwrap()
    };
    // On `256`: the rule and the field.
    let h = hover(&mut c, 2, 10);
    let text = h["contents"]["value"].as_str().unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(text.starts_with("**ecslint** `invalid-type`"), "{text}");
    assert!(text.contains("**`cpu`** — string"), "{text}");
    // On the opening quote of a key: the field.
    let h = hover(&mut c, 1, 2);
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with("**`family`** — string, required"),
        "{text}"
    );
    assert_eq!(h["range"]["start"], json!({"line": 1, "character": 2}));
    // Nowhere: null.
    assert_eq!(hover(&mut c, 4, 1), Value::Null);
    c.shutdown();
}

#[test]
fn completion_offers_missing_fields_and_enum_values() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), "taskdef.json");
    let text = "{\n  \"family\": \"web\",\n  \"networkMode\": \"\",\n  \"containerDefinitions\": [{\"name\": \"a\", \"ess\n";
    c.open(&uri, text);
    let complete = |c: &mut TestClient, line: u32, character: u32| {
        let r = c.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        r.result.unwrap()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let values = complete(&mut c, 2, 18);
    assert!(values.contains(&"awsvpc".to_owned()), "{values:?}");
    let keys = complete(&mut c, 3, 45);
    assert!(keys.contains(&"essential".to_owned()), "{keys:?}");
    assert!(!keys.contains(&"name".to_owned()));
    // A new, empty service definition: its name says what it is.
    let service = uri_in(dir.path(), "ecs-service-def.json");
    c.open(&service, "{\n  \n}");
    c.diagnostics(&service, Some(1));
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": service}, "position": {"line": 1, "character": 2}}),
    );
    let items = r.result.unwrap()["items"].as_array().unwrap().clone();
    let first = &items
        .iter()
        .min_by_key(|i| i["sortText"].as_str().unwrap().to_owned())
        .unwrap();
    assert!(items.iter().any(|i| i["label"] == "desiredCount"));
    assert!(first["textEdit"]["newText"]
        .as_str()
        .unwrap()
        .ends_with("\": "));
    c.shutdown();
}

#[test]
fn pull_diagnostics_when_the_client_pulls() {
    let dir = temp();
    let mut c = start(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        dir.path(),
        ecslint_core::lint,
    );
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    let r = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    let report = r.result.unwrap();
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"].as_array().unwrap().len(), 3);
    let id = report["resultId"].clone();
    let r = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}, "previousResultId": id}),
    );
    assert_eq!(r.result.unwrap()["kind"], "unchanged");
    // A reloaded configuration that changes nothing shown leaves the report unchanged
    // (the order of a reload and a pull is the client's, so this was once a race).
    c.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    let r = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}, "previousResultId": id}),
    );
    assert_eq!(r.result.unwrap()["kind"], "unchanged");
    // Nothing was pushed.
    c.request("shutdown", Value::Null);
    assert!(c
        .notifications
        .iter()
        .all(|n| n.method != "textDocument/publishDiagnostics"));
    c.notify("exit", Value::Null);
}

#[test]
fn configuration_is_discovered_reloaded_and_its_problems_shown() {
    let dir = temp();
    std::fs::write(
        dir.path().join("ecslint.toml"),
        "ignore = [\"invalid-type\"]\n",
    )
    .unwrap();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    assert_eq!(
        codes(&c.diagnostics(&uri, Some(1))),
        ["launch-type-unknown", "invalid-json"]
    );
    // Broken: shown in ecslint.toml, the document linted with the defaults meanwhile.
    std::fs::write(
        dir.path().join("ecslint.toml"),
        "ignore = [\"no-such-rule\"]\n",
    )
    .unwrap();
    let toml = uri_in(dir.path(), "ecslint.toml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml, "type": 2}]}),
    );
    assert_eq!(codes(&c.diagnostics(&uri, Some(1))), ALL);
    let problem = c.diagnostics(&toml, None);
    assert_eq!(codes(&problem), ["invalid-config"]);
    assert_eq!(problem[0]["range"]["start"]["line"], 0);
    // Fixed and saved: cleared.
    std::fs::write(dir.path().join("ecslint.toml"), "select = [\"ALL\"]\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": toml}}),
    );
    assert!(c.diagnostics(&toml, None).is_empty());
    c.diagnostics(&uri, Some(1));
    c.shutdown();
}

#[test]
fn an_open_service_is_paired_with_its_task_definition() {
    let dir = temp();
    let td = r#"{"family": "shop", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "app", "image": "a:1", "portMappings": [{"containerPort": 80}]}]}"#;
    std::fs::write(dir.path().join("taskdef.json"), td).unwrap();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let service = uri_in(dir.path(), "service-def.json");
    let text = r#"{"serviceName": "s", "taskDefinition": "shop", "desiredCount": 1, "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"]}}, "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/b", "containerName": "web", "containerPort": 80}]}"#;
    c.open(&service, text);
    // Read from the disk: the task definition has no container `web`.
    let d = c.diagnostics(&service, Some(1));
    assert_eq!(
        codes(&d),
        ["load-balancer-container-name-in-task-definition"],
        "{d:#?}"
    );
    let related = &d[0]["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], json!(uri_in(dir.path(), "taskdef.json")));
    assert_eq!(
        related["range"]["start"],
        json!({"line": 0, "character": 115})
    );
    // The open task definition, edited, is what the service is checked against.
    let td_uri = uri_in(dir.path(), "taskdef.json");
    c.open(&td_uri, &td.replace("\"app\"", "\"web\""));
    c.diagnostics(&td_uri, Some(1));
    let after = c.diagnostics(&service, Some(1));
    assert!(after.is_empty(), "{after:#?}");
    c.shutdown();
}

#[test]
fn lint_workspace_publishes_every_ecs_file() {
    let dir = temp();
    std::fs::write(dir.path().join("taskdef.json"), BROKEN).unwrap();
    std::fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}").unwrap();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": "ecslint.lintWorkspace", "arguments": []}),
    );
    assert_eq!(
        r.result.unwrap(),
        json!({"files": 1, "errors": 2, "warnings": 0, "infos": 1})
    );
    let d = c.diagnostics(&uri_in(dir.path(), "taskdef.json"), None);
    assert_eq!(codes(&d), ALL);
    c.shutdown();
}

/// Counts the lints of [`a_burst_of_changes_is_linted_once_at_its_last_version`].
static BURST_LINTS: AtomicUsize = AtomicUsize::new(0);

fn counting_lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    BURST_LINTS.fetch_add(1, Ordering::SeqCst);
    ecslint_core::lint(text, options)
}

/// A 64 KB task definition: many containers.
pub fn big_document() -> String {
    let container = r#"{"name": "app-N", "image": "nginx:1.27", "memory": 128, "essential": true, "portMappings": [{"containerPort": 80}], "environment": [{"name": "A", "value": "b"}]}"#;
    let mut items = Vec::new();
    let mut i = 0;
    while items.iter().map(|s: &String| s.len() + 2).sum::<usize>() < 64 * 1024 {
        items.push(container.replace("app-N", &format!("app-{i}")));
        i += 1;
    }
    format!(
        "{{\n  \"family\": \"big\",\n  \"containerDefinitions\": [\n    {}\n  ]\n}}\n",
        items.join(",\n    ")
    )
}

#[test]
fn a_burst_of_changes_is_linted_once_at_its_last_version() {
    let dir = temp();
    let uri = uri_in(dir.path(), "taskdef.json");
    let text = big_document();
    assert!(text.len() >= 64 * 1024);
    let mut c = queued(json!({}), dir.path());
    c.initialized();
    c.open(&uri, &text);
    // 1,000 edits, all waiting before the server reads the first: one lint, of the last.
    for v in 2..=1001 {
        c.change(
            &uri,
            v,
            json!([{"range": {"start": {"line": 1, "character": 13}, "end": {"line": 1, "character": 16}}, "text": format!("{:03}", v % 1000)}]),
        );
    }
    c.launch(counting_lint);
    c.diagnostics(&uri, Some(1001));
    assert_eq!(BURST_LINTS.load(Ordering::SeqCst), 1);
    // And while the server runs: whatever it lints in between, the last version is
    // published, and nothing older after it.
    for v in 1002..=2001 {
        c.change(
            &uri,
            v,
            json!([{"range": {"start": {"line": 1, "character": 13}, "end": {"line": 1, "character": 16}}, "text": "x"}]),
        );
    }
    c.diagnostics(&uri, Some(2001));
    assert!(BURST_LINTS.load(Ordering::SeqCst) <= 1001);
    let r = c.request("shutdown", Value::Null);
    assert!(r.error.is_none());
    let versions: Vec<i64> = c
        .notifications
        .iter()
        .filter(|n| n.method == "textDocument/publishDiagnostics")
        .map(|n| n.params["version"].as_i64().unwrap())
        .collect();
    assert!(versions.iter().all(|&v| v < 2001), "{versions:?}");
    c.notify("exit", Value::Null);
}

fn panicking_lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    if text.contains("PANIC") {
        panic!("a bug in a rule");
    }
    ecslint_core::lint(text, options)
}

#[test]
fn a_panic_in_a_lint_is_one_diagnostic_and_the_server_serves_on() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), panicking_lint);
    let bad = uri_in(dir.path(), "bad-taskdef.json");
    c.open(&bad, "{\"family\": \"PANIC\"}");
    let d = c.diagnostics(&bad, Some(1));
    assert_eq!(codes(&d), ["internal-error"]);
    assert!(d[0]["message"]
        .as_str()
        .unwrap()
        .contains("a bug in a rule"));
    // Requests on it are answered (an error or a result), not lost.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": bad}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert!(r.error.is_none(), "{r:?}");
    let good = uri_in(dir.path(), "taskdef.json");
    c.open(&good, BROKEN);
    assert_eq!(codes(&c.diagnostics(&good, Some(1))), ALL);
    assert_eq!(c.shutdown(), Exit::Clean);
}

#[test]
fn before_initialize_requests_are_refused_and_exit_ends() {
    let (server, client) = Connection::memory();
    let send = |m: Message| client.sender.send(m).unwrap();
    send(Request::new(RequestId::from(7), "textDocument/hover".into(), json!({})).into());
    send(Notification::new("textDocument/didOpen".into(), json!({})).into());
    send(Notification::new("exit".into(), Value::Null).into());
    let exit = thread::spawn(move || serve(server, Options::default()))
        .join()
        .unwrap();
    assert_eq!(exit, Exit::Abrupt);
    let Ok(Message::Response(r)) = client.receiver.recv_timeout(TIMEOUT) else {
        panic!("no answer")
    };
    let r = Answer::from(r);
    assert_eq!((r.id, r.error.unwrap().code), (RequestId::from(7), -32002));
}

#[test]
fn the_protocol_s_errors() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let r = c.request("initialize", json!({"capabilities": {}}));
    assert_eq!(r.error.unwrap().code, -32600);
    let r = c.request("textDocument/hover", json!({"textDocument": 3}));
    assert_eq!(r.error.unwrap().code, -32602);
    let r = c.request("no/such", json!({}));
    assert_eq!(r.error.unwrap().code, -32601);
    let r = c.request("workspace/executeCommand", json!({"command": "nope"}));
    assert_eq!(r.error.unwrap().code, -32602);
    // Notifications with bad parameters are dropped, never answered.
    c.notify("textDocument/didOpen", json!({"textDocument": 1}));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///not-open", "version": 1}, "contentChanges": []}),
    );
    // A request on a document that is not open: an empty answer.
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///not-open"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r.result, Some(Value::Null));
    let r = c.request("shutdown", Value::Null);
    assert!(r.error.is_none() && r.result == Some(Value::Null));
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r.error.unwrap().code, -32600);
    c.notify("exit", Value::Null);
    assert_eq!(c.server.take().unwrap().join().unwrap(), Exit::Clean);
}

#[test]
fn exit_without_shutdown_is_abrupt() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    c.notify("exit", Value::Null);
    assert_eq!(c.server.take().unwrap().join().unwrap(), Exit::Abrupt);
}

fn slow_lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    if text.contains("SLOW") {
        thread::sleep(Duration::from_millis(400));
    }
    ecslint_core::lint(text, options)
}

#[test]
fn waiting_requests_are_canceled_or_superseded() {
    let dir = temp();
    let mut c = start(json!({}), dir.path(), slow_lint);
    let slow = uri_in(dir.path(), "slow-taskdef.json");
    let uri = uri_in(dir.path(), "taskdef.json");
    c.open(&uri, BROKEN);
    c.diagnostics(&uri, Some(1));
    // The worker is busy with the slow document while these arrive.
    c.open(&slow, "{\"family\": \"SLOW\"}");
    thread::sleep(Duration::from_millis(50));
    let hover = json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 10}});
    let canceled = c.send_request("textDocument/hover", hover.clone());
    c.notify("$/cancelRequest", json!({"id": canceled.clone()}));
    let superseded = c.send_request("textDocument/hover", hover.clone());
    let newer = c.send_request("textDocument/hover", hover.clone());
    let stale = c.send_request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}}),
    );
    c.change(&uri, 2, json!([{"text": BROKEN.replace("256", "\"256\"")}]));
    assert_eq!(c.response(canceled).error.unwrap().code, -32800);
    assert_eq!(c.response(superseded).error.unwrap().code, -32801);
    assert_eq!(
        c.response(newer).error.unwrap().code,
        -32801,
        "the document changed since"
    );
    assert_eq!(c.response(stale).error.unwrap().code, -32801);
    c.shutdown();
}

mod random_messages {
    //! Random and malformed JSON-RPC traffic after the handshake: every request gets exactly
    //! one response, the server never dies, and it still shuts down cleanly.

    use super::*;
    use proptest::prelude::*;

    const METHODS: &[&str] = &[
        "textDocument/hover",
        "textDocument/completion",
        "textDocument/codeAction",
        "textDocument/diagnostic",
        "textDocument/didOpen",
        "textDocument/didChange",
        "textDocument/didClose",
        "textDocument/didSave",
        "workspace/didChangeWatchedFiles",
        "workspace/executeCommand",
        "$/cancelRequest",
        "$/setTrace",
        "initialize",
        "unknown/method",
    ];

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            (-3i64..40).prop_map(|n| json!(n)),
            "[a-z/:.\"{}é😀 ]{0,12}".prop_map(Value::String),
            Just(json!("file:///tmp/ecslint-random/taskdef.json")),
            Just(json!(BROKEN)),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop_oneof![
                            Just("textDocument".to_owned()),
                            Just("uri".to_owned()),
                            Just("position".to_owned()),
                            Just("range".to_owned()),
                            Just("line".to_owned()),
                            Just("character".to_owned()),
                            Just("start".to_owned()),
                            Just("end".to_owned()),
                            Just("text".to_owned()),
                            Just("version".to_owned()),
                            Just("contentChanges".to_owned()),
                            Just("context".to_owned()),
                            Just("diagnostics".to_owned()),
                            Just("command".to_owned()),
                            Just("id".to_owned()),
                            "[a-z]{1,6}",
                        ],
                        inner
                    ),
                    0..5
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A message: a request or notification of a known or unknown method with random
    /// parameters, or a well-formed one on the open document.
    fn message() -> impl Strategy<Value = (bool, String, Value)> {
        let uri = "file:///tmp/ecslint-random/taskdef.json";
        prop_oneof![
            (any::<bool>(), prop::sample::select(METHODS), json_value())
                .prop_map(|(req, m, p)| (req, m.to_owned(), p)),
            (0u32..8, 0u32..60).prop_map(move |(line, character)| (
                true,
                "textDocument/hover".to_owned(),
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
            )),
            (0u32..8, 0u32..60, "[\"{},:a-z0-9é😀\n ]{0,8}").prop_map(move |(line, character, text)| (
                false,
                "textDocument/didChange".to_owned(),
                json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                    {"range": {"start": {"line": line, "character": character}, "end": {"line": line + 1, "character": 0}}, "text": text}]})
            )),
            (0u32..8, 0u32..60).prop_map(move |(line, character)| (
                true,
                "textDocument/completion".to_owned(),
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
            )),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn every_request_is_answered_once_and_the_server_survives(
            messages in prop::collection::vec(message(), 1..24)
        ) {
            let dir = temp();
            let mut c = start(json!({}), dir.path(), ecslint_core::lint);
            c.open("file:///tmp/ecslint-random/taskdef.json", BROKEN);
            let mut ids = Vec::new();
            for (is_request, method, params) in messages {
                if method == "exit" {
                    continue;
                }
                if is_request {
                    ids.push(c.send_request(&method, params));
                } else {
                    c.notify(&method, params);
                }
            }
            for id in ids {
                // `response` fails the test on a hang or on a second response.
                c.response(id);
            }
            prop_assert_eq!(c.shutdown(), Exit::Clean);
        }
    }
}

/// The deployer fixture repositories (tests/fixtures/deployers): every file the CLI lints,
/// opened in the server with the repository as the workspace, gets the CLI's findings (as
/// written in `<case>.findings`: line, column, severity, rule, message), judged by the same
/// deployer read from the same place.
#[test]
fn deployer_fixtures_get_the_findings_of_the_cli() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deployers");
    let mut cases: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let dir = deployer_fixture(&case.file_name().unwrap().to_string_lossy());
        let findings = std::fs::read_to_string(case.with_extension("findings")).unwrap();
        let mut c = start(json!({}), dir.path(), ecslint_core::lint);
        let mut expected = String::new();
        let mut found = String::new();
        for block in findings
            .split_inclusive('\n')
            .collect::<Vec<_>>()
            .chunk_by(|_, b| b.starts_with("  "))
        {
            let head = block[0];
            let path = &head[..head.find(": ").unwrap()];
            expected.push_str(&block.concat());
            let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
            let uri = uri_in(dir.path(), path);
            c.open(&uri, &text);
            found.push_str(head);
            for d in c.diagnostics(&uri, Some(1)) {
                let severity = match d["severity"].as_i64() {
                    Some(1) => "error",
                    Some(2) => "warning",
                    _ => "info",
                };
                let message = d["message"].as_str().unwrap();
                found.push_str(&format!(
                    "  {}:{} {severity} {}: {}\n",
                    d["range"]["start"]["line"].as_u64().unwrap() + 1,
                    d["range"]["start"]["character"].as_u64().unwrap() + 1,
                    d["code"].as_str().unwrap(),
                    message.split("\nhelp: ").next().unwrap()
                ));
            }
        }
        c.shutdown();
        // The deployer line is the CLI's: the server's diagnostics do not name it.
        let heads_removed = |s: &str| {
            s.lines()
                .filter(|l| l.starts_with("  "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            heads_removed(&found),
            heads_removed(&expected),
            "{}",
            case.display()
        );
    }
}

/// A deployer fixture repository (tests/fixtures/deployers/`case`), copied to a temporary
/// folder that is its own repository.
fn deployer_fixture(case: &str) -> tempfile::TempDir {
    let dir = temp();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/deployers")
            .join(case),
        dir.path(),
    );
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A finding whose related place is in another file of the workspace (the workflow's render
/// step) points there.
#[test]
fn a_related_place_in_a_workflow_is_a_location_in_that_file() {
    let dir = deployer_fixture("render-renamed-container");
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), "deploy/taskdef.json");
    let text = std::fs::read_to_string(dir.path().join("deploy/taskdef.json")).unwrap();
    c.open(&uri, &text);
    let d = c.diagnostics(&uri, Some(1));
    let render = d
        .iter()
        .find(|d| d["code"] == "render-container-not-found")
        .expect("the render step's container is missing");
    let related = &render["relatedInformation"][0]["location"];
    assert_eq!(
        related["uri"],
        uri_in(dir.path(), ".github/workflows/deploy.yml")
    );
    assert_eq!(
        related["range"]["start"],
        json!({"line": 9, "character": 26})
    );
    c.shutdown();
}

/// A workflow that comes changes how an open file is judged (the watched files).
#[test]
fn a_new_workflow_changes_the_deployer() {
    let dir = deployer_fixture("deploy-action-describe-output");
    let workflow = dir.path().join(".github/workflows/deploy.yml");
    let text = std::fs::read_to_string(&workflow).unwrap();
    std::fs::remove_file(&workflow).unwrap();
    let mut c = start(json!({}), dir.path(), ecslint_core::lint);
    let uri = uri_in(dir.path(), ".aws/task-definition.json");
    let doc = std::fs::read_to_string(dir.path().join(".aws/task-definition.json")).unwrap();
    c.open(&uri, &doc);
    let before = c.diagnostics(&uri, Some(1));
    assert!(before.iter().all(|d| d["severity"] == 1), "{before:#?}");
    std::fs::write(&workflow, text).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_in(dir.path(), ".github/workflows/deploy.yml"), "type": 1}]}),
    );
    // The file may have been published again before the change was read (an open task
    // definition is linted again when its partners change): wait for the new verdict.
    let mut after = c.diagnostics(&uri, Some(1));
    for _ in 0..4 {
        if after.iter().all(|d| d["severity"] == 3) {
            break;
        }
        after = c.diagnostics(&uri, Some(1));
    }
    assert_eq!(after.len(), before.len());
    assert!(after.iter().all(|d| d["severity"] == 3), "{after:#?}");
    c.shutdown();
}
