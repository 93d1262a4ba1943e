//! Rules about a CloudFormation template around its ECS resources: what the template leaves
//! to macros, and the target groups a service's load balancers name. The form reports them
//! (`forms::cloudformation`); the ECS resources themselves are checked by every other rule.

mod cloudformation_transform_not_expanded;

pub use cloudformation_transform_not_expanded::CloudformationTransformNotExpanded;

use crate::rule::Rule;

/// The rules of this area, reported by the CloudFormation form.
pub(crate) static RULES: &[Rule] = &[Rule::reported(&CloudformationTransformNotExpanded::META)];
