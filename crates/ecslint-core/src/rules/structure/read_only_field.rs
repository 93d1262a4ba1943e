use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports fields that exist only in the API's output, copied into an input file:
    /// `taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`,
    /// `registeredAt`, `registeredBy`, `deregisteredAt` from DescribeTaskDefinition;
    /// `serviceArn`, `runningCount`, `pendingCount`, `deployments`, `events`, … from
    /// DescribeServices.
    ///
    /// ## Why is this bad?
    /// `aws ecs describe-task-definition` output pasted into `register-task-definition
    /// --cli-input-json` is refused ("Unknown parameter in input: \"taskDefinitionArn\"").
    /// The list is derived from botocore: the members of `TaskDefinition` (`Service`) that
    /// `RegisterTaskDefinitionRequest` (`CreateServiceRequest`) does not have.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "revision": 7, "status": "ACTIVE", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    ///
    /// ## Fix
    /// Safe: the field is removed.
    pub ReadOnlyField {
        id: "read-only-field",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Botocore { shape: "TaskDefinition vs RegisterTaskDefinitionRequest; Service vs CreateServiceRequest" }],
    }
}
