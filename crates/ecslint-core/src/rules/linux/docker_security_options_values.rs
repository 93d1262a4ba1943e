use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `dockerSecurityOptions` entry that is not of one of the documented forms:
    /// `no-new-privileges`, `apparmor:PROFILE`, `label:value` or `credentialspec:PATH`.
    ///
    /// ## Why is this bad?
    /// These are the only forms the API reference lists. Docker's `--security-opt` syntax
    /// with `=` (`apparmor=unconfined`, `seccomp=…`) or other keys is a frequent copy-paste
    /// that ECS does not pass on. This is a warning because the exact rejection has not been
    /// confirmed.
    ///
    /// ## Example
    /// ```json
    /// { "dockerSecurityOptions": ["apparmor=unconfined", "no-new-privileges:true"] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "dockerSecurityOptions": ["apparmor:unconfined", "no-new-privileges"] }
    /// ```
    ///
    /// ## Fix
    /// `key=value` for a documented key is rewritten to `key:value`, and
    /// `no-new-privileges:true` to `no-new-privileges` (safe: the same option). Others must be
    /// corrected by hand.
    pub DockerSecurityOptionsValues {
        id: "docker-security-options-values",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (19054, 19054), quote: "Valid values: \"no-new-privileges\" | \"apparmor:PROFILE\" | \"label:value\" | \"credentialspec:CredentialSpecFilePath\"" },
        ],
    }
}

const KEYS: &[&str] = &["apparmor", "label", "credentialspec"];

impl DockerSecurityOptionsValues {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(options) = container.docker_security_options() else {
                continue;
            };
            for option in options.values() {
                let o = option.value();
                if o == "no-new-privileges" || is_placeholder(o) {
                    continue;
                }
                if let Some((key, value)) = o.split_once(':') {
                    if KEYS.contains(&key) && !value.is_empty() {
                        continue;
                    }
                }
                let fixed = if o == "no-new-privileges:true" || o == "no-new-privileges=true" {
                    Some("no-new-privileges".to_owned())
                } else {
                    o.split_once('=')
                        .filter(|(k, v)| KEYS.contains(k) && !v.is_empty())
                        .map(|(k, v)| format!("{k}:{v}"))
                };
                let d = out.report(
                    &Self::META,
                    option.range(),
                    format!(
                        "\"{o}\" is not a documented dockerSecurityOptions entry ({})",
                        container_label(i, container)
                    ),
                );
                match fixed {
                    Some(f) => {
                        d.help(format!("write \"{f}\"")).fix(Fix::safe(
                            format!("replace with \"{f}\""),
                            vec![Edit::replace(
                                option.range(),
                                serde_json::to_string(&f).expect("a string serializes"),
                            )],
                        ));
                    }
                    None => {
                        d.help("use \"no-new-privileges\", \"apparmor:PROFILE\", \"label:value\" or \"credentialspec:PATH\"");
                    }
                }
            }
        }
    }
}
