//! The worker: one thread that lints documents and answers requests, from a queue that
//! holds each document's lint once (however many changes asked for it) and the requests in
//! order, requests first (someone is waiting for them). A panic in a job is caught here:
//! logged, answered (`InternalError` for a request; a lint's own panic is already a
//! diagnostic, see `analysis`), and the next job runs.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard};

use lsp_server::{ErrorCode, RequestId, Response};
use lsp_types::{CodeActionParams, CompletionParams, DocumentDiagnosticParams, HoverParams, Uri};

use super::analysis::panic_message;
use super::session::Shared;

/// What a request asks.
#[derive(Debug)]
pub enum Work {
    Hover(HoverParams),
    Completion(CompletionParams),
    CodeAction(CodeActionParams),
    Diagnostic(DocumentDiagnosticParams),
    LintWorkspace,
}

impl Work {
    /// The document the request is about.
    pub fn uri(&self) -> Option<&Uri> {
        match self {
            Work::Hover(p) => Some(&p.text_document_position_params.text_document.uri),
            Work::Completion(p) => Some(&p.text_document_position.text_document.uri),
            Work::CodeAction(p) => Some(&p.text_document.uri),
            Work::Diagnostic(p) => Some(&p.text_document.uri),
            Work::LintWorkspace => None,
        }
    }

    /// Its answer holds positions of the version it was asked for: a change since makes it
    /// stale (`ContentModified`). Pulled diagnostics are of the current version, whatever it
    /// is, so they never are.
    pub fn positional(&self) -> bool {
        matches!(
            self,
            Work::Hover(_) | Work::Completion(_) | Work::CodeAction(_)
        )
    }
}

/// A request waiting for the worker.
#[derive(Debug)]
pub struct Job {
    pub id: RequestId,
    pub method: String,
    pub uri: Option<Uri>,
    /// The document's version when the request came.
    pub version: Option<i32>,
    pub work: Work,
}

enum Task {
    Lint(Uri),
    Request(Box<Job>),
}

#[derive(Default)]
struct Pending {
    lints: VecDeque<Uri>,
    requests: VecDeque<Box<Job>>,
    stopped: bool,
}

/// The worker's queue.
#[derive(Default)]
pub struct Queue {
    pending: Mutex<Pending>,
    ready: Condvar,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Asks for a document's lint (once: it is linted at its text when its turn comes).
    pub fn lint(&self, uri: Uri) {
        let mut pending = self.lock();
        if !pending.lints.contains(&uri) {
            pending.lints.push_back(uri);
            self.ready.notify_one();
        }
    }

    /// Queues a request. Returns the requests it supersedes (the same method on the same
    /// document, still waiting), taken out of the queue.
    pub fn push(&self, job: Job) -> Vec<RequestId> {
        let mut pending = self.lock();
        let mut superseded = Vec::new();
        if job.uri.is_some() {
            pending.requests.retain(|j| {
                let same = j.method == job.method && j.uri == job.uri;
                if same {
                    superseded.push(j.id.clone());
                }
                !same
            });
        }
        pending.requests.push_back(Box::new(job));
        self.ready.notify_one();
        superseded
    }

    /// Takes a waiting request out; `false` if it is not waiting (done, running or unknown).
    pub fn cancel(&self, id: &RequestId) -> bool {
        let mut pending = self.lock();
        let before = pending.requests.len();
        pending.requests.retain(|j| &j.id != id);
        pending.requests.len() != before
    }

    /// Lets the worker end once the job it runs is done.
    pub fn stop(&self) {
        self.lock().stopped = true;
        self.ready.notify_all();
    }

    fn next(&self) -> Option<Task> {
        let mut pending = self.lock();
        loop {
            if pending.stopped {
                return None;
            }
            if let Some(job) = pending.requests.pop_front() {
                return Some(Task::Request(job));
            }
            if let Some(uri) = pending.lints.pop_front() {
                return Some(Task::Lint(uri));
            }
            pending = self.ready.wait(pending).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The worker thread's loop.
pub fn work(shared: &Shared) {
    while let Some(task) = shared.queue.next() {
        match task {
            Task::Lint(uri) => {
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| shared.lint_and_publish(&uri)))
                {
                    shared.log(&format!(
                        "publishing the diagnostics of {} panicked: {}",
                        uri.as_str(),
                        panic_message(&*panic)
                    ));
                }
            }
            Task::Request(job) => run_guarded(shared, *job),
        }
    }
}

/// Runs a request; a panic is answered with `InternalError`.
pub fn run_guarded(shared: &Shared, job: Job) {
    let id = job.id.clone();
    let method = job.method.clone();
    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| shared.run(job))) {
        let message = panic_message(&*panic);
        shared.log(&format!("{method} panicked: {message}"));
        shared.send(Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            format!("ecslint failed on this request (internal error: {message})"),
        ));
    }
}
