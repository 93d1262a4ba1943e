//! The server loop: the handshake, the documents' notifications (applied at once, in order),
//! requests handed to the worker, shutdown and exit.
//!
//! Work never queues up without bound: a document's lint is scheduled once however many
//! changes arrive, and only when the loop has read every message waiting (so a burst of
//! `didChange` is linted once, at its last version); the worker lints the text current when
//! it starts and publishes only if no change came meanwhile. Requests wait in order; a
//! `$/cancelRequest` answers a waiting one with `RequestCanceled`, a newer request of the
//! same method on the same document answers the older one with `ContentModified`, and so
//! does a change to the document before a position-based request runs.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;

use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentDiagnosticRequest, ExecuteCommand, HoverRequest,
    Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DiagnosticOptions, DiagnosticServerCapabilities,
    DidChangeWatchedFilesRegistrationOptions, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, ExecuteCommandOptions, ExecuteCommandParams, FileSystemWatcher,
    FullDocumentDiagnosticReport, GlobPattern, HoverParams, HoverProviderCapability,
    InitializeResult, PositionEncodingKind, PublishDiagnosticsParams, Registration,
    RegistrationParams, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, UnchangedDocumentDiagnosticReport, Uri,
};
use serde_json::Value;

use super::analysis::{self, Analysis, Input, LintFn};
use super::config::{self as server_config, Configs};
use super::documents::{file_path, file_uri, uri_name, Documents};
use super::pairing::Candidate;
use super::positions::Encoding;
use super::worker::{Job, Queue, Work};
use super::{actions, completion, diagnostics, hover, workspace};
use crate::files;

/// How the server ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `exit` after `shutdown` (exit code 0).
    Clean,
    /// `exit` without `shutdown`, or the client went away (exit code 1).
    Abrupt,
}

/// The command that lints every file of the workspace.
pub const LINT_WORKSPACE: &str = "ecslint.lintWorkspace";

/// What the server can be made with.
#[derive(Clone, Copy)]
pub struct Options {
    pub lint: LintFn,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lint: ecslint_core::lint,
        }
    }
}

/// What the client can do, as far as the server cares.
#[derive(Debug, Clone, Copy, Default)]
pub struct Client {
    pub encoding: Encoding,
    /// Pulls diagnostics (`textDocument/diagnostic`): nothing is pushed then.
    pub pull: bool,
    /// Takes `workspace/diagnostic/refresh`.
    pub refresh: bool,
    pub markdown: bool,
    /// Registers file watchers dynamically.
    pub watch: bool,
}

impl Client {
    /// From `initialize`'s `capabilities`, read as JSON: lsp-types' `ClientCapabilities` is a
    /// large tree of types whose deserializer alone weighs more than the rest of the server.
    fn from(caps: &Value) -> Self {
        let flag = |pointer: &str| caps.pointer(pointer).and_then(Value::as_bool) == Some(true);
        let strings = |pointer: &str| -> Vec<String> {
            caps.pointer(pointer)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let encodings: Option<Vec<PositionEncodingKind>> =
            caps.pointer("/general/positionEncodings").map(|_| {
                strings("/general/positionEncodings")
                    .into_iter()
                    .map(PositionEncodingKind::from)
                    .collect()
            });
        Client {
            encoding: Encoding::negotiate(encodings.as_deref()),
            pull: caps
                .pointer("/textDocument/diagnostic")
                .is_some_and(Value::is_object),
            refresh: flag("/workspace/diagnostics/refreshSupport"),
            markdown: strings("/textDocument/hover/contentFormat")
                .iter()
                .any(|f| f == "markdown"),
            watch: flag("/workspace/didChangeWatchedFiles/dynamicRegistration"),
        }
    }
}

/// Everything the loop and the worker share.
pub struct Shared {
    pub state: Mutex<State>,
    pub queue: Queue,
    pub sender: Sender<Message>,
    pub lint: LintFn,
    /// Lints run (for tests and logs).
    pub lints: AtomicUsize,
}

/// The server's state.
pub struct State {
    pub docs: Documents,
    pub client: Client,
    pub root: PathBuf,
    pub configs: Configs,
    /// The repositories' evidence of how files are deployed (workflows, ecspresso
    /// configurations, appspecs), read once and again after a configuration changes.
    pub deployers: crate::deployers::Evidence,
    /// The last analysis of each open document, with the generation it was made in.
    pub analyses: HashMap<Uri, (u64, Arc<Analysis>)>,
    /// Bumped whenever what a lint reads besides its own text changes: a configuration, an
    /// open task definition, a file on disk.
    pub generation: u64,
    /// Configuration files with a problem shown.
    pub config_problems: HashSet<Uri>,
    /// Files whose diagnostics "lint workspace" published (not open).
    pub workspace_shown: HashSet<Uri>,
    /// Diagnostics of configuration files to send.
    pub pending_publish: Vec<PublishDiagnosticsParams>,
}

impl Shared {
    pub fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock was held left nothing half-written that matters more than
        // serving on: documents are replaced whole.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn send(&self, message: impl Into<Message>) {
        let _ = self.sender.send(message.into());
    }

