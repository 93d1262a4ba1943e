use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports an argument of an `aws_ecs_task_definition` or `aws_ecs_service` resource that
    /// Terraform's AWS provider refuses at `terraform validate` (and so at `plan`), before any
    /// request reaches ECS: a value outside the provider's list (`launch_type`,
    /// `network_mode`, `scheduling_strategy`), a number out of its range (`weight` above
    /// 1000, `size_in_gib` below 21), a `family` with characters the provider refuses, a value
    /// that is not an ARN where the provider wants one, more blocks than the schema allows
    /// (two `network_configuration` blocks), two arguments that conflict.
    ///
    /// A value the ECS API takes but provider v5.100.0 does not know yet
    /// (`MANAGED_INSTANCES`, a newer Windows version) is a warning: a newer provider may take
    /// it.
    ///
    /// ## Why is this bad?
    /// `terraform plan` stops with the provider's error ("expected launch_type to be one of
    /// [EC2 FARGATE EXTERNAL], got fargate"), so nothing is deployed. When the ECS API refuses
    /// the same value for its own reasons, that rule's finding is shown instead, once.
    ///
    /// ## Example
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   name = "web"
    ///   capacity_provider_strategy {
    ///     capacity_provider = "FARGATE"
    ///     weight            = 2000
    ///   }
    /// }
    /// ```
    /// Use instead:
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   name = "web"
    ///   capacity_provider_strategy {
    ///     capacity_provider = "FARGATE"
    ///     weight            = 1
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    /// None: the message gives the values or the range the provider takes.
    ///
    /// ## References
    /// - The provider's schema, `terraform providers schema -json` of hashicorp/aws v5.100.0,
    ///   and its validation functions (`internal/service/ecs/task_definition.go`,
    ///   `service.go`), confirmed with offline `terraform validate` runs
    pub TerraformArgumentInvalid {
        id: "terraform-argument-invalid",
        category: Category::Structure,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Tool {
            tool: "hashicorp/terraform-provider-aws",
            version: "v5.100.0",
            url: "https://github.com/hashicorp/terraform-provider-aws/blob/v5.100.0/internal/service/ecs/service.go",
            note: "ValidateFunc of each argument (validation.StringInSlice, IntBetween, verify.ValidARN, …), run by terraform validate",
        }],
    }
}
