use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a file given to ecslint that is none of the documents it knows: a task
    /// definition (RegisterTaskDefinition input, possibly with DescribeTaskDefinition output
    /// fields), an array of container definitions, or a service (CreateService input).
    ///
    /// ## Why is this bad?
    /// Nothing in it can be checked. When walking directories, such files are skipped
    /// silently; this is reported only for files named on the command line or sent on stdin.
    ///
    /// ## Example
    /// A `package.json` passed to `ecslint check`.
    ///
    /// ## Fix
    /// Pass the right file, or say what it is with `--kind task-definition` (or `service`,
    /// `container-definitions`, `describe-task-definition`).
    pub UnknownDocumentKind {
        id: "unknown-document-kind",
        category: Category::Structure,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::Botocore { shape: "RegisterTaskDefinitionRequest, CreateServiceRequest" }],
    }
}
