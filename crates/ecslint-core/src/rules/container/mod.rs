//! Rules of the `container` area (see the module list in `rules/mod.rs`): names, images,
//! essential containers, commands, environment, secrets, credentials and the execution role.

mod at_least_one_essential_container;
mod command_one_arg_per_element;
mod container_image_required;
mod container_name_format;
mod container_name_required;
mod container_name_unique;
mod credential_specs_format;
mod credential_specs_max_1;
mod environment_file_value_s3_arn;
mod environment_files_env_extension;
mod environment_files_max_10;
mod environment_precedence;
pub(crate) mod helpers;
mod image_format;
mod links_format;
mod repository_credentials_arn_or_name;
mod secret_value_from_format;
mod user_format;

pub use at_least_one_essential_container::AtLeastOneEssentialContainer;
pub use command_one_arg_per_element::CommandOneArgPerElement;
pub use container_image_required::ContainerImageRequired;
pub use container_name_format::ContainerNameFormat;
pub use container_name_required::ContainerNameRequired;
pub use container_name_unique::ContainerNameUnique;
pub use credential_specs_format::CredentialSpecsFormat;
pub use credential_specs_max_1::CredentialSpecsMax1;
pub use environment_file_value_s3_arn::EnvironmentFileValueS3Arn;
pub use environment_files_env_extension::EnvironmentFilesEnvExtension;
pub use environment_files_max_10::EnvironmentFilesMax10;
pub use environment_precedence::EnvironmentPrecedence;
pub use image_format::ImageFormat;
pub use links_format::LinksFormat;
pub use repository_credentials_arn_or_name::RepositoryCredentialsArnOrName;
pub use secret_value_from_format::SecretValueFromFormat;
pub use user_format::UserFormat;

mod containers_max_10;
pub use containers_max_10::ContainersMax10;

mod container_definitions_not_empty;
pub use container_definitions_not_empty::ContainerDefinitionsNotEmpty;

mod credential_specs_preferred;
pub use credential_specs_preferred::CredentialSpecsPreferred;

mod restart_policy;
pub use restart_policy::{RestartAttemptPeriodRange, RestartIgnoredExitCodesMax50};

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&ContainerNameRequired::META, ContainerNameRequired::check),
    Rule::checked(&ContainerNameUnique::META, ContainerNameUnique::check),
    Rule::checked(&ContainerNameFormat::META, ContainerNameFormat::check),
    Rule::checked(&ContainerImageRequired::META, ContainerImageRequired::check),
    Rule::checked(&ImageFormat::META, ImageFormat::check),
    Rule::checked(
        &AtLeastOneEssentialContainer::META,
        AtLeastOneEssentialContainer::check,
    ),
    Rule::checked(&SecretValueFromFormat::META, SecretValueFromFormat::check),
    Rule::checked(
        &EnvironmentFileValueS3Arn::META,
        EnvironmentFileValueS3Arn::check,
    ),
    Rule::checked(
        &EnvironmentFilesEnvExtension::META,
        EnvironmentFilesEnvExtension::check,
    ),
    Rule::checked(&EnvironmentFilesMax10::META, EnvironmentFilesMax10::check),
    Rule::checked(
        &RepositoryCredentialsArnOrName::META,
        RepositoryCredentialsArnOrName::check,
    ),
    Rule::checked(&CredentialSpecsMax1::META, CredentialSpecsMax1::check),
    Rule::checked(&CredentialSpecsFormat::META, CredentialSpecsFormat::check),
    Rule::checked(&LinksFormat::META, LinksFormat::check),
    Rule::checked(&UserFormat::META, UserFormat::check),
    Rule::checked(
        &CommandOneArgPerElement::META,
        CommandOneArgPerElement::check,
    ),
    Rule::checked(&EnvironmentPrecedence::META, EnvironmentPrecedence::check),
    Rule::checked(&ContainersMax10::META, ContainersMax10::check),
    Rule::checked(
        &ContainerDefinitionsNotEmpty::META,
        ContainerDefinitionsNotEmpty::check,
    ),
    Rule::checked(
        &CredentialSpecsPreferred::META,
        CredentialSpecsPreferred::check,
    ),
    Rule::checked(
        &RestartAttemptPeriodRange::META,
        RestartAttemptPeriodRange::check,
    ),
    Rule::checked(
        &RestartIgnoredExitCodesMax50::META,
        RestartIgnoredExitCodesMax50::check,
    ),
];