    pub fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params));
    }

    pub fn log(&self, message: &str) {
        eprintln!("ecslint server: {message}");
    }

    /// Sends the configuration diagnostics waiting.
    pub fn publish_pending(&self) {
        let pending: Vec<PublishDiagnosticsParams> =
            self.state().pending_publish.drain(..).collect();
        for params in pending {
            self.notify::<PublishDiagnostics>(params);
        }
    }

    /// The current analysis of an open document: the cached one if its text and everything
    /// it read are unchanged, else a new lint. `None` when the document is not open.
    pub fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let (input, generation) = {
            let mut state = self.state();
            let doc = state.docs.get(uri)?;
            if let Some((generation, analysis)) = state.analyses.get(uri) {
                if analysis.version == doc.version && *generation == state.generation {
                    return Some(Arc::clone(analysis));
                }
            }
            let version = doc.version;
            (state.input(uri, version, false)?, state.generation)
        };
        self.publish_pending();
        let analysis = Arc::new(analysis::analyze(input, self.lint));
        self.lints.fetch_add(1, Ordering::Relaxed);
        let mut state = self.state();
        let current = state.docs.get(uri).map(|d| d.version);
        if current == Some(analysis.version) && generation == state.generation {
            state
                .analyses
                .insert(uri.clone(), (generation, Arc::clone(&analysis)));
        }
        Some(analysis)
    }

    /// Lints an open document and pushes its diagnostics (if it did not change meanwhile).
    pub fn lint_and_publish(&self, uri: &Uri) {
        let Some(analysis) = self.analysis(uri) else {
            return;
        };
        let state = self.state();
        if state.client.pull || state.docs.get(uri).map(|d| d.version) != Some(analysis.version) {
            return;
        }
        let encoding = state.client.encoding;
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: diagnostics::to_lsp(&analysis, encoding),
            version: Some(analysis.version),
        });
    }

    /// Runs a request.
    pub fn run(&self, job: Job) {
        let id = job.id.clone();
        let response = match self.answer(job) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    fn answer(&self, job: Job) -> Result<Value, (ErrorCode, String)> {
        let encoding = self.state().client.encoding;
        let markdown = self.state().client.markdown;
        let current = |uri: &Uri| self.state().docs.get(uri).map(|d| d.version);
        let modified = || {
            (
                ErrorCode::ContentModified,
                "the document changed since the request".to_owned(),
            )
        };
        if let (Some(uri), Some(version)) = (&job.uri, job.version) {
            if job.work.positional() && current(uri) != Some(version) {
                return Err(modified());
            }
        }
        let json = |v: Result<Value, serde_json::Error>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        match job.work {
            Work::Hover(params) => {
                let uri = &params.text_document_position_params.text_document.uri;
                let position = params.text_document_position_params.position;
                let hover = self
                    .analysis(uri)
                    .and_then(|a| hover::hover(&a, position, encoding, markdown));
                json(serde_json::to_value(hover))
            }
            Work::Completion(params) => {
                let uri = &params.text_document_position.text_document.uri;
                let position = params.text_document_position.position;
                let (text, name, kind) = {
                    let state = self.state();
                    let Some(doc) = state.docs.get(uri) else {
                        return Ok(Value::Null);
                    };
                    let name = state.shown(uri);
                    let kind = state
                        .analyses
                        .get(uri)
                        .and_then(|(_, a)| a.kind())
                        .filter(|k| *k != ecslint_core::DocumentKind::Unknown)
                        .or_else(|| analysis::kind_from_name(&name));
                    (Arc::clone(&doc.text), name, kind)
                };
                let list = completion::complete(&text, kind, &name, position, encoding, markdown);
                json(serde_json::to_value(list))
            }
            Work::CodeAction(params) => {
                let Some(analysis) = self.analysis(&params.text_document.uri) else {
                    return Ok(Value::Array(Vec::new()));
                };
                let actions = actions::code_actions(
                    &analysis,
                    params.range,
                    params.context.only.as_deref(),
                    encoding,
                );
                json(serde_json::to_value(actions))
            }
            Work::Diagnostic(params) => {
                let uri = &params.text_document.uri;
                let report = match self.analysis(uri) {
                    None => full(None, Vec::new()),
                    Some(analysis) => {
                        let items = diagnostics::to_lsp(&analysis, encoding);
                        let id = result_id(analysis.version, &items);
                        if params.previous_result_id.as_deref() == Some(id.as_str()) {
                            DocumentDiagnosticReport::Unchanged(
                                RelatedUnchangedDocumentDiagnosticReport {
                                    related_documents: None,
                                    unchanged_document_diagnostic_report:
                                        UnchangedDocumentDiagnosticReport { result_id: id },
                                },
                            )
                        } else {
                            full(Some(id), items)
                        }
                    }
                };
                json(serde_json::to_value(
                    DocumentDiagnosticReportResult::Report(report),
                ))
            }
            Work::LintWorkspace => {
                let summary = workspace::lint(self);
                json(serde_json::to_value(summary))
            }
        }
    }
}

