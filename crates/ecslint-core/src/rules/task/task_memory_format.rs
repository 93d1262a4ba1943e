use crate::rules::prelude::*;
use crate::rules::task::helpers::{parse_memory, size_value};

declare_rule! {
    /// ## What it does
    /// Reports a task-level `memory` that is neither a whole number of MiB (`"2048"`) nor a
    /// GB value (`"2GB"`, `"2 GB"`, `"2gb"`, `"0.5GB"`).
    ///
    /// ## Why is this bad?
    /// The API converts the GB form to MiB at registration (1 GB = 1024 MiB) and reads
    /// nothing else: `"512MB"`, `"2 GiB"` and `"2G"` are not sizes. The reference states the
    /// accepted forms but not the error, so this is a warning. On Fargate the same value is
    /// reported by `fargate-cpu-memory-combination`, which also names the valid sizes.
    ///
    /// ## Example
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "memory": "512MB", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "worker", "requiresCompatibilities": ["EC2"], "memory": "512", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Write MiB as a plain number, or GB with the unit `GB`.
    pub TaskMemoryFormat {
        id: "task-memory-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (11816, 11816), quote: "It can be expressed as an integer using MiB (for example ,1024) or as a string using GB (for example, 1GB or 1 GB) in a task definition." },
        ],
    }
}

impl TaskMemoryFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        if doc.facts.fargate {
            return;
        }
        let Some(memory) = size_value(task.memory()) else {
            return;
        };
        if let Err(bad) = parse_memory(memory.value()) {
            out.report(
                &Self::META,
                memory.range(),
                format!(
                    "the task `memory` is not a size the API reads: {}",
                    bad.reason
                ),
            )
            .help(bad.help);
        }
    }
}
