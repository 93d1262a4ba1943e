use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a value whose JSON type is not the API's type for that field.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates types before sending ("Invalid type for parameter cpu, value:
    /// 256, type: <class 'int'>, valid types: <class 'str'>"); Terraform and ecspresso fail
    /// decoding the JSON into the Go SDK's types ("json: cannot unmarshal string into Go
    /// struct field …"); the ECS deploy GitHub action v2 (JavaScript SDK v3) sends the value
    /// unchanged and ECS refuses it ("STRING_VALUE cannot be converted to Integer",
    /// aws-actions/amazon-ecs-deploy-task-definition#587). The classic trap:
    /// task-level `cpu` and `memory` are **strings** (`"256"`, `"1 vCPU"`), while
    /// container-level `cpu`, `memory` and `memoryReservation` are **integers**.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "cpu": 256, "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": "512" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "cpu": "256", "memory": "512",
    ///   "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 512 }] }
    /// ```
    ///
    /// ## Fix
    /// Safe where the value converts without loss: quoting a number for a string field,
    /// unquoting an integer in a string, `"true"` to `true`. Wrapping a single value in an
    /// array is offered as an unsafe fix (a `command` string may need splitting).
    pub InvalidType {
        id: "invalid-type",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::Botocore { shape: "every member's shape type" },
            Source::ApiReference { lines: (11722, 11750), quote: "cpu ... Type: String" },
        ],
    }
}
