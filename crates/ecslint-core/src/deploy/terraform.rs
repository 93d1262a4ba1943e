//! The Terraform AWS provider reading `container_definitions` (hashicorp/terraform-provider-aws
//! v5.100.0, and the same decoder in the 2026 source): Go's `encoding/json` into the SDK's
//! `ContainerDefinition`, so keys match in any letter case, `null` is absent, unknown keys
//! (snake_case ones too) are dropped without a word and types are strict; an element that
//! decodes to nothing is refused ("invalid container definition supplied at index (N)").
//! Facts and runs: `../shared/reference/terraform-container-definitions.md`.

use super::{Deployer, Handling, Profile};
use crate::rule::Source;

pub static PROFILE: Profile = Profile {
    deployer: Deployer::Terraform,
    name: "Terraform's AWS provider",
    read_at: "v5.100.0 (f7a3b98d)",
    sources: &[Source::Tool {
        tool: "hashicorp/terraform-provider-aws",
        version: "v5.100.0",
        url: "https://github.com/hashicorp/terraform-provider-aws/blob/v5.100.0/internal/service/ecs/container_definitions.go",
        note: "expandContainerDefinitions: encoding/json into types.ContainerDefinition (case-insensitive keys, unknown keys and nulls ignored, strict types)",
    }],
    nulls: Handling::Absent,
    empty_values: Handling::Sent,
    read_only_fields: Handling::Sent,
    unknown_fields: Handling::Dropped("ignores keys it does not know without a word"),
    wrapper: Handling::Sent,
    duplicate_keys: Handling::Sent,
    json_slips: Handling::Sent,
    slash_comments: Handling::Sent,
    numeric_strings: Handling::Sent,
    empty_enum: Handling::Fixed(
        "sends through the Go SDK, which omits an empty enum value",
    ),
    keys_any_case: true,
    supplies_service_name: false,
    supplies_task_definition: false,
};
