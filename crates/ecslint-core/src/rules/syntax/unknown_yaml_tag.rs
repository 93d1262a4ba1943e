use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports a YAML tag the reader does not know: in a CloudFormation template, a `!Name`
    /// that is none of the intrinsic functions' short forms (`!Ref`, `!Sub`, `!GetAtt`, `!If`,
    /// `!Join`, `!Select`, `!Split`, `!FindInMap`, `!ImportValue`, `!Base64`, `!Cidr`,
    /// `!GetAZs`, `!Equals`, `!And`, `!Or`, `!Not`, `!Condition`, `!Transform`, and `!Length`
    /// and `!ToJsonString` of `AWS::LanguageExtensions`); in a task definition read by the ECS
    /// deploy action, any tag but YAML's own (`!!str`, `!!int`, …). The value is read as if it
    /// had no tag.
    ///
    /// ## Why is this bad?
    /// A misspelt function (`!GetAttr`, `!ref`) is not the function you meant: cfn-lint reads
    /// it as `Fn::GetAttr`, which CloudFormation does not have, and the `yaml` package of the
    /// ECS deploy action warns "Unresolved tag" and sends the plain string. No AWS document
    /// says how CloudFormation itself treats an unknown tag, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// ExecutionRoleArn: !GetAttr ExecutionRole.Arn
    /// ```
    /// Use instead:
    /// ```yaml
    /// ExecutionRoleArn: !GetAtt ExecutionRole.Arn
    /// ```
    ///
    /// ## Fix
    /// None: the intended function is for you to say.
    pub UnknownYamlTag {
        id: "unknown-yaml-tag",
        category: Category::Syntax,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html", note: "the intrinsic functions and their YAML short forms" },
            Source::Peer { tool: "cfn-lint", rule: "decode/cfn_yaml.py: any !X becomes Fn::X" },
        ],
    }
}