/// A pull report's id: the document's version and a hash of what is shown. Made from the
/// items rather than from the analysis's generation, because a generation passes (a
/// configuration reloaded, a partner opened) without changing what a document shows, and
/// a client told "unchanged" must not miss a change.
fn result_id(version: i32, items: &[lsp_types::Diagnostic]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(items)
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{version}-{:016x}", hasher.finish())
}

fn full(result_id: Option<String>, items: Vec<lsp_types::Diagnostic>) -> DocumentDiagnosticReport {
    DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
        related_documents: None,
        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
    })
}

impl State {
    /// The name reports give a document: its path relative to the workspace root (a
    /// document that is not a file: the last segment of its URI).
    pub fn shown(&self, uri: &Uri) -> String {
        match self.docs.get(uri).and_then(|d| d.path.as_deref()) {
            Some(path) => files::shown(path, &self.root),
            None => uri_name(uri),
        }
    }

    /// What linting an open document needs. Shows a configuration's problem as it is met.
    pub fn input(&mut self, uri: &Uri, version: i32, walked: bool) -> Option<Input> {
        let doc = self.docs.get(uri)?;
        let candidate = Candidate {
            uri: uri.clone(),
            path: doc.path.clone(),
            shown: self.shown(uri),
            text: Arc::clone(&doc.text),
        };
        let open = self.open_candidates(Some(uri));
        let resolved = self.configs.for_document(candidate.path.as_deref());
        let deployments = match (&candidate.path, &resolved.loaded) {
            (Some(path), Some(config)) => self.deployers.deployments(path, None, config),
            _ => Vec::new(),
        };
        let files = match &candidate.path {
            Some(path) => crate::terraform::files_for_document(path, &candidate.shown, &self.root),
            None => Vec::new(),
        };
        Some(Input {
            deployments,
            files,
            doc: candidate,
            version,
            settings: resolved.settings,
            config: resolved.loaded,
            open,
            root: self.root.clone(),
            walked,
        })
        .inspect(|_| {
            if let Some((path, failure)) = resolved.failure {
                self.show_config_problem(&path, Some(&failure));
            }
        })
    }

