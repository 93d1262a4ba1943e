use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Says when a service definition has no `serviceName`, unless it is known to be deployed by
    /// ecspresso (an ecspresso configuration names the file). Off by default.
    ///
    /// ## Why is this bad?
    /// CreateService requires `serviceName`, and `aws ecs create-service --cli-input-json` refuses
    /// a request without it. ecspresso's service definitions leave it out on purpose: ecspresso
    /// takes it from its configuration (`service:`). Which tool reads the file is not in the file,
    /// so this is only information; the structural check does not report the missing member.
    ///
    /// The same split decides `read-only-field` on services: ecspresso reads a service definition
    /// through the DescribeServices shape and sends only CreateService's members, so fields such as
    /// `platformFamily`, `runningCount` or `pendingCount` left in an ecspresso service definition
    /// (one without `serviceName`, or named by an ecspresso configuration) are dropped and reported
    /// as warnings; for `aws ecs create-service --cli-input-json` they are errors ("Unknown parameter
    /// in input: \"platformFamily\"", aws/aws-cli#6774).
    ///
    /// ## Example
    /// ```json
    /// { "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Add `serviceName` when the file is CreateService input. Off by default: turn it on with `select` when your service files are CreateService input.
    pub ServiceNameRequired {
        id: "service-name-required",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1876, 1876), quote: "Required: Yes" },
            Source::Peer { tool: "ecspresso", rule: "LoadServiceDefinition sets serviceName from the configuration (kayac/ecspresso, ecspresso.go)" },
        ],
        default_enabled: false,
    }
}

impl ServiceNameRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if service.member("serviceName").is_some() || doc.ecspresso_config {
            return;
        }
        out.report(&Self::META, opening(service.range()), "the service definition has no `serviceName`: fine for ecspresso (which takes it from its configuration), refused by `aws ecs create-service --cli-input-json`")
            .help("add \"serviceName\" if the file is CreateService input")
            .pointer("/serviceName");
    }
}
