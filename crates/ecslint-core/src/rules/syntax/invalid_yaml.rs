use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// Reports YAML that cannot be read: a tab in the indentation, a line indented to no
    /// open mapping or list, an unclosed `[`, `{` or quote, a second document (`---`), a key
    /// that is a mapping or list, an anchor defined twice, a `<<` that merges no mapping,
    /// aliases that expand past 250,000 values or nesting deeper than 128 levels.
    ///
    /// ## Why is this bad?
    /// CloudFormation, cfn-lint (PyYAML) and the ECS deploy GitHub action (the `yaml`
    /// package) refuse the file, or read one document of several: the stack or deployment
    /// fails before ECS sees the definition. Each message says where the reader stopped and
    /// what it expected there.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   TaskDefinition:
    ///     Type: AWS::ECS::TaskDefinition
    ///    Properties:
    ///       Cpu: 256
    /// ```
    /// `Properties` is indented 3 spaces, between `Resources`' keys (2) and `Type`'s (4).
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   TaskDefinition:
    ///     Type: AWS::ECS::TaskDefinition
    ///     Properties:
    ///       Cpu: 256
    /// ```
    ///
    /// ## Fix
    /// None: where a line belongs is for you to say.
    pub InvalidYaml {
        id: "invalid-yaml",
        category: Category::Syntax,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html", note: "CloudFormation reads YAML 1.1 templates" },
            Source::Peer { tool: "cfn-lint", rule: "E0000" },
        ],
    }
}