    /// Every open document but `except`, as pairing candidates.
    pub fn open_candidates(&self, except: Option<&Uri>) -> Vec<Candidate> {
        self.docs
            .iter()
            .filter(|d| Some(&d.uri) != except)
            .map(|d| Candidate {
                uri: d.uri.clone(),
                path: d.path.clone(),
                shown: self.shown(&d.uri),
                text: Arc::clone(&d.text),
            })
            .collect()
    }

    /// Shows (or, with `None`, clears) the problem of the configuration file at `path`;
    /// sent by [`Shared::publish_pending`].
    pub fn show_config_problem(&mut self, path: &Path, failure: Option<&crate::config::Failure>) {
        let Some(uri) = file_uri(path) else { return };
        let diagnostics = match failure {
            Some(f) if self.config_problems.insert(uri.clone()) => {
                vec![diagnostics::config_problem(f, self.client.encoding)]
            }
            None if self.config_problems.remove(&uri) => Vec::new(),
            // Already shown, or nothing to clear.
            _ => return,
        };
        self.pending_publish.push(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        });
    }
}

/// Runs the server on `connection` until `exit`.
pub fn serve(connection: Connection, options: Options) -> Exit {
    let Some((params, id)) = initialize(&connection) else {
        return Exit::Abrupt;
    };
    let client = Client::from(params.get("capabilities").unwrap_or(&Value::Null));
    let root = root_of(&params);
    let result = InitializeResult {
        capabilities: capabilities(&client),
        server_info: Some(ServerInfo {
            name: "ecslint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    let _ = connection.sender.send(Response::new_ok(id, result).into());
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            docs: Documents::default(),
            client,
            configs: Configs::new(&root),
            deployers: crate::deployers::Evidence::new(&root),
            root,
            analyses: HashMap::new(),
            generation: 0,
            config_problems: HashSet::new(),
            workspace_shown: HashSet::new(),
            pending_publish: Vec::new(),
        }),
        queue: Queue::default(),
        sender: connection.sender.clone(),
        lint: options.lint,
        lints: AtomicUsize::new(0),
    });
    let worker = {
        let shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("ecslint-lsp-worker".to_owned())
            .spawn(move || super::worker::work(&shared))
            .expect("spawn the worker thread")
    };
    let mut session = Session {
        shared: Arc::clone(&shared),
        dirty: Vec::new(),
        changed: HashSet::new(),
        shut_down: false,
    };
    let exit = loop {
        let Ok(message) = connection.receiver.recv() else {
            break Exit::Abrupt;
        };
        if let Some(exit) = session.handle(message) {
            break exit;
        }
        if connection.receiver.is_empty() {
            session.flush();
        }
    };
    shared.queue.stop();
    let _ = worker.join();
    shared.log(&format!(
        "exiting ({exit:?}) after {} lints",
        shared.lints.load(Ordering::Relaxed)
    ));
    exit
}

/// Waits for `initialize`, answering anything else as the protocol says.
fn initialize(connection: &Connection) -> Option<(Value, RequestId)> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(req) if req.method == "initialize" => {
                // `capabilities` is required; a client that sends none (a person typing
                // JSON-RPC by hand) is taken as one that can do nothing special.
                match req.params {
                    Value::Object(_) => return Some((req.params, req.id)),
                    Value::Null => return Some((Value::Object(Default::default()), req.id)),
                    _ => {
                        let _ = connection.sender.send(
                            Response::new_err(
                                req.id,
                                ErrorCode::InvalidParams as i32,
                                "invalid initialize parameters: not an object".to_owned(),
                            )
                            .into(),
                        );
                    }
                }
            }
            Message::Request(req) => {
                let _ = connection.sender.send(
                    Response::new_err(
                        req.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized yet".to_owned(),
                    )
                    .into(),
                );
            }
            Message::Notification(n) if n.method == "exit" => return None,
            _ => {}
        }
    }
}

