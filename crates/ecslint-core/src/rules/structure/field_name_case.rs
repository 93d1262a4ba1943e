use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a key that names an API field in another letter case (`Image`, `PORTMAPPINGS`)
    /// in a document whose deployer matches keys in any case: Terraform's
    /// `container_definitions` and ecspresso, both Go's `encoding/json`.
    ///
    /// ## Why is this bad?
    /// It works there: the field is set, and ecslint checks it as the field it is. But the
    /// same file fails with the AWS CLI (an unknown parameter) and loses the field with the
    /// ECS deploy GitHub action, whose SDK drops keys it does not know; written as the API
    /// spells it, it works everywhere. Elsewhere such a key is `unknown-field`.
    ///
    /// ## Example
    /// ```json
    /// [{ "Name": "web", "Image": "nginx:1.27", "Memory": 512 }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "memory": 512 }]
    /// ```
    ///
    /// ## Fix
    /// Safe: the key is renamed to the API's spelling, which the deployer reads the same way.
    pub FieldNameCase {
        id: "field-name-case",
        category: Category::Structure,
        severity: Severity::Info,
        fix: FixKind::Safe,
        sources: &[
            Source::Tool { tool: "hashicorp/terraform-provider-aws", version: "v5.100.0", url: "https://github.com/hashicorp/terraform-provider-aws/blob/v5.100.0/internal/json/decode.go", note: "encoding/json into the SDK's structs: keys match field names in any letter case" },
            Source::Tool { tool: "kayac/ecspresso", version: "v2.3.2", url: "https://github.com/kayac/ecspresso/blob/v2.3.2/json.go", note: "walkMap upper-cases the first letter of each key; encoding/json matches the rest in any case" },
        ],
    }
}
