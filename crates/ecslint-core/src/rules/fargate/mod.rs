//! Rules for task definitions that run on AWS Fargate (`requiresCompatibilities` contains
//! `FARGATE`, or `ecslint.toml` assumes it).

mod fargate_requires_awsvpc;

pub use fargate_requires_awsvpc::FargateRequiresAwsvpc;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[Rule::checked(
    &FargateRequiresAwsvpc::META,
    FargateRequiresAwsvpc::check,
)];
