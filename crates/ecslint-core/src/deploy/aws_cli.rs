//! `aws ecs register-task-definition --cli-input-json` (and `create-service`): botocore
//! validates the input against the model before sending, so every structural finding stands.
//! The default when nothing says otherwise.

use super::{Deployer, Handling, Profile};
use crate::rule::Source;

pub static PROFILE: Profile = Profile {
    deployer: Deployer::AwsCli,
    name: "the AWS CLI",
    read_at: "botocore 1.44 (the model in crates/ecslint-core/data)",
    sources: &[Source::Json {
        note: "botocore's ParamValidator refuses unknown keys, None values and wrong types before sending (aws/aws-cli#3622, aws/aws-sdk#38)",
    }],
    nulls: Handling::Sent,
    empty_values: Handling::Sent,
    read_only_fields: Handling::Sent,
    unknown_fields: Handling::Sent,
    wrapper: Handling::Sent,
    duplicate_keys: Handling::Sent,
    json_slips: Handling::Sent,
    slash_comments: Handling::Sent,
    numeric_strings: Handling::Sent,
    empty_enum: Handling::Sent,
    keys_any_case: false,
    supplies_service_name: false,
    supplies_task_definition: false,
};
