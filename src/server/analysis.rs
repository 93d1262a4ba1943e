//! Linting one document: its configuration's settings, its pair (for a service), the core's
//! `lint`, and a panic turned into a result instead of the end of the server.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use ecslint_core::{
    DocumentKind, LintOptions, LintResult, PairedTaskDefinition, Pairing, Settings, SourceFile,
};
use lsp_types::Uri;

use super::pairing::{self, Candidate, Found};
use crate::config::Loaded;

/// The core's entry point (a parameter so that tests can make it panic).
pub type LintFn = fn(&str, &LintOptions<'_>) -> LintResult;

/// What linting a document needs, taken from the server's state.
#[derive(Debug, Clone)]
pub struct Input {
    pub doc: Candidate,
    pub version: i32,
    pub settings: Settings,
    pub config: Option<Arc<Loaded>>,
    /// The other open documents (a service's task definition may be one).
    pub open: Vec<Candidate>,
    pub root: PathBuf,
    /// Found by walking the workspace: reported only if it is an ECS document, whatever
    /// its name (as `ecslint check DIR` does).
    pub walked: bool,
    /// How the document is deployed, as the repository says (as `ecslint check` finds it).
    pub deployments: Vec<ecslint_core::Deployment>,
    /// The other files its lint reads (a `.tf` file's module and the files it reads; the
    /// module of a file that `file()` reads): `(path relative to the root, text)`.
    pub files: Vec<(String, String)>,
}

/// A linted document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub uri: Uri,
    pub version: i32,
    pub text: Arc<String>,
    /// The name reports and `LintOptions.path` use.
    pub shown: String,
    pub settings: Settings,
    pub report_unknown_kind: bool,
    pub pairing: Found,
    pub deployments: Vec<ecslint_core::Deployment>,
    /// See [`Input::files`].
    pub files: Vec<(String, String)>,
    /// The workspace root (related places in other files are found under it).
    pub root: PathBuf,
    /// `None`: not an ECS document, nothing to show.
    pub result: Option<LintResult>,
    /// The lint panicked: what it said.
    pub crashed: Option<String>,
}

impl Analysis {
    /// The other files of [`Analysis::options`].
    pub fn source_files(&self) -> Vec<SourceFile<'_>> {
        self.files
            .iter()
            .map(|(path, text)| SourceFile { path, text })
            .collect()
    }

    /// The options the document was linted with (for fixes), with `files` from
    /// [`Analysis::source_files`].
    pub fn options<'a>(&'a self, files: &'a [SourceFile<'a>]) -> LintOptions<'a> {
        let mut options = LintOptions::new(&self.settings);
        options.report_unknown_kind = self.report_unknown_kind;
        options.path = Some(&self.shown);
        options.deployments = &self.deployments;
        options.files = files;
        options.pairing =
            Pairing {
                task_definition: self.pairing.task_definition.as_ref().map(|c| {
                    PairedTaskDefinition {
                        path: &c.shown,
                        text: &c.text,
                    }
                }),
                note: self.pairing.note.as_deref(),
                ecspresso: self.pairing.ecspresso,
            };
        options
    }

    /// The kind the document was read as.
    pub fn kind(&self) -> Option<DocumentKind> {
        self.result.as_ref().map(|r| r.kind)
    }
}

/// File names that say "this is an ECS document" (the VS Code extension's patterns): such a
/// document is always reported, an empty or broken one included. Any other document is
/// reported only when it is recognised as one (`package.json` stays quiet).
pub fn named_as_ecs(name: &str) -> bool {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    [
        "task-def",
        "task_def",
        "taskdef",
        "task-definition",
        "task_definition",
        "taskdefinition",
        "service-def",
        "service_def",
        "service-definition",
        "container-definitions",
        "container_definitions",
        "containerdefinitions",
    ]
    .iter()
    .any(|p| base.contains(p))
}

/// The kind a document's name says, for a document too empty to tell (completion in a new
/// `taskdef.json`).
pub fn kind_from_name(name: &str) -> Option<DocumentKind> {
    if !named_as_ecs(name) {
        return None;
    }
    let base = name.to_ascii_lowercase();
    Some(if base.contains("service") {
        DocumentKind::Service
    } else if base.contains("container") {
        DocumentKind::ContainerDefinitions
    } else {
        DocumentKind::TaskDefinition
    })
}

/// Lints `input`'s document.
pub fn analyze(input: Input, lint: LintFn) -> Analysis {
    let Input {
        doc,
        version,
        settings,
        config,
        open,
        root,
        walked,
        deployments,
        files,
    } = input;
    let summary = pairing::summary(&doc.text);
    let pairing = match &summary {
        Some(s) if s.kind == DocumentKind::Service => {
            pairing::find(&doc, s, config.as_deref(), &open, &root)
        }
        _ => Found::default(),
    };
    let mut analysis = Analysis {
        uri: doc.uri.clone(),
        version,
        text: Arc::clone(&doc.text),
        report_unknown_kind: !walked && named_as_ecs(&doc.shown),
        shown: doc.shown,
        settings,
        pairing,
        deployments,
        files,
        root,
        result: None,
        crashed: None,
    };
    let outcome = {
        let files = analysis.source_files();
        let options = analysis.options(&files);
        catch_unwind(AssertUnwindSafe(|| lint(&analysis.text, &options)))
    };
    match outcome {
        Ok(result) => {
            if result.kind != DocumentKind::Unknown || analysis.report_unknown_kind {
                analysis.result = Some(result);
            }
        }
        Err(panic) => {
            let message = panic_message(&*panic);
            eprintln!(
                "ecslint server: linting {} panicked: {message}",
                analysis.uri.as_str()
            );
            analysis.crashed = Some(message);
        }
    }
    analysis
}

/// What a panic said.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_say_ecs() {
        assert!(named_as_ecs("deploy/ecs-task-def.json"));
        assert!(named_as_ecs("TaskDefinition.yaml"));
        assert!(named_as_ecs("web-service-definition.json"));
        assert!(!named_as_ecs("package.json"));
        assert!(!named_as_ecs("service.json"));
        assert_eq!(
            kind_from_name("ecs-service-def.json"),
            Some(DocumentKind::Service)
        );
        assert_eq!(
            kind_from_name("taskdef.json"),
            Some(DocumentKind::TaskDefinition)
        );
        assert_eq!(kind_from_name("package.json"), None);
    }
}