/// The workspace root: the first workspace folder, else `rootUri`, else the current
/// directory.
fn root_of(params: &Value) -> PathBuf {
    let uri = |pointer: &str| {
        params
            .pointer(pointer)
            .and_then(Value::as_str)
            .and_then(|s| s.parse::<Uri>().ok())
            .and_then(|u| file_path(&u))
    };
    uri("/workspaceFolders/0/uri")
        .or_else(|| uri("/rootUri"))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

fn capabilities(client: &Client) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(client.encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned(), ":".to_owned()]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..Default::default()
        })),
        diagnostic_provider: client.pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("ecslint".to_owned()),
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                ..Default::default()
            })
        }),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![LINT_WORKSPACE.to_owned()],
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The loop's own state.
struct Session {
    shared: Arc<Shared>,
    /// Documents to lint once the messages waiting are read.
    dirty: Vec<Uri>,
    /// Documents changed since the last flush (their partners may need a new lint).
    changed: HashSet<Uri>,
    shut_down: bool,
}

impl Session {
    /// Handles one message; `Some` when the server must stop.
    fn handle(&mut self, message: Message) -> Option<Exit> {
        match message {
            Message::Request(req) => self.request(req),
            Message::Notification(n) => return self.notification(n),
            // Answers to our requests (registrations, refreshes): nothing to do.
            Message::Response(_) => {}
        }
        None
    }

    fn reply_err(&self, id: RequestId, code: ErrorCode, message: impl Into<String>) {
        self.shared
            .send(Response::new_err(id, code as i32, message.into()));
    }

    fn request(&mut self, req: Request) {
        if self.shut_down {
            return self.reply_err(
                req.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            );
        }
        let Request { id, method, params } = req;
        fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, String> {
            serde_json::from_value(params).map_err(|e| format!("invalid parameters: {e}"))
        }
        let work = match method.as_str() {
            "initialize" => {
                return self.reply_err(id, ErrorCode::InvalidRequest, "already initialized")
            }
            "shutdown" => {
                self.shut_down = true;
                self.shared.send(Response::new_ok(id, Value::Null));
                return;
            }
            HoverRequest::METHOD => parse::<HoverParams>(params).map(Work::Hover),
            Completion::METHOD => parse::<CompletionParams>(params).map(Work::Completion),
            CodeActionRequest::METHOD => parse::<CodeActionParams>(params).map(Work::CodeAction),
            DocumentDiagnosticRequest::METHOD => {
                parse::<DocumentDiagnosticParams>(params).map(Work::Diagnostic)
            }
            ExecuteCommand::METHOD => match parse::<ExecuteCommandParams>(params) {
                Ok(p) if p.command == LINT_WORKSPACE => Ok(Work::LintWorkspace),
                Ok(p) => Err(format!("unknown command `{}`", p.command)),
                Err(e) => Err(e),
            },
            _ => {
                return self.reply_err(
                    id,
                    ErrorCode::MethodNotFound,
                    format!("unknown method `{method}`"),
                )
            }
        };
        let work = match work {
            Ok(work) => work,
            Err(message) => return self.reply_err(id, ErrorCode::InvalidParams, message),
        };
        let uri = work.uri().cloned();
        let version = uri
            .as_ref()
            .and_then(|u| self.shared.state().docs.get(u).map(|d| d.version));
        let job = Job {
            id,
            method,
            uri,
            version,
            work,
        };
        if matches!(job.work, Work::LintWorkspace) {
            // Long, and answered on its own thread so that the editor stays served.
            let shared = Arc::clone(&self.shared);
            let spawned = thread::Builder::new()
                .name("ecslint-lsp-workspace".to_owned())
                .spawn(move || super::worker::run_guarded(&shared, job));
            if spawned.is_err() {
                self.shared
                    .log("cannot start a thread for the workspace lint");
            }
            return;
        }
        for superseded in self.shared.queue.push(job) {
            self.reply_err(
                superseded,
                ErrorCode::ContentModified,
                "superseded by a newer request",
            );
        }
    }

