use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a byte order mark (U+FEFF) at the start of the file.
    ///
    /// ## Why is this bad?
    /// RFC 8259 forbids adding one, and Python's `json` (the AWS CLI's parser) refuses a
    /// string that starts with it ("Unexpected UTF-8 BOM"); Go's `encoding/json` (ecspresso,
    /// Terraform) refuses it too. The ECS GitHub actions accept it. Editors on Windows add it
    /// silently.
    ///
    /// ## Example
    /// A file saved as "UTF-8 with BOM".
    ///
    /// ## Fix
    /// Safe: the BOM is removed.
    pub JsonBom {
        id: "json-bom",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Json { note: "RFC 8259 §8.1: implementations MUST NOT add a byte order mark" }],
    }
}
