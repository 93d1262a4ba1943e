use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a Terraform file (`.tf`) that is not valid HCL native syntax: an unclosed
    /// brace, bracket, string or heredoc, a missing newline after an argument, a repeated
    /// argument, an invalid escape such as `\$`, an operator left at the end of a line outside
    /// brackets, a label with an interpolation.
    ///
    /// ## Why is this bad?
    /// `terraform plan` stops on the first syntax error of any file in the module, so nothing
    /// is deployed. ecslint skips the broken argument or block and reads on, so that the rest
    /// of the file is still checked in the same run.
    ///
    /// ## Example
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   desired_count = 2 launch_type = "FARGATE"
    /// }
    /// ```
    /// Use instead:
    /// ```hcl
    /// resource "aws_ecs_service" "web" {
    ///   desired_count = 2
    ///   launch_type   = "FARGATE"
    /// }
    /// ```
    ///
    /// ## Fix
    /// None: the message says what was expected at the exact place.
    ///
    /// ## References
    /// - HCL native syntax specification (hashicorp/hcl, `hclsyntax/spec.md`)
    /// - Terraform 1.11.4: `terraform fmt` and `terraform validate` report the same errors
    pub InvalidHcl {
        id: "invalid-hcl",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[Source::Peer { tool: "terraform 1.11.4 (hashicorp/hcl native syntax parser)", rule: "syntax errors" }],
    }
}
