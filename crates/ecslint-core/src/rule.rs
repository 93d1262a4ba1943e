//! What a rule is: its metadata (id, severity, category, documentation, sources) and the
//! `declare_rule!` macro that turns a doc comment and a few fields into that metadata.

use serde::Serialize;

use crate::diagnostic::Severity;

/// What a rule is about. Sets expectations for its default severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// The file is not valid JSON or not the document it claims to be.
    Syntax,
    /// Field names, JSON types, enum values, required members: what the API's model rejects.
    Structure,
    /// The API rejects it, or the task fails.
    Correctness,
    /// Accepted, but probably not what was meant.
    Suspicious,
    Security,
    BestPractice,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Structure => "structure",
            Category::Correctness => "correctness",
            Category::Suspicious => "suspicious",
            Category::Security => "security",
            Category::BestPractice => "best-practice",
        }
    }

    pub const ALL: &'static [Category] = &[
        Category::Syntax,
        Category::Structure,
        Category::Correctness,
        Category::Suspicious,
        Category::Security,
        Category::BestPractice,
    ];
}

/// Whether the rule's diagnostics carry fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    None,
    /// Some or all of its fixes are safe: `--fix` applies them.
    Safe,
    /// Its fixes are only offered.
    Unsafe,
}

/// Where a rule's fact comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Source {
    /// Lines of the Amazon ECS API Reference, 2014-11-13, March 2024 edition
    /// (`shared/seeds/003_8bf2107fea839576.txt`).
    ApiReference {
        lines: (u32, u32),
        quote: &'static str,
    },
    /// botocore's ECS service model (the current field set, types and enums).
    Botocore { shape: &'static str },
    /// A sentence of botocore's documentation of a member (`Shape.member`) or a shape: the
    /// model's own statement of a range or a requirement its types do not carry.
    BotocoreDoc {
        member: &'static str,
        quote: &'static str,
    },
    /// A current AWS documentation page.
    AwsDocs {
        url: &'static str,
        note: &'static str,
    },
    /// RFC 8259 (JSON) or the behaviour of the JSON parsers in the AWS CLI, SDKs and Terraform.
    Json { note: &'static str },
    /// The API's own error message for the mistake, as reported in a public issue: the proof
    /// that the request is rejected (for catalogue rules marked `[api: inferred]`).
    ErrorMessage {
        text: &'static str,
        seen_in: &'static str,
    },
    /// What another tool does, read from its own source or documentation at a version: a
    /// deployer (the ECS deploy GitHub action, ecspresso, the Terraform AWS provider), the ECS
    /// agent, CloudFormation.
    Tool {
        tool: &'static str,
        version: &'static str,
        url: &'static str,
        note: &'static str,
    },
    /// The same check in another tool.
    Peer {
        tool: &'static str,
        rule: &'static str,
    },
}

/// Everything about a rule but its check.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id; never reused.
    pub id: &'static str,
    /// The rule's type name (`UnknownField`).
    pub name: &'static str,
    pub category: Category,
    /// The default severity; `ecslint.toml` may change it.
    pub severity: Severity,
    pub fix: FixKind,
    /// On unless deselected. Opinionated advice that fires on most working files is off by
    /// default and turned on with `select`.
    pub default_enabled: bool,
    /// The doc comment as written (each line keeps rustdoc's leading space): use
    /// [`RuleMeta::docs`]. Empty in a build without the `docs` feature ([`crate::docs`]).
    pub raw_docs: &'static str,
    /// Empty in a build without the `docs` feature: use [`crate::docs::rule_sources`].
    pub sources: &'static [Source],
}

impl RuleMeta {
    /// The documentation as Markdown: what it does, why, examples, the fix, references.
    /// Empty in a build without the `docs` feature until [`crate::docs::load`].
    pub fn docs(&self) -> String {
        if self.raw_docs.is_empty() {
            if let Some(docs) = crate::docs::loaded_rule_docs(self.id) {
                return docs.to_owned();
            }
        }
        let mut out = String::with_capacity(self.raw_docs.len());
        for line in self.raw_docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        // What each deployer does with the finding, from the deployer profiles.
        out.push_str(&crate::deploy::docs_section(self.id));
        out
    }

    /// The first sentence of the docs' "What it does" section.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let body = docs
            .split_once("## What it does")
            .map_or(docs.as_str(), |(_, rest)| rest)
            .trim_start();
        let para = body
            .split("\n\n")
            .next()
            .unwrap_or("")
            .trim()
            .replace('\n', " ");
        para.split_once(". ")
            .map_or(para.trim_end_matches('.'), |(first, _)| first)
            .to_owned()
    }
}

/// Declares a rule: a unit struct with a `META` constant built from the doc comment.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// …
///     pub UnknownField {
///         id: "unknown-field",
///         category: Category::Structure,
///         severity: Severity::Error,
///         fix: FixKind::Unsafe,
///         sources: &[Source::Botocore { shape: "*" }],
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $name:ident {
            id: $id:literal,
            category: $category:expr,
            severity: $severity:expr,
            fix: $fix:expr,
            sources: $sources:expr
            $(, default_enabled: $default_enabled:expr)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                id: $id,
                name: stringify!($name),
                category: $category,
                severity: $severity,
                fix: $fix,
                default_enabled: $crate::__default_enabled!($($default_enabled)?),
                raw_docs: $crate::__doc_text!(concat!($($doc, "\n"),*)),
                sources: $crate::__doc_sources!($sources),
            };
        }
    };
}

/// A rule's check over a recognised document.
pub type CheckFn = for<'a> fn(&crate::document::Document<'a>, &mut crate::rules::Reporter<'a>);

/// A registered rule: its metadata and, unless the parser or the structural walk reports it,
/// its check.
#[derive(Clone, Copy)]
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: Option<CheckFn>,
}

impl Rule {
    /// A rule reported by the parser or the structural walk.
    pub const fn reported(meta: &'static RuleMeta) -> Self {
        Rule { meta, check: None }
    }

    /// A rule with its own check.
    pub const fn checked(meta: &'static RuleMeta, check: CheckFn) -> Self {
        Rule {
            meta,
            check: Some(check),
        }
    }
}

#[macro_export]
#[doc(hidden)]
macro_rules! __default_enabled {
    () => {
        true
    };
    ($value:expr) => {
        $value
    };
}
