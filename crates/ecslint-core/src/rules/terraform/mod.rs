//! Rules of the Terraform form: what Terraform's AWS provider refuses before the ECS API sees
//! the request, and what the form leaves to Terraform. Reported by `forms::terraform`.

mod terraform_argument_invalid;
mod terraform_not_evaluated;

pub use terraform_argument_invalid::TerraformArgumentInvalid;
pub use terraform_not_evaluated::TerraformNotEvaluated;

use crate::rule::Rule;

/// The rules of this area, reported by the Terraform form.
pub(crate) static RULES: &[Rule] = &[
    Rule::reported(&TerraformArgumentInvalid::META),
    Rule::reported(&TerraformNotEvaluated::META),
];
