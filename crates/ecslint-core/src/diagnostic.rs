//! What the linter reports: a diagnostic with its rule, severity, place, help and fix.

use serde::{Deserialize, Serialize};

use crate::text::TextRange;

/// How serious a finding is. The order matters: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice.
    Info,
    /// The API accepts it, but it fails or is silently ignored at run time on that platform.
    Warning,
    /// The API rejects it.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix can be applied without asking (`--fix`) or only offered (editor quick fix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the author intended; `ecslint check --fix` applies it.
    Safe,
    /// Probably right, but may change meaning: offered, never applied by `--fix`.
    Unsafe,
}

/// Replace the text in `range` with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    pub range: TextRange,
    pub new_text: String,
}

impl Edit {
    pub fn replace(range: TextRange, new_text: impl Into<String>) -> Self {
        Self {
            range,
            new_text: new_text.into(),
        }
    }
    pub fn delete(range: TextRange) -> Self {
        Self::replace(range, "")
    }
    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Self::replace(TextRange::empty(at), new_text)
    }
}

/// Text edits that resolve a diagnostic. Edits of one fix never overlap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// What the fix does, imperative: "quote the value", "remove `revision`".
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            applicability: Applicability::Safe,
            message: message.into(),
            edits,
        }
    }
    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            applicability: Applicability::Unsafe,
            message: message.into(),
            edits,
        }
    }
}

/// A secondary location that explains a diagnostic ("the volume is declared here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub message: String,
    pub range: TextRange,
    /// `None`: the same document. `Some`: another document of the run (a service's task
    /// definition), named by the host (path for the CLI).
    pub document: Option<String>,
    /// The related value's JSON pointer in its document.
    pub pointer: Option<String>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable rule id (`unknown-field`).
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong; lowercase start, no trailing period.
    pub message: String,
    /// JSON pointer of the value concerned (for a missing member: where it belongs).
    pub pointer: String,
    pub range: TextRange,
    /// What to do about it.
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
}
