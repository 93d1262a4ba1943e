use crate::rules::container::helpers::container_pointer;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a Linux container whose `readonlyRootFilesystem` is not `true`.
    ///
    /// Off by default: it fires on nearly every working task definition. Turn it on with
    /// `select = ["ALL"]`, `select = ["security"]` or by its id.
    ///
    /// ## Why is this bad?
    /// A writable root file system lets an attacker who gets code execution modify the
    /// container's binaries and configuration. With a read-only root the container writes
    /// only to the volumes and `tmpfs` mounts it declares. Windows containers do not support
    /// the setting and are skipped.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "readonlyRootFilesystem": true,
    ///    "mountPoints": [{ "sourceVolume": "tmp", "containerPath": "/tmp" }] }]
    /// ```
    ///
    /// ## Fix
    /// Set `"readonlyRootFilesystem": true` and give the paths the application writes to a
    /// volume.
    pub ReadonlyRootFilesystem {
        id: "readonly-root-filesystem",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19310, 19310), quote: "When this parameter is true, the container is given read-only access to its root file system." },
        ],
        default_enabled: false,
    }
}

impl ReadonlyRootFilesystem {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if doc.facts.windows {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            let who = c.name().map_or_else(
                || "container".to_owned(),
                |n| format!("container `{}`", n.value()),
            );
            match c.member("readonlyRootFilesystem") {
                Some(m) if m.value.as_bool() == Some(false) => {
                    out.report(&Self::META, m.value.range, format!("{who} has a writable root file system"))
                        .help("set \"readonlyRootFilesystem\": true and mount a volume where the application writes");
                }
                Some(m) if !m.value.is_null() => {}
                _ => {
                    let at = c.member("name").map_or(opening(c.range()), |m| m.key.range);
                    out.report(&Self::META, at, format!("{who} has a writable root file system (`readonlyRootFilesystem` is not set)"))
                        .help("set \"readonlyRootFilesystem\": true and mount a volume where the application writes")
                        .pointer(format!("{}/readonlyRootFilesystem", container_pointer(doc, i)));
                }
            }
        }
    }
}
