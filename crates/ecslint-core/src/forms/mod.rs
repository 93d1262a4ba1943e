//! Forms: where ECS documents sit in a file, and how the file names what the API names.
//!
//! The API's own JSON (and the same in YAML) is one document per file, linted as it is
//! (`crate::lint`). A CloudFormation template holds any number of `AWS::ECS::TaskDefinition`
//! and `AWS::ECS::Service` resources; a Terraform module `aws_ecs_task_definition` and
//! `aws_ecs_service` blocks; a plan their planned values. A form finds each document and turns
//! it into the API's shape ([`Found::root`]): keys renamed to the API's members, values the
//! file cannot know (`!Ref Cpu`, `var.cpu`) made [`Value::Unknown`](crate::json::Value), and
//! every key and value keeping the range of the text it came from. The rules then run on it
//! unchanged, and [`lint_found`] renders each finding in the file's own terms: the pointer into
//! the file, the names the file uses ([`FormNames`]), the resource's label, and only the fixes
//! that are valid in the file's syntax.
//!
//! ruff lints notebooks the same way: one text built from the cells, diagnostics mapped back.

pub mod cloudformation;
pub mod terraform;
#[cfg(test)]
mod unknown_tests;

use std::borrow::Cow;

use crate::deploy::Deployment;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::DocumentKind;
use crate::json::{Node, SyntaxProblem, Value};
use crate::text::TextRange;

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Json,
    Yaml,
    Hcl,
}

impl Reader {
    /// The reader for a file: by its name (`.yaml`, `.yml`, `.tf`; `.template` and unnamed
    /// input by their first character), JSON otherwise.
    pub fn for_file(path: Option<&str>, text: &str) -> Reader {
        let name = path.unwrap_or("").to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "yaml" | "yml" => Reader::Yaml,
            "tf" => Reader::Hcl,
            "json" | "tpl" | "jsonnet" => Reader::Json,
            _ => {
                let first = text
                    .trim_start_matches('\u{feff}')
                    .trim_start()
                    .chars()
                    .next();
                match first {
                    None | Some('{' | '[' | '"') => Reader::Json,
                    // Comments and keys: YAML (a template, a task definition), unless the
                    // text is plainly JSON with a comment in front.
                    Some(_) if looks_like_yaml(text) => Reader::Yaml,
                    Some(_) => Reader::Json,
                }
            }
        }
    }
}

/// A `key:` at the start of a line, outside braces: YAML's block mapping.
fn looks_like_yaml(text: &str) -> bool {
    text.lines().take(50).any(|line| {
        let line = line.trim_end();
        let key_end = line.find(':');
        !line.starts_with(['#', '/', ' ', '\t', '{', '[', '"'])
            && key_end.is_some_and(|i| {
                i > 0
                    && line[..i]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
            })
    })
}

/// How a form names the API's members and places in the file.
pub trait FormNames {
    /// The pointer (or path) the file's readers know for the value at `range`, whose pointer
    /// in the API-shaped document is `api_pointer` (for a missing member: where it belongs).
    fn file_pointer(&self, api_pointer: &str, range: TextRange) -> String;
    /// The same, given the document (`Found::root`) the pointer is into.
    fn file_pointer_in(&self, _root: &Node<'_>, api_pointer: &str, range: TextRange) -> String {
        self.file_pointer(api_pointer, range)
    }
    /// How the file spells the API's member `api` (`cpu` → `Cpu`), when it differs.
    fn member(&self, api: &str) -> Option<Cow<'static, str>>;
    /// The form checks the document's structure itself, in the file's terms (unknown names,
    /// types, enums, required members): the API's structural walk does not run on it.
    fn checks_structure(&self) -> bool {
        false
    }
    /// What the form itself found about the document: pointers and places in the file,
    /// messages without the document's label (which is prefixed as for every finding).
    fn diagnostics(&self) -> &[Diagnostic] {
        &[]
    }
    /// For one scenario of a document (a CloudFormation condition chosen, a parameter set
    /// to one of its allowed values): the index of the document itself among the form's.
    /// Only what the scenario adds to the document's findings is reported.
    fn variant_of(&self) -> Option<usize> {
        None
    }
    /// The last word on a finding rendered in the file's terms (related places, fixes).
    fn adjust(&self, _diagnostic: &mut Diagnostic) {}
}

