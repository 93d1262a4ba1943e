use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a health check `command` whose first element is not `CMD` or `CMD-SHELL` (or
    /// Docker's `NONE`), including the console's comma-separated form pasted into one string
    /// (`["CMD-SHELL, curl -f http://localhost/ || exit 1"]`).
    ///
    /// ## Why is this bad?
    /// The first element tells Docker how to run the rest: `CMD` runs the arguments directly,
    /// `CMD-SHELL` runs one string with the container's shell. Docker does not run a check of
    /// any other type ("Unknown healthcheck type"), so the container never becomes healthy and
    /// a `dependsOn` `HEALTHY` condition on it never holds. The API accepts the task
    /// definition, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "healthCheck": { "command": ["curl -f http://localhost/ || exit 1"] } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] } }
    /// ```
    ///
    /// ## Fix
    /// A single string that starts with `CMD-SHELL` or `CMD` followed by a comma or a space is
    /// split into the two elements (safe). Otherwise the unsafe fix adds `CMD-SHELL` before a
    /// single command line, or `CMD` before a command already split into arguments.
    pub HealthCheckCommandPrefix {
        id: "health-check-command-prefix",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (20899, 20899), quote: "The string array must start with CMD to run the command arguments directly, or CMD-SHELL to run the command with the container's default shell." },
            Source::AwsDocs { url: "https://docs.docker.com/reference/dockerfile/#healthcheck", note: "Docker runs a health check only when Test starts with CMD or CMD-SHELL (NONE disables it)" },
        ],
    }
}

impl HealthCheckCommandPrefix {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(command) = container.health_check().and_then(|h| h.command()) else {
                continue;
            };
            let Some(first) = command.nodes().first() else {
                continue;
            };
            let Some(head) = first.as_str() else {
                continue;
            };
            if matches!(head, "CMD" | "CMD-SHELL" | "NONE") || is_placeholder(head) {
                continue;
            }
            let who = container_label(i, container);
            let quote = |s: &str| serde_json::to_string(s).expect("a string serializes");
            // The console form, or both parts in one string.
            let split = ["CMD-SHELL", "CMD"].into_iter().find_map(|kind| {
                let rest = head.strip_prefix(kind)?;
                let rest = rest.strip_prefix(',').unwrap_or(rest);
                (rest.starts_with(' ') && !rest.trim().is_empty()).then(|| (kind, rest.trim()))
            });
            if let Some((kind, rest)) = split {
                let d = out.report(
                    &Self::META,
                    first.range,
                    format!(
                        "health check command puts `{kind}` and the command in one string ({who})"
                    ),
                );
                d.help(format!(
                    "write them as two elements: [\"{kind}\", {}]",
                    quote(rest)
                ));
                if command.len() == 1 {
                    d.fix(Fix::safe(
                        format!("split into \"{kind}\" and the command"),
                        vec![Edit::replace(
                            first.range,
                            format!("\"{kind}\", {}", quote(rest)),
                        )],
                    ));
                }
                continue;
            }
            let d = out.report(
                &Self::META,
                first.range,
                format!("health check command must start with \"CMD\" or \"CMD-SHELL\", not {} ({who}); Docker does not run it", quote(head)),
            );
            if command.len() == 1 {
                let line = head.replace(", ", " ");
                d.help("to run a command line with the shell, write [\"CMD-SHELL\", \"<command line>\"]")
                    .fix(Fix::unsafe_(
                        "run it with CMD-SHELL",
                        vec![Edit::replace(first.range, format!("\"CMD-SHELL\", {}", quote(&line)))],
                    ));
            } else {
                d.help("to run the program with these arguments directly, put \"CMD\" first: [\"CMD\", \"<program>\", \"<arg>\", …]")
                    .fix(Fix::unsafe_("add \"CMD\" first", vec![Edit::insert(first.range.start, "\"CMD\", ")]));
            }
        }
    }
}