    fn notification(&mut self, n: Notification) -> Option<Exit> {
        fn parse<T: serde::de::DeserializeOwned>(n: Notification) -> Option<T> {
            match serde_json::from_value(n.params) {
                Ok(p) => Some(p),
                Err(e) => {
                    eprintln!("ecslint server: {}: invalid parameters: {e}", n.method);
                    None
                }
            }
        }
        match n.method.as_str() {
            "exit" => {
                return Some(if self.shut_down {
                    Exit::Clean
                } else {
                    Exit::Abrupt
                })
            }
            "$/cancelRequest" => {
                let id = n.params.get("id").and_then(|id| match id {
                    Value::Number(n) => n
                        .as_i64()
                        .and_then(|n| i32::try_from(n).ok())
                        .map(RequestId::from),
                    Value::String(s) => Some(RequestId::from(s.clone())),
                    _ => None,
                });
                if let Some(id) = id {
                    if self.shared.queue.cancel(&id) {
                        self.reply_err(id, ErrorCode::RequestCanceled, "canceled");
                    }
                }
            }
            "initialized" => self.register_watchers(),
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = parse(n)?;
                let doc = p.text_document;
                let uri = doc.uri.clone();
                self.shared
                    .state()
                    .docs
                    .open(doc.uri, doc.version, doc.text);
                self.touched(uri);
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = parse(n)?;
                let uri = p.text_document.uri;
                let changed = {
                    let mut state = self.shared.state();
                    let encoding = state.client.encoding;
                    state
                        .docs
                        .change(&uri, p.text_document.version, p.content_changes, encoding)
                };
                match changed {
                    Ok(()) => self.touched(uri),
                    Err(e) => self.shared.log(&e),
                }
            }
            DidSaveTextDocument::METHOD => {
                let p: lsp_types::DidSaveTextDocumentParams = parse(n)?;
                let uri = p.text_document.uri;
                if file_path(&uri).is_some_and(|p| server_config::is_config_file(&p)) {
                    self.reload();
                } else if !self.dirty.contains(&uri) {
                    self.dirty.push(uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = parse(n)?;
                let uri = p.text_document.uri;
                let mut state = self.shared.state();
                state.docs.close(&uri);
                let was = state.analyses.remove(&uri);
                let is_config = file_path(&uri).is_some_and(|p| server_config::is_config_file(&p));
                if !state.client.pull && !is_config {
                    drop(state);
                    self.shared
                        .notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                            uri: uri.clone(),
                            diagnostics: Vec::new(),
                            version: None,
                        });
                    state = self.shared.state();
                }
                self.dirty.retain(|u| u != &uri);
                // Its partners now read the file on disk.
                let task_definition = was.is_some_and(|(_, a)| {
                    a.kind()
                        .is_some_and(ecslint_core::DocumentKind::is_task_definition)
                });
                drop(state);
                if task_definition {
                    self.others_changed();
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let p: lsp_types::DidChangeWatchedFilesParams = parse(n)?;
                let config = p
                    .changes
                    .iter()
                    .any(|c| file_path(&c.uri).is_some_and(|p| server_config::is_config_file(&p)));
                // A workflow, ecspresso configuration, appspec or `.tf` file: how files are
                // deployed (and a Terraform module's files) may have changed.
                let root = self.shared.state().root.clone();
                let evidence = p.changes.iter().any(|c| {
                    file_path(&c.uri)
                        .and_then(|p| {
                            p.strip_prefix(&root)
                                .ok()
                                .map(|r| r.to_string_lossy().replace('\\', "/"))
                        })
                        .is_some_and(|r| ecslint_core::deploy::repository::is_evidence_file(&r))
                });
                if config || evidence {
                    self.reload();
                } else {
                    self.others_changed();
                }
            }
            DidChangeConfiguration::METHOD => self.reload(),
            _ => {}
        }
        None
    }

