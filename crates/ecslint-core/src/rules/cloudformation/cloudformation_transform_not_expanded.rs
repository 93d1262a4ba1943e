use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Says once, for a template that uses a transform (`Transform:
    /// AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`, a macro of your account) or
    /// calls a macro in place (`Fn::Transform`, `Fn::ForEach`), that ecslint checked the
    /// template as written, not as the transform rewrites it.
    ///
    /// ## Why is this bad?
    /// It is not: it is what ecslint could not see. CloudFormation runs transforms and
    /// macros when it creates the change set, and what they add or change (a SAM
    /// resource's generated ECS resources, a `Fn::ForEach` loop's copies, a snippet a macro
    /// inserts) is never in the file. The ECS resources written in the template are linted
    /// as usual; a value a macro produces is unknown.
    ///
    /// ## Example
    /// ```yaml
    /// Transform: AWS::Serverless-2016-10-31
    /// Resources:
    ///   TaskDef:
    ///     Type: AWS::ECS::TaskDefinition
    ///     Properties:
    ///       ContainerDefinitions:
    ///         - Name: web
    ///           Image: nginx
    ///           Memory: 512
    /// ```
    ///
    /// ## Fix
    /// None. To check what the transform produces, lint the processed template: `aws
    /// cloudformation get-template --stack-name S --template-stage Processed`, or the
    /// output of `sam build` or `cdk synth`.
    pub CloudformationTransformNotExpanded {
        id: "cloudformation-transform-not-expanded",
        category: Category::Syntax,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html", note: "CloudFormation processes transforms and macros when it creates a change set, before it provisions the resources" },
            Source::Peer { tool: "cfn-lint", rule: "transforms are expanded with SAM's translator, other macros left unexpanded" },
        ],
    }
}
