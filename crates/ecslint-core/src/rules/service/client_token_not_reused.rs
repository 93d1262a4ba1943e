use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Says when a service file holds a fixed `clientToken`.
    ///
    /// ## Why is this bad?
    /// A client token makes one request idempotent; written in a file it is sent again on every
    /// deployment, and a token must not be reused for another request.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "clientToken": "550e8400-e29b-41d4-a716-446655440000" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Remove `clientToken` from the file and let the tool generate one per request.
    pub ClientTokenNotReused {
        id: "client-token-not-reused",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (25051, 25051), quote: "You should not reuse the same client token for other API requests." },
        ],
    }
}

impl ClientTokenNotReused {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(token) = doc.service.and_then(|s| s.client_token()) else {
            return;
        };
        if is_placeholder(token.value()) {
            return;
        }
        out.report(
            &Self::META,
            token.range(),
            "a fixed client token is sent again on every deployment",
        )
        .help("remove `clientToken`, or generate a new one per request");
    }
}
