use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a member the API model requires that is absent: `family` and
    /// `containerDefinitions` of a task definition, `containerName` and `condition` of a
    /// `dependsOn` entry, `name` and `value` of a secret, and so on.
    ///
    /// ## Why is this bad?
    /// The AWS CLI refuses the request ("Missing required parameter in input: \"family\"").
    ///
    /// ## Example
    /// ```json
    /// { "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 512 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 512 }] }
    /// ```
    ///
    /// ## Fix
    /// Add the member. A service's `serviceName` is not reported: ecspresso supplies it from
    /// its configuration (`service:`), and other tools pass it on their command line.
    pub MissingRequiredField {
        id: "missing-required-field",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::Botocore { shape: "the `required` list of every structure" },
            Source::ApiReference { lines: (11714, 11720), quote: "containerDefinitions ... Required: Yes" },
        ],
    }
}
