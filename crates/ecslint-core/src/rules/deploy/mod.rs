//! Rules of the `deploy` area: what goes wrong between a file and the API because of the tool
//! that deploys it (see `crate::deploy`): a render step that names a container the file does
//! not have, the deploy action's cleaning that changes meaning, a CodeDeploy appspec that does
//! not match its task definition, an ecspresso template variable the workflow never sets.

pub(crate) mod helpers;

mod codedeploy_appspec_container;
mod codedeploy_image_placeholder;
mod deploy_action_removes_empty_value;
mod ecspresso_env_not_provided;
mod render_container_not_found;

pub use codedeploy_appspec_container::CodedeployAppspecContainer;
pub use codedeploy_image_placeholder::CodedeployImagePlaceholder;
pub use deploy_action_removes_empty_value::DeployActionRemovesEmptyValue;
pub use ecspresso_env_not_provided::EcspressoEnvNotProvided;
pub use render_container_not_found::RenderContainerNotFound;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &RenderContainerNotFound::META,
        RenderContainerNotFound::check,
    ),
    Rule::checked(
        &DeployActionRemovesEmptyValue::META,
        DeployActionRemovesEmptyValue::check,
    ),
    Rule::checked(
        &CodedeployAppspecContainer::META,
        CodedeployAppspecContainer::check,
    ),
    Rule::checked(
        &CodedeployImagePlaceholder::META,
        CodedeployImagePlaceholder::check,
    ),
    Rule::checked(
        &EcspressoEnvNotProvided::META,
        EcspressoEnvNotProvided::check,
    ),
];
