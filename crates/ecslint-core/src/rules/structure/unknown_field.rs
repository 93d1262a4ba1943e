use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a key that the API does not have at that place, and suggests the field you
    /// probably meant: a typo (`memoryReservaton`), a Docker Compose name (`ports`,
    /// `portBindings`), or a PascalCase key copied from CloudFormation (`ContainerDefinitions`).
    ///
    /// ## Why is this bad?
    /// The AWS CLI refuses the whole request ("Unknown parameter in containerDefinitions[0]:
    /// \"memoryReservaton\""). In Terraform's `container_definitions` an unknown key is
    /// silently dropped instead, so the setting you wrote never applies: there it is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memoryReservaton": 256 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "memoryReservation": 256 }
    /// ```
    ///
    /// ## Fix
    /// Renaming a PascalCase key to its camelCase field is safe; any other suggestion is
    /// offered as an unsafe fix.
    ///
    /// The field set is botocore's current ECS model, newer than the 2024 API reference:
    /// `restartPolicy`, `versionConsistency`, `enableFaultInjection` and the like are known.
    pub UnknownField {
        id: "unknown-field",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[Source::Botocore { shape: "RegisterTaskDefinitionRequest, CreateServiceRequest and every shape they use" }],
    }
}
