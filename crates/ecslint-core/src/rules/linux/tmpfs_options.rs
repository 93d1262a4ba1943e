use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

/// The tmpfs mount options the API lists.
const MOUNT_OPTIONS: &[&str] = &[
    "defaults",
    "ro",
    "rw",
    "suid",
    "nosuid",
    "dev",
    "nodev",
    "exec",
    "noexec",
    "sync",
    "async",
    "dirsync",
    "remount",
    "mand",
    "nomand",
    "atime",
    "noatime",
    "diratime",
    "nodiratime",
    "bind",
    "rbind",
    "unbindable",
    "runbindable",
    "private",
    "rprivate",
    "shared",
    "rshared",
    "slave",
    "rslave",
    "relatime",
    "norelatime",
    "strictatime",
    "nostrictatime",
    "mode",
    "uid",
    "gid",
    "nr_inodes",
    "nr_blocks",
    "mpol",
];

declare_rule! {
    /// ## What it does
    /// Reports a `linuxParameters.tmpfs` mount whose `containerPath` is not absolute or whose
    /// `mountOptions` contain a value the API does not list.
    ///
    /// Covers: tmpfs-container-path-absolute, tmpfs-mount-options-enum
    ///
    /// ## Why is this bad?
    /// The mount point must be an absolute path in the container, and the options must be
    /// among the ones the API reference lists (`ro`, `noexec`, `mode`, …). Options with values,
    /// such as `mode=1777` or `size=64m`, are not in that list: the size goes in `size`
    /// (MiB). This is a warning because the exact rejection has not been confirmed.
    ///
    /// ## Example
    /// ```json
    /// { "tmpfs": [{ "containerPath": "tmp", "size": 64, "mountOptions": ["size=64m", "noexec"] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "tmpfs": [{ "containerPath": "/tmp", "size": 64, "mountOptions": ["noexec"] }] }
    /// ```
    ///
    /// ## Fix
    /// Write the path from `/`; move a size to `size` and drop options that are not listed.
    /// No automatic fix.
    pub TmpfsOptions {
        id: "tmpfs-options",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24736, 24736), quote: "The absolute file path where the tmpfs volume is to be mounted." },
            Source::ApiReference { lines: (24754, 24754), quote: "Valid values: \"defaults\" | \"ro\" | \"rw\" | \"suid\" | \"nosuid\" | \"dev\" | \"nodev\" | \"exec\" | \"noexec\" | \"sync\" | \"async\" | \"dirsync\" | \"remount\" | \"mand\" | \"nomand\" | \"atime\" | \"noatime\" | \"diratime\" | \"nodiratime\" | \"bind\" | \"rbind\" | \"unbindable\" | \"runbindable\" | \"private\" | \"rprivate\" | \"shared\" | \"r" },
        ],
    }
}

impl TmpfsOptions {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(mounts) = container.linux_parameters().and_then(|l| l.tmpfs()) else {
                continue;
            };
            for (_, mount) in mounts.iter() {
                if let Some(path) = mount.container_path() {
                    let p = path.value();
                    if !p.starts_with('/') && !is_placeholder(p) {
                        out.report(
                            &Self::META,
                            path.range(),
                            format!(
                                "tmpfs `containerPath` \"{p}\" is not an absolute path ({})",
                                container_label(i, container)
                            ),
                        )
                        .help(format!(
                            "write the mount point from the root, e.g. \"/{}\"",
                            p.trim_start_matches("./")
                        ));
                    }
                }
                let Some(options) = mount.mount_options() else {
                    continue;
                };
                for option in options.values() {
                    let o = option.value();
                    if MOUNT_OPTIONS.contains(&o) || is_placeholder(o) {
                        continue;
                    }
                    let d = out.report(
                        &Self::META,
                        option.range(),
                        format!(
                            "\"{o}\" is not a tmpfs mount option ECS accepts ({})",
                            container_label(i, container)
                        ),
                    );
                    if o.starts_with("size=") {
                        d.help("set the size in the mount's \"size\" field (MiB) and remove this option");
                    } else {
                        d.help("use options such as ro, rw, noexec, nosuid, nodev, mode, uid or gid (the API's list)");
                    }
                }
            }
        }
    }
}
