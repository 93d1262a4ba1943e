use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a Service Connect `timeout` whose `idleTimeoutSeconds` is shorter than its
    /// `perRequestTimeoutSeconds` (0 turns either off and is left alone).
    ///
    /// ## Why is this bad?
    /// The connection closes when the idle timeout is reached, so a longer per-request
    /// timeout never takes effect.
    ///
    /// ## Example
    /// ```json
    /// { "timeout": { "idleTimeoutSeconds": 10, "perRequestTimeoutSeconds": 60 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "timeout": { "idleTimeoutSeconds": 120, "perRequestTimeoutSeconds": 60 } }
    /// ```
    ///
    /// ## Fix
    /// Make the idle timeout at least as long as the per-request timeout.
    pub IdleTimeoutBelowPerRequestTimeout {
        id: "idle-timeout-below-per-request-timeout",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24691, 24691), quote: "If `idleTimeout` is set to a time that is less than `perRequestTimeout`, the connection will close when the `idleTimeout` is reached and not the `perRequestTimeout`." },
        ],
    }
}

impl IdleTimeoutBelowPerRequestTimeout {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for s in service_connect_services(doc) {
            let Some(t) = s.timeout() else { continue };
            let (Some(idle), Some(per)) =
                (t.idle_timeout_seconds(), t.per_request_timeout_seconds())
            else {
                continue;
            };
            if idle.value() > 0 && per.value() > 0 && idle.value() < per.value() {
                out.report(
                    &Self::META,
                    idle.range(),
                    format!(
                        "the idle timeout ({} s) is shorter than the per-request timeout ({} s): connections close first",
                        idle.value(),
                        per.value()
                    ),
                )
                .help(format!("set `idleTimeoutSeconds` to at least {}", per.value()));
            }
        }
    }
}
