//! ecslint's engine: lints Amazon ECS task definitions (RegisterTaskDefinition input) and
//! service definitions (CreateService input) given as JSON text.
//!
//! No I/O: hosts (the CLI, the wasm bindings) read files and print. The flow is
//! [`lint`]: [`json::parse`] once (every value keeps its byte range) → detect the
//! [`DocumentKind`] → the structural walk against the [`model`] (generated from botocore) →
//! every rule of the [`registry`] → [`Diagnostic`]s, rendered by [`report`].
//! [`read::yaml`] reads YAML (CloudFormation templates, task definitions in YAML) into the
//! same tree; it is not yet behind [`lint`].
//!
//! ```
//! use ecslint_core::{lint, LintOptions, Settings};
//! let settings = Settings::default();
//! let result = lint(r#"{"family": "web", "cpu": 256, "containerDefinitions": []}"#, &LintOptions::new(&settings));
//! assert_eq!(result.diagnostics[0].rule, "invalid-type");
//! ```

pub mod deploy;
pub mod diagnostic;
pub mod docs;
pub mod document;
pub mod facts;
pub mod fix;
pub mod forms;
pub mod json;
mod lint;
pub mod locate;
pub mod model;
pub mod output;
pub mod pair;
pub mod read;
pub mod registry;
pub mod report;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod suggest;
pub mod template;
pub mod text;
pub mod toml_reader;

pub use deploy::{DeployedBy, Deployer, Deployment, Evidence};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use document::{detect_kind, Document, DocumentKind};
pub use lint::{lint, lint_bytes, LintOptions, LintResult, SourceFile};
pub use pair::{PairedTaskDefinition, Pairing};
pub use settings::{Config, ConfigError, Overrides, Settings};
