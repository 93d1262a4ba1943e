use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Says once per resource what ecslint did not check because only Terraform can evaluate
    /// it: the instances of `count` and `for_each` (one resource is linted for all of them),
    /// what a `dynamic` block expands to (its `content` is linted once), and containers that
    /// come from a module's output, a data source, a `for` expression or a file that was not
    /// read with the resource.
    ///
    /// ## Why is this bad?
    /// It is not: it is a note, so that a clean result is not read as "every container was
    /// checked". The plan has every value resolved: `terraform show -json` of a plan, linted
    /// by ecslint, checks exactly what will be sent.
    ///
    /// ## Example
    /// ```hcl
    /// resource "aws_ecs_task_definition" "app" {
    ///   family                = "app"
    ///   container_definitions = module.container.json_map_encoded_list
    /// }
    /// ```
    /// Use instead (the same configuration, and the plan linted in CI):
    /// ```sh
    /// terraform plan -out p && terraform show -json p | ecslint check --stdin-filename plan.json -
    /// ```
    ///
    /// ## Fix
    /// None: lint the plan.
    ///
    /// ## References
    /// - Terraform's JSON output format (`terraform show -json`), which holds the planned
    ///   values of every resource
    pub TerraformNotEvaluated {
        id: "terraform-not-evaluated",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[Source::Tool {
            tool: "hashicorp/terraform",
            version: "1.11.4",
            url: "https://developer.hashicorp.com/terraform/internals/json-format",
            note: "a plan's JSON representation holds the planned values (`planned_values`, `resource_changes[].change.after`) with variables resolved",
        }],
    }
}
