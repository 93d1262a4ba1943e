//! Rules of the `logging` area (see the module list in `rules/mod.rs`).

mod awslogs_create_group_true_only;
mod awslogs_options_required;
mod awslogs_stream_prefix_fargate;
mod firelens_fargate_file_config_only;
mod firelens_options_syntax;
pub(crate) mod helpers;
mod log_driver_fargate_supported;

mod awslogs_group_not_arn;
pub use awslogs_create_group_true_only::AwslogsCreateGroupTrueOnly;
pub use awslogs_group_not_arn::AwslogsGroupNotArn;
pub use awslogs_options_required::AwslogsOptionsRequired;
pub use awslogs_stream_prefix_fargate::AwslogsStreamPrefixFargate;
pub use firelens_fargate_file_config_only::FirelensFargateFileConfigOnly;
pub use firelens_options_syntax::FirelensOptionsSyntax;
pub use log_driver_fargate_supported::LogDriverFargateSupported;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &LogDriverFargateSupported::META,
        LogDriverFargateSupported::check,
    ),
    Rule::checked(
        &AwslogsStreamPrefixFargate::META,
        AwslogsStreamPrefixFargate::check,
    ),
    Rule::checked(&AwslogsOptionsRequired::META, AwslogsOptionsRequired::check),
    Rule::checked(&AwslogsGroupNotArn::META, AwslogsGroupNotArn::check),
    Rule::checked(
        &AwslogsCreateGroupTrueOnly::META,
        AwslogsCreateGroupTrueOnly::check,
    ),
    Rule::checked(
        &FirelensFargateFileConfigOnly::META,
        FirelensFargateFileConfigOnly::check,
    ),
    Rule::checked(&FirelensOptionsSyntax::META, FirelensOptionsSyntax::check),
];
