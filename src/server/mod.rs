//! `ecslint server`: the Language Server Protocol over standard input and output, for every
//! editor with an LSP client (Neovim, Helix, Zed, Emacs, Sublime Text, JetBrains IDEs).
//!
//! A thin host like the CLI: the documents come from the client instead of the disk, and
//! everything else is the core's (`lint`, `fix::fix_all`, `registry`, the model through
//! `locate`) and the CLI's (`ecslint.toml` discovery, pairing's file lookups). The server
//! does not know the forms: every lint names the document's file (`LintOptions.path`), and
//! the core picks the reader. Which documents it gets is the client's document selector.
//!
//! - `transport`: JSON-RPC framing on stdio, malformed messages answered, never fatal;
//! - `session`: the handshake, the loop, notifications, shutdown and exit;
//! - `worker`: the queue (one lint per document however many changes, cancellation) and
//!   the thread that runs it;
//! - `documents`, `positions`: open texts, incremental edits, UTF-8/16/32 positions;
//! - `analysis`, `pairing`, `config`: one lint, the service's task definition, `ecslint.toml`;
//! - `diagnostics`, `actions`, `hover`, `completion`, `workspace`: what is sent back.

mod actions;
mod analysis;
mod completion;
mod config;
mod diagnostics;
mod documents;
mod hover;
mod pairing;
mod positions;
mod session;
mod transport;
mod worker;
mod workspace;

#[cfg(test)]
mod tests;

use crate::Status;

/// Serves on standard input and output until the client says `exit`.
pub fn run() -> anyhow::Result<Status> {
    let (connection, io) = transport::stdio();
    let exit = session::serve(connection, session::Options::default());
    io.finish();
    // The protocol's exit codes: 0 after `shutdown`, 1 without.
    Ok(match exit {
        session::Exit::Clean => Status::Success,
        session::Exit::Abrupt => Status::Findings,
    })
}
