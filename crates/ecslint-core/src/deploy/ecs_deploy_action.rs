//! `aws-actions/amazon-ecs-deploy-task-definition`, the ECS deploy GitHub action, read at
//! v2.6.3 (commit c465972e, the floating `v2` tag) and v1.5.0 (69e7aed9, the floating `v1`).
//!
//! - It reads the file with the `yaml` package (YAML 1.2), so JSON with trailing commas and
//!   `#` comments parses; duplicate keys fail the step ("Map keys must be unique"); a `//` or
//!   `/* */` comment is no comment there: its text joins the next key, which is then lost.
//! - It removes, recursively, `null`, `""`, empty arrays and objects and empty array elements
//!   (`cleanNullKeys`; `keep-null-value-keys` exempts named keys, v2.4.0+), then the eight
//!   describe-only top-level fields (`compatibilities`, `taskDefinitionArn`,
//!   `requiresAttributes`, `revision`, `status`, `registeredAt`, `deregisteredAt`,
//!   `registeredBy`, with a warning in the log), then gives an `environment` entry without
//!   `value` the value `""`. It does not unwrap `{"taskDefinition": …}`.
//! - v2 registers with the JavaScript SDK v3, which sends the model's members only: unknown
//!   and PascalCase keys are dropped without a word, and types are not checked (ECS answers
//!   "STRING_VALUE cannot be converted to Integer", issue #587). v1 used the SDK v2, which
//!   refuses unknown keys and wrong types but converts a numeric string for an integer.
//!
//! Source: index.js lines 11-21, 321-422, 578-586 at v2.6.3; the SDK behaviour was run with
//! the versions its lockfiles pin (docs/deployers.md).

use super::{Deployer, Handling, Profile};
use crate::diagnostic::Diagnostic;
use crate::rule::Source;

const SOURCES: &[Source] = &[Source::Tool {
    tool: "aws-actions/amazon-ecs-deploy-task-definition",
    version: "v2.6.3 (c465972e) and v1.5.0 (69e7aed9)",
    url: "https://github.com/aws-actions/amazon-ecs-deploy-task-definition/blob/c465972ecbd160473f22e683363b422a5412a3de/index.js",
    note: "yaml.parse of the file; cleanNullKeys (lines 321-378); IGNORED_TASK_DEFINITION_ATTRIBUTES (11-21, 380-392); environment values filled (394-422)",
}];

/// The describe-only fields the action removes from the top level (when they are set).
pub const REMOVED_FIELDS: &[&str] = &[
    "compatibilities",
    "taskDefinitionArn",
    "requiresAttributes",
    "revision",
    "status",
    "registeredAt",
    "deregisteredAt",
    "registeredBy",
];

const YAML_SLIPS: Handling =
    Handling::Fixed("reads the file as YAML, which takes trailing commas, `#` comments and a BOM");
const SLASH_COMMENTS: Handling = Handling::Dropped(
    "reads the file as YAML, where `//` and `/* */` start no comment: the comment's text joins the next key, which is then lost",
);
const DUPLICATES: Handling =
    Handling::Refused("refuses the file: its YAML reader answers \"Map keys must be unique\"");
const WRAPPER: Handling = Handling::Refused(
    "does not unwrap it: it registers only the top-level `tags`, and ECS refuses a task definition without `family`",
);

/// v2 (`@v2`, the current major version).
pub static PROFILE: Profile = Profile {
    deployer: Deployer::EcsDeployAction,
    name: "the ECS deploy GitHub action",
    read_at: "v2.6.3",
    sources: SOURCES,
    nulls: Handling::Fixed("removes `null` values before registering"),
    empty_values: Handling::Fixed("removes empty values before registering"),
    read_only_fields: Handling::Fixed(
        "registers through the JavaScript SDK v3, which drops keys the API does not have",
    ),
    unknown_fields: Handling::Dropped(
        "registers through the JavaScript SDK v3, which drops keys the API does not have without a word",
    ),
    wrapper: WRAPPER,
    duplicate_keys: DUPLICATES,
    json_slips: YAML_SLIPS,
    slash_comments: SLASH_COMMENTS,
    numeric_strings: Handling::Sent,
    empty_enum: Handling::Fixed("removes empty strings before registering"),
    keys_any_case: false,
    supplies_service_name: false,
    supplies_task_definition: false,
};

/// v1 (`@v1` = v1.5.0, JavaScript SDK v2 with client-side validation).
pub static PROFILE_V1: Profile = Profile {
    deployer: Deployer::EcsDeployActionV1,
    name: "the ECS deploy GitHub action (v1)",
    read_at: "v1.5.0",
    sources: SOURCES,
    nulls: Handling::Fixed("removes `null` values before registering"),
    empty_values: Handling::Fixed("removes empty values before registering"),
    read_only_fields: Handling::Sent,
    unknown_fields: Handling::Sent,
    wrapper: WRAPPER,
    duplicate_keys: DUPLICATES,
    json_slips: YAML_SLIPS,
    slash_comments: SLASH_COMMENTS,
    numeric_strings: Handling::Fixed(
        "converts a numeric string for an integer field before registering (JavaScript SDK v2)",
    ),
    empty_enum: Handling::Fixed("removes empty strings before registering"),
    keys_any_case: false,
    supplies_service_name: false,
    supplies_task_definition: false,
};

/// The action removes the eight describe-only fields from the top level itself, in both
/// major versions.
pub(super) fn read_only_field(p: &Profile, d: &Diagnostic) -> Option<Handling> {
    if !matches!(
        p.deployer,
        Deployer::EcsDeployAction | Deployer::EcsDeployActionV1
    ) {
        return None;
    }
    let field = d.pointer.strip_prefix('/')?;
    REMOVED_FIELDS.contains(&field).then_some(Handling::Fixed(
        "removes it before registering (with a warning in the log)",
    ))
}
