//! Every rule, one file each, grouped by area. `registry.rs` lists them.
//!
//! - `syntax/`: the file is not valid JSON (reported by the parser).
//! - `structure/`: names, types, enums and required members against the API model (reported
//!   by one walk over the document, `structure/walk.rs`).

pub mod structure;
pub mod syntax;

use crate::diagnostic::{Diagnostic, Fix, Related};
use crate::json::Node;
use crate::rule::RuleMeta;
use crate::text::TextRange;

/// Collects the diagnostics of one document.
pub struct Reporter<'a> {
    root: Option<&'a Node<'a>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(root: Option<&'a Node<'a>>) -> Self {
        Reporter {
            root,
            diagnostics: Vec::new(),
        }
    }

    /// The JSON pointer of the value or key at `range`.
    pub fn pointer_to(&self, range: TextRange) -> String {
        self.root.map(|r| r.pointer_to(range)).unwrap_or_default()
    }

    /// Reports `message` at `range` under `rule`, at the rule's default severity. The JSON
    /// pointer is that of the value or key at `range`; the returned diagnostic can be given
    /// help, a fix, related places or another pointer.
    pub fn report(
        &mut self,
        rule: &'static RuleMeta,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let pointer = self.root.map(|r| r.pointer_to(range)).unwrap_or_default();
        self.diagnostics.push(Diagnostic {
            rule: rule.id,
            severity: rule.severity,
            message: message.into(),
            pointer,
            range,
            help: None,
            fix: None,
            related: Vec::new(),
        });
        self.diagnostics.last_mut().expect("just pushed")
    }
}

impl Diagnostic {
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    pub fn related(&mut self, range: TextRange, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            message: message.into(),
            range,
            document: None,
            pointer: None,
        });
        self
    }

    pub fn pointer(&mut self, pointer: impl Into<String>) -> &mut Self {
        self.pointer = pointer.into();
        self
    }

    pub fn severity(&mut self, severity: crate::diagnostic::Severity) -> &mut Self {
        self.severity = severity;
        self
    }
}
