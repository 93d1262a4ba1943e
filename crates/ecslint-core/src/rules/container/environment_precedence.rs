use crate::rules::first_seen::FirstSeen;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an environment variable set twice in a container's `environment`, or set both
    /// in `environment` and in `secrets`.
    ///
    /// ## Why is this bad?
    /// Only one value reaches the container, and which one is not obvious from the file:
    /// the AWS documentation asks for unique variable names. A name in both `environment`
    /// and `secrets` usually means a secret was moved to Secrets Manager or SSM and its old
    /// plaintext entry was left behind.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1",
    ///    "environment": [{ "name": "LOG_LEVEL", "value": "info" }, { "name": "LOG_LEVEL", "value": "debug" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "environment": [{ "name": "LOG_LEVEL", "value": "debug" }] }]
    /// ```
    ///
    /// ## Fix
    /// Keep one definition of each variable; remove the plaintext entry of a variable that
    /// comes from `secrets`.
    pub EnvironmentPrecedence {
        id: "environment-precedence",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (19090, 19090), quote: "We recommend that you use unique variable names." },
        ],
    }
}

impl EnvironmentPrecedence {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let mut seen: FirstSeen<&'a str, Str<'a>> = FirstSeen::new();
            if let Some(env) = c.environment() {
                for kv in env.values() {
                    let Some(name) = kv.name() else { continue };
                    if is_placeholder(name.value()) {
                        continue;
                    }
                    if let Some(first) = seen.first_or_insert(name.value(), name) {
                        out.report(
                            &Self::META,
                            name.range(),
                            format!("environment variable `{}` is set twice", name.value()),
                        )
                        .help("keep one entry per variable name")
                        .related(first.range(), "first set here");
                    }
                }
            }
            let Some(secrets) = c.secrets() else { continue };
            for secret in secrets.values() {
                let Some(name) = secret.name() else { continue };
                if let Some(plain) = seen.get(name.value()) {
                    out.report(
                        &Self::META,
                        plain.range(),
                        format!(
                            "`{}` is set both in `environment` and in `secrets`",
                            name.value()
                        ),
                    )
                    .help("remove the plaintext environment entry and keep the secret")
                    .related(name.range(), "the secret is declared here");
                }
            }
        }
    }
}
