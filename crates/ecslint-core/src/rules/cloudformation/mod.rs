//! Rules about a CloudFormation template around its ECS resources: what the template leaves
//! to macros, and the target groups a service's load balancers name. The form reports them
//! (`forms::cloudformation`); the ECS resources themselves are checked by every other rule.

mod cloudformation_transform_not_expanded;
mod target_group_health_check_port_dynamic;
mod target_group_protocol_port_mapping;
mod target_group_target_type_network_mode;

pub use cloudformation_transform_not_expanded::CloudformationTransformNotExpanded;
pub use target_group_health_check_port_dynamic::TargetGroupHealthCheckPortDynamic;
pub use target_group_protocol_port_mapping::TargetGroupProtocolPortMapping;
pub use target_group_target_type_network_mode::TargetGroupTargetTypeNetworkMode;

use crate::rule::Rule;

/// The rules of this area, reported by the CloudFormation form.
pub(crate) static RULES: &[Rule] = &[
    Rule::reported(&CloudformationTransformNotExpanded::META),
    Rule::reported(&TargetGroupTargetTypeNetworkMode::META),
    Rule::reported(&TargetGroupHealthCheckPortDynamic::META),
    Rule::reported(&TargetGroupProtocolPortMapping::META),
];
