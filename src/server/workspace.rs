//! "Lint the workspace" (`workspace/executeCommand` `ecslint.lintWorkspace`): the files
//! `ecslint check ROOT` would lint (the CLI's walk: `.gitignore`, `[files]` globs), each
//! with its configuration and its pair, their diagnostics published; open documents are
//! read as they are in the editor and keep their own diagnostics.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use ecslint_core::Severity;
use lsp_types::notification::PublishDiagnostics;
use lsp_types::PublishDiagnosticsParams;
use serde::Serialize;

use super::analysis::{self, Input};
use super::diagnostics;
use super::documents::file_uri;
use super::pairing::Candidate;
use super::session::Shared;
use crate::config::{Discovery, Overrides};
use crate::files;

/// What the command answers.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// ECS documents linted.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn lint(shared: &Shared) -> Summary {
    let (root, open, encoding) = {
        let state = shared.state();
        (
            state.root.clone(),
            state.open_candidates(None),
            state.client.encoding,
        )
    };
    let discovery = Arc::new(Mutex::new(Discovery::new(
        Overrides::default(),
        None,
        &root,
    )));
    let mut failed = false;
    let targets = files::collect(
        std::slice::from_ref(&root),
        None,
        &root,
        &discovery,
        &mut failed,
    );
    // Every file of the run, as a candidate for pairing: open ones as the editor has them.
    let mut run: Vec<(Candidate, bool)> = Vec::new();
    for target in &targets {
        let Some(uri) = file_uri(&target.abs) else {
            continue;
        };
        if let Some(c) = open.iter().find(|c| c.uri == uri) {
            run.push((c.clone(), true));
            continue;
        }
        let Ok(bytes) = std::fs::read(&target.abs) else {
            continue;
        };
        run.push((
            Candidate {
                uri,
                path: Some(target.abs.clone()),
                shown: files::shown(&target.abs, &root),
                text: Arc::new(String::from_utf8_lossy(&bytes).into_owned()),
            },
            false,
        ));
    }
    let mut summary = Summary::default();
    for (i, (doc, is_open)) in run.iter().enumerate() {
        if *is_open {
            // Linted as it is typed: counted, not published again.
            if let Some(a) = shared.analysis(&doc.uri) {
                count(&mut summary, &a);
            }
            continue;
        }
        let resolved = shared.state().configs.for_document(doc.path.as_deref());
        let deployments = match (&doc.path, &resolved.loaded) {
            (Some(path), Some(config)) => shared.state().deployers.deployments(path, None, config),
            _ => Vec::new(),
        };
        let mut others: Vec<Candidate> = open.clone();
        others.extend(
            run.iter()
                .enumerate()
                .filter(|(j, (c, o))| *j != i && !o && c.uri != doc.uri)
                .map(|(_, (c, _))| c.clone()),
        );
        let input = Input {
            doc: doc.clone(),
            version: 0,
            settings: resolved.settings,
            config: resolved.loaded,
            open: others,
            root: root.clone(),
            walked: true,
            deployments,
            files: match &doc.path {
                Some(path) => crate::terraform::files_for_document(path, &doc.shown, &root),
                None => Vec::new(),
            },
        };
        let analysis = analysis::analyze(input, shared.lint);
        shared.lints.fetch_add(1, Ordering::Relaxed);
        if analysis.result.is_none() && analysis.crashed.is_none() {
            continue;
        }
        count(&mut summary, &analysis);
        shared.state().workspace_shown.insert(doc.uri.clone());
        shared.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics: diagnostics::to_lsp(&analysis, encoding),
            version: None,
        });
    }
    summary
}

fn count(summary: &mut Summary, analysis: &analysis::Analysis) {
    summary.files += 1;
    if let Some(result) = &analysis.result {
        summary.errors += result.count(Severity::Error);
        summary.warnings += result.count(Severity::Warning);
        summary.infos += result.count(Severity::Info);
    }
}
