//! CodePipeline's `CodeDeployToECS` action (ECS blue/green): it replaces the `<IMAGE1_NAME>`
//! placeholder in `taskdef.json` with the image URI of the image artifact
//! (`imageDetail.json`), registers the task definition and puts its ARN in place of
//! `<TASK_DEFINITION>` in the appspec. Whether it cleans or validates `taskdef.json` otherwise
//! is not documented, so the profile is as strict as the AWS CLI.

use super::{Deployer, Handling, Profile};
use crate::rule::Source;

pub static PROFILE: Profile = Profile {
    deployer: Deployer::Codedeploy,
    name: "CodePipeline's CodeDeployToECS action",
    read_at: "the CodePipeline User Guide, 2026",
    sources: &[Source::AwsDocs {
        url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html",
        note: "TaskDefinitionTemplateArtifact, AppSpecTemplateArtifact, Image<N>ContainerName: the placeholder text in taskdef.json that the image URI replaces",
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