/// One ECS document a form found in a file.
pub struct Found<'s> {
    /// `task-definition`, `service`, `container-definitions`.
    pub kind: DocumentKind,
    /// The document in the API's shape; every range is a range of the file.
    pub root: Node<'s>,
    /// How messages name the document: its CloudFormation logical id (`TaskDef`), its
    /// Terraform address (`aws_ecs_task_definition.app`).
    pub label: String,
    pub names: Box<dyn FormNames + 's>,
    /// For a service: the index of the task definition it runs among the documents of the
    /// same file (a `!Ref TaskDef`, `aws_ecs_task_definition.app.arn`).
    pub pair: Option<usize>,
    /// How it is deployed (Terraform's provider decodes `container_definitions`).
    pub deployments: Vec<Deployment>,
    /// The file is not JSON (YAML, HCL): only fixes that replace a scalar value with a JSON
    /// scalar are valid there; others are offered as help only.
    pub scalar_fixes_only: bool,
}

/// What a form read from a file.
pub struct FormOutput<'s> {
    /// The file's kind (`cloudformation`, `terraform`).
    pub kind: DocumentKind,
    pub found: Vec<Found<'s>>,
    /// Problems of the file itself (a syntax error, an intrinsic that cannot work, what was
    /// not expanded), reported as they are.
    pub problems: Vec<SyntaxProblem>,
}

/// Renders a finding about `found` in the file's terms: the file's pointer, the file's
/// names of the API's members in backticks, the document's label, and only the fixes the
/// file's syntax takes.
pub fn render(found: &Found<'_>, d: &mut Diagnostic) {
    d.pointer = found
        .names
        .file_pointer_in(&found.root, &d.pointer, d.range);
    d.message = format!(
        "{}: {}",
        found.label,
        rename_members(&d.message, &*found.names)
    );
    if let Some(help) = &d.help {
        d.help = Some(rename_members(help, &*found.names));
    }
    if found.scalar_fixes_only {
        if let Some(fix) = d.fix.take() {
            if fits_scalar_replacement(&fix, &found.root) {
                d.fix = Some(fix);
            }
        }
    }
    for r in &mut d.related {
        r.message = rename_members(&r.message, &*found.names);
    }
    found.names.adjust(d);
}

/// Renames the API member names written in backticks (`` `hostPort` ``) to the form's.
pub fn rename_members(text: &str, names: &dyn FormNames) -> String {
    if !text.contains('`') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            if let Some(name) = names.member(part) {
                out.push_str(&name);
                continue;
            }
            // A path of members (`networkConfiguration.awsvpcConfiguration`).
            if part.contains('.') && !part.contains(' ') {
                let renamed: Vec<String> = part
                    .split('.')
                    .map(|p| match names.member(p) {
                        Some(n) => n.into_owned(),
                        None => p.to_owned(),
                    })
                    .collect();
                out.push_str(&renamed.join("."));
                continue;
            }
        }
        out.push_str(part);
    }
    out
}

/// Whether every edit of `fix` replaces exactly one scalar value of `root` with a JSON
/// scalar: such an edit is valid YAML and HCL as well (`"256"`, `512`, `true`).
pub fn fits_scalar_replacement(fix: &Fix, root: &Node<'_>) -> bool {
    fix.edits.iter().all(|edit| {
        let scalar = serde_json::from_str::<serde_json::Value>(&edit.new_text).is_ok_and(|v| {
            matches!(
                v,
                serde_json::Value::String(_)
                    | serde_json::Value::Number(_)
                    | serde_json::Value::Bool(_)
            )
        });
        scalar && is_scalar_at(root, edit.range)
    })
}

fn is_scalar_at(node: &Node<'_>, range: TextRange) -> bool {
    if node.range == range {
        return matches!(
            node.value,
            Value::String(_) | Value::Number(_) | Value::Bool(_)
        );
    }
    if !node.range.contains_range(range) {
        return false;
    }
    match &node.value {
        Value::Array(items) => items.iter().any(|n| is_scalar_at(n, range)),
        Value::Object(members) => members.iter().any(|m| is_scalar_at(&m.value, range)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_by_name_and_content() {
        assert_eq!(Reader::for_file(Some("a/task.yaml"), "{}"), Reader::Yaml);
        assert_eq!(Reader::for_file(Some("main.tf"), ""), Reader::Hcl);
        assert_eq!(Reader::for_file(Some("td.json"), "a: 1"), Reader::Json);
        assert_eq!(
            Reader::for_file(
                Some("x.template"),
                "AWSTemplateFormatVersion: '2010-09-09'\n"
            ),
            Reader::Yaml
        );
        assert_eq!(Reader::for_file(None, "  {\"family\": 1}"), Reader::Json);
        assert_eq!(Reader::for_file(None, "# a\nfamily: web\n"), Reader::Yaml);
        assert_eq!(Reader::for_file(None, "// c\n{}"), Reader::Json);
    }
}
