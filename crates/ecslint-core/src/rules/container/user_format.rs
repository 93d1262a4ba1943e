use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container `user` that is not one of `user`, `user:group`, `uid`, `uid:gid`,
    /// `user:gid` or `uid:group`: empty parts, more than one `:`, whitespace, or a negative
    /// or non-integer number.
    ///
    /// ## Why is this bad?
    /// Docker cannot resolve such a user and the container fails to start. The API reference
    /// lists the forms but no rejection at registration has been seen, so this is a warning.
    /// `0` (root) is a valid UID; running as root is a security matter (see
    /// `host-network-non-root`).
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "user": "1000: 1000" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "user": "1000:1000" }]
    /// ```
    ///
    /// ## Fix
    /// Write `name`, `uid`, or `user:group` with no spaces; UIDs and GIDs are non-negative
    /// integers.
    pub UserFormat {
        id: "user-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19418, 19418), quote: "If specifying a UID or GID, you must specify it as a positive integer." },
        ],
    }
}

impl UserFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let Some(user) = c.user() else { continue };
            let s = user.value();
            if is_placeholder(s) {
                continue;
            }
            let parts: Vec<&str> = s.split(':').collect();
            let problem = if s.is_empty() {
                Some("is empty")
            } else if parts.len() > 2 {
                Some("has more than one `:`")
            } else if parts.iter().any(|p| p.is_empty()) {
                Some("has an empty user or group")
            } else if s.chars().any(char::is_whitespace) {
                Some("contains whitespace")
            } else if parts
                .iter()
                .any(|p| p.starts_with('-') && p[1..].bytes().all(|b| b.is_ascii_digit()))
            {
                Some("has a negative UID or GID")
            } else {
                None
            };
            if let Some(problem) = problem {
                out.report(&Self::META, user.range(), format!("user `{s}` {problem}"))
                    .help("use one of user, user:group, uid, uid:gid, user:gid or uid:group, with non-negative integer IDs");
            }
        }
    }
}
