use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `clientToken` longer than 36 characters or with characters outside ASCII 33-126
    /// (spaces, non-ASCII).
    ///
    /// ## Why is this bad?
    /// CreateService takes up to 36 printable ASCII characters (RunTask allows 64).
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "clientToken": "deploy 2024-05-01 web service first attempt" }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "clientToken": "550e8400-e29b-41d4-a716-446655440000" }
    /// ```
    ///
    /// ## Fix
    /// Use a UUID or another token of at most 36 printable ASCII characters.
    pub ClientTokenFormat {
        id: "client-token-format",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1667, 1667), quote: "Up to 36 ASCII characters in the range of 33-126 (inclusive) are allowed." },
        ],
    }
}

impl ClientTokenFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(token) = doc.service.and_then(|s| s.client_token()) else {
            return;
        };
        let v = token.value();
        if is_placeholder(v) {
            return;
        }
        let message = if v.chars().count() > 36 {
            format!(
                "the client token is {} characters long; the limit is 36",
                v.chars().count()
            )
        } else if let Some(c) = v.chars().find(|c| !(33..=126).contains(&(*c as u32))) {
            format!("the client token contains {:?}, outside ASCII 33-126", c)
        } else {
            return;
        };
        out.report(&Self::META, token.range(), message)
            .help("use up to 36 printable ASCII characters without spaces, e.g. a UUID");
    }
}