    /// An open document was opened or changed.
    fn touched(&mut self, uri: Uri) {
        let config_text = file_path(&uri)
            .filter(|p| server_config::is_config_file(p))
            .map(|p| {
                (
                    p,
                    self.shared
                        .state()
                        .docs
                        .get(&uri)
                        .map(|d| Arc::clone(&d.text)),
                )
            });
        if let Some((path, text)) = config_text {
            // An open `ecslint.toml`: its problems as it is typed; used once saved.
            let failure = text.and_then(|t| server_config::check_text(&path, &t));
            let mut state = self.shared.state();
            let had = state.config_problems.remove(&uri);
            match &failure {
                Some(f) => state.show_config_problem(&path, Some(f)),
                None if had => state.pending_publish.push(PublishDiagnosticsParams {
                    uri,
                    diagnostics: Vec::new(),
                    version: None,
                }),
                None => {}
            }
            drop(state);
            self.publish_pending();
            return;
        }
        self.changed.insert(uri.clone());
        if !self.dirty.contains(&uri) {
            self.dirty.push(uri);
        }
    }

    /// Something a lint reads besides its document changed: every open service is linted
    /// again (and clients that pull are asked to).
    fn others_changed(&mut self) {
        let services: Vec<Uri> = {
            let mut state = self.shared.state();
            state.generation += 1;
            state
                .docs
                .iter()
                .filter(|d| {
                    state
                        .analyses
                        .get(&d.uri)
                        .is_none_or(|(_, a)| a.kind() == Some(ecslint_core::DocumentKind::Service))
                })
                .map(|d| d.uri.clone())
                .collect()
        };
        for uri in services {
            if !self.dirty.contains(&uri) {
                self.dirty.push(uri);
            }
        }
        self.refresh();
    }

    /// A configuration or the deployment evidence changed: every open document is linted again.
    fn reload(&mut self) {
        let uris: Vec<Uri> = {
            let mut state = self.shared.state();
            state.configs.reload();
            state.deployers = crate::deployers::Evidence::new(&state.root);
            state.generation += 1;
            // Problems are shown again as the documents meet them.
            let shown: Vec<Uri> = state.config_problems.drain().collect();
            for uri in shown {
                state.pending_publish.push(PublishDiagnosticsParams {
                    uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
            state.docs.iter().map(|d| d.uri.clone()).collect()
        };
        self.publish_pending();
        for uri in uris {
            if !self.dirty.contains(&uri) {
                self.dirty.push(uri);
            }
        }
        self.refresh();
    }

    /// Asks a client that pulls diagnostics to pull again.
    fn refresh(&self) {
        let client = self.shared.state().client;
        if client.pull && client.refresh {
            self.shared.send(Request::new(
                RequestId::from(format!(
                    "ecslint-refresh-{}",
                    self.shared.state().generation
                )),
                "workspace/diagnostic/refresh".to_owned(),
                Value::Null,
            ));
        }
    }

    /// Hands the documents to lint to the worker (once the waiting messages are read).
    fn flush(&mut self) {
        // A changed task definition changes what its services are checked against.
        let partners_changed = {
            let state = self.shared.state();
            // Unknown until linted: a document opened since the last flush may be one.
            self.changed.drain().any(|uri| {
                state.analyses.get(&uri).is_none_or(|(_, a)| {
                    a.kind()
                        .is_some_and(ecslint_core::DocumentKind::is_task_definition)
                })
            })
        };
        if partners_changed {
            self.others_changed();
        }
        self.publish_pending();
        if self.shared.state().client.pull {
            // The client asks for what it shows.
            self.dirty.clear();
            return;
        }
        for uri in self.dirty.drain(..) {
            self.shared.queue.lint(uri);
        }
    }

    fn publish_pending(&self) {
        self.shared.publish_pending();
    }

    /// Asks the client to tell when configuration files (and the files pairing reads)
    /// change.
    fn register_watchers(&self) {
        if !self.shared.state().client.watch {
            return;
        }
        // Configurations, the files pairing reads, and what says how files are deployed
        // (workflows, ecspresso configurations, appspecs, Terraform).
        let watchers = ["**/ecslint.toml", "**/*.json", "**/*.{yml,yaml,jsonnet,tf}"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_owned()),
                kind: None,
            })
            .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "ecslint-watch".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            }],
        };
        self.shared.send(Request::new(
            RequestId::from("ecslint-register-watchers".to_owned()),
            "client/registerCapability".to_owned(),
            params,
        ));
    }
}
