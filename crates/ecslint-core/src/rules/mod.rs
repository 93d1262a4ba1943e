//! Every rule, one file each, grouped by area. `registry.rs` lists them.
//!
//! - `syntax/`: the file is not valid JSON (reported by the parser).
//! - `structure/`: names, types, enums and required members against the API model (reported
//!   by one walk over the document, `structure/walk.rs`).
//! - `task/`: task-level fields (family, cpu/memory format, roles, ipc/pid modes, placement,
//!   runtime platform, proxy configuration, ephemeral storage).
//! - `fargate/`: what Fargate requires or does not support (task size table, awsvpc, …).
//! - `resources/`: container cpu and memory against each other and the task's.
//! - `tags/`: tag counts, lengths, characters, reserved prefixes.
//! - `container/`: names, images, essential containers, environment, secrets, credentials.
//! - `references/`: every name that points at another (dependsOn, links, volumesFrom,
//!   mountPoints, proxy container), and dependency cycles.
//! - `volumes/`: volume definitions (EFS, FSx, Docker volumes, host paths).
//! - `security/`: privileged containers, host namespaces, plaintext secrets, roles.
//! - `networking/`: network modes, port mappings and ranges, hostnames, DNS, system controls.
//! - `logging/`: log drivers, awslogs options, FireLens.
//! - `health/`: health checks, start and stop timeouts.
//! - `linux/`: Linux parameters (capabilities, devices, swap, tmpfs), ulimits.
//! - `windows/`: what Windows containers ignore or do not support.
//! - `service/`: CreateService input, on its own and against the task definition it runs;
//!   `service/deployment/` holds the rules of the blue/green, linear and canary strategies,
//!   lifecycle hooks and traffic shifting.
//! - `deploy/`: what goes wrong because of the tool that deploys the file (a render step, the
//!   ECS deploy action's cleaning, a CodeDeploy appspec, ecspresso's templates; see
//!   `crate::deploy`).

pub mod cloudformation;
pub mod container;
pub mod deploy;
pub mod edits;
pub mod fargate;
pub(crate) mod first_seen;
pub mod health;
pub mod linux;
pub mod logging;
pub mod networking;
pub mod prelude;
pub mod references;
pub mod resources;
pub mod security;
pub mod service;
pub mod structure;
pub mod syntax;
pub mod tags;
pub mod task;
pub mod terraform;
pub mod volumes;
pub mod windows;

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
