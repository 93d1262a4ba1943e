use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container with `"privileged": true`.
    ///
    /// ## Why is this bad?
    /// A privileged container gets all kernel capabilities and access to the host's devices:
    /// similar to root on the container instance. A compromise of the container is a
    /// compromise of the host and of every task on it.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "privileged": true }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } } }]
    /// ```
    ///
    /// ## Fix
    /// Remove `privileged` and add only the capabilities or devices the container needs with
    /// `linuxParameters`.
    pub PrivilegedContainer {
        id: "privileged-container",
        category: Category::Security,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19290, 19290), quote: "When this parameter is true, the container is given elevated privileges on the host container instance (similar to the root user)." },
        ],
    }
}

impl PrivilegedContainer {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(p) = c.privileged() else { continue };
            if p.value() {
                let who = c.name().map_or_else(
                    || "container".to_owned(),
                    |n| format!("container `{}`", n.value()),
                );
                out.report(&Self::META, p.range(), format!("{who} runs privileged, with root-like access to the host"))
                    .help("remove privileged and grant only the capabilities or devices it needs in linuxParameters");
            }
        }
    }
}
