//! kayac/ecspresso v2, read at v2.3.2 (commit 0279bc63; `json.go`, `util.go`, `ecspresso.go`,
//! `create.go`, `deploy.go`) with the v2.8 README for what came later.
//!
//! Task definitions: the file is expanded as a Go template (`{{ must_env "X" }}`) and then
//! read; `{"taskDefinition": …}` is unwrapped (its sibling `tags` is discarded); `null`
//! members and empty arrays are deleted; every key's first letter is upper-cased (but inside
//! `dockerLabels` and `options`) and Go's `encoding/json` matches the rest in any letter case;
//! unknown keys, describe-only fields among them, get one `[WARNING]` line and are ignored;
//! types are strict ("json: cannot unmarshal …"). Service definitions are read through the
//! DescribeServices shape: describe-only fields are accepted without a word and never sent,
//! `serviceName` comes from the configuration and `taskDefinition` is the one ecspresso
//! registers; CreateService members the describe shape lacks (`cluster`, `role`,
//! `clientToken`) get the unknown-field warning and are not sent. The Go SDK omits an enum
//! member that is `""`.

use super::{Deployer, Handling, Profile};
use crate::rule::Source;

const SOURCES: &[Source] = &[Source::Tool {
    tool: "kayac/ecspresso",
    version: "v2.3.2 (0279bc63)",
    url: "https://github.com/kayac/ecspresso/blob/v2.3.2/ecspresso.go",
    note: "LoadTaskDefinition unwraps and walkMap deletes nulls and empty arrays (json.go 57-123); unmarshalJSON warns about unknown fields and retries (ecspresso.go 494-507); LoadServiceDefinition reads types.Service and sets serviceName from the config (509-531)",
}];

const EMPTY_ENUM: Handling =
    Handling::Fixed("sends through the Go SDK, which omits an empty enum value");

/// Task definitions.
pub static TASK_DEFINITION: Profile = Profile {
    deployer: Deployer::Ecspresso,
    name: "ecspresso",
    read_at: "v2.3.2",
    sources: SOURCES,
    nulls: Handling::Fixed("deletes `null` members before registering"),
    empty_values: Handling::Sent,
    read_only_fields: Handling::Fixed(
        "ignores it, with a warning in its log (it is not a RegisterTaskDefinition member)",
    ),
    unknown_fields: Handling::Dropped(
        "logs one warning for the first unknown key and ignores them all",
    ),
    wrapper: Handling::Fixed("unwraps describe output (and drops its top-level `tags`)"),
    duplicate_keys: Handling::Sent,
    json_slips: Handling::Sent,
    slash_comments: Handling::Sent,
    numeric_strings: Handling::Sent,
    empty_enum: EMPTY_ENUM,
    keys_any_case: true,
    supplies_service_name: false,
    supplies_task_definition: false,
};

/// Service definitions.
pub static SERVICE: Profile = Profile {
    deployer: Deployer::Ecspresso,
    name: "ecspresso",
    read_at: "v2.3.2",
    sources: SOURCES,
    nulls: Handling::Fixed("ignores `null` values"),
    empty_values: Handling::Sent,
    read_only_fields: Handling::Fixed(
        "reads the service through DescribeServices' shape and sends only CreateService's members",
    ),
    unknown_fields: Handling::Dropped(
        "logs one warning for the first unknown key and ignores them all (`cluster` and `role` too: the cluster comes from its configuration)",
    ),
    wrapper: Handling::Sent,
    duplicate_keys: Handling::Sent,
    json_slips: Handling::Sent,
    slash_comments: Handling::Sent,
    numeric_strings: Handling::Sent,
    empty_enum: EMPTY_ENUM,
    keys_any_case: true,
    supplies_service_name: true,
    supplies_task_definition: true,
};
