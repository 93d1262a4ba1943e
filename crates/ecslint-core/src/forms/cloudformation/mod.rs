//! CloudFormation templates (JSON or YAML; hand-written, CDK, SAM and Copilot output): every
//! `AWS::ECS::TaskDefinition` and `AWS::ECS::Service` resource's `Properties`, in the API's
//! shape.
//!
//! - **What is checked**: each resource's properties against CloudFormation's resource
//!   provider schema (`convert`: unknown properties, CloudFormation's types, enums, bounds,
//!   required and read-only properties), then every rule on the document the properties
//!   are sent as (`ContainerDefinitions` → `containerDefinitions`, …; the mapping is
//!   generated from the schemas and botocore's model: `generated.rs`, `cargo xtask
//!   codegen`).
//! - **In the template's terms** (`names`): each finding names the resource's logical id
//!   and the property as CloudFormation spells it, at its line and column, with a JSON
//!   pointer into the template (`/Resources/TaskDef/Properties/Cpu`); fixes edit the
//!   template in place, and only where the edit is valid in it (a scalar replaced).
//! - **Intrinsic functions** (`template`): a value is unknown unless the template gives it
//!   (a parameter's default, a mapping, an `Fn::Sub` without variables, …); an unknown value
//!   never gets a type or format error. An `Fn::If` is checked in both branches and a
//!   parameter with `AllowedValues` with each of them: one scenario each, whose findings say
//!   which condition or value they need, and only what the document itself does not.
//! - **Between resources**: a service's `TaskDefinition: !Ref TaskDef` pairs it with that
//!   resource for every cross-check; `targets` checks the target groups its load balancers
//!   name.
//! - **Macros** (`Transform`, `Fn::Transform`, `Fn::ForEach`): what is written is linted,
//!   and what was not expanded is said once.

mod convert;
pub mod generated;
mod names;
pub mod schema;
mod targets;
mod template;

use std::rc::Rc;

use super::{FormOutput, Found};
use crate::document::DocumentKind;
use crate::json::{Member, Node, SyntaxProblem, Value};
use crate::text::TextRange;
use convert::{Converted, Scenario};
use names::CfnNames;
use template::Template;

/// A cheap look at the text before choosing how to read YAML: a template names its format
/// version or has a `Resources` section.
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || text
            .lines()
            .any(|l| l.starts_with("Resources:") || l.trim_start().starts_with("\"Resources\""))
}

/// A template: `AWSTemplateFormatVersion`, or a `Resources` map whose entries have a `Type`
/// of `AWS::…` (or a macro's).
pub fn is_template(root: &Node<'_>) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    let Some(resources) = root.get("Resources").and_then(|r| r.as_object()) else {
        return false;
    };
    !resources.is_empty()
        && resources.iter().all(|r| {
            r.key.name.starts_with("Fn::ForEach")
                || r.value
                    .get("Type")
                    .and_then(|t| t.as_str())
                    .is_some_and(|t| t.contains("::"))
        })
}

/// Whether the text holds an ECS resource a directory walk should lint (a template without
/// one is skipped there).
pub fn mentions_ecs_resources(text: &str) -> bool {
    text.contains("AWS::ECS::TaskDefinition") || text.contains("AWS::ECS::Service")
}

/// The most scenarios checked for one resource (conditions and allowed values), beyond its
/// own document.
const MAX_SCENARIOS: usize = 24;

/// The rule that says what a template leaves to macros.
const NOT_EXPANDED: &str = "cloudformation-transform-not-expanded";

/// The ECS documents of a template.
pub fn read<'s>(text: &'s str, root: &Node<'s>, _yaml: bool) -> FormOutput<'s> {
    let template = Template::new(root);
    let mut found: Vec<Found<'s>> = Vec::new();
    let mut problems = Vec::new();
    let mut macros: Vec<TextRange> = Vec::new();
    let resources = template
        .resources
        .and_then(Node::as_object)
        .unwrap_or_default();
    // Task definitions first, so that services find theirs.
    let mut task_definitions: Vec<(&str, usize)> = Vec::new();
    let mut services: Vec<(usize, &Member<'s>)> = Vec::new();
    for pass in [DocumentKind::TaskDefinition, DocumentKind::Service] {
        for m in resources {
            if m.key.name.starts_with("Fn::ForEach") {
                if pass == DocumentKind::TaskDefinition {
                    macros.push(m.key.range);
                }
                continue;
            }
            let (def, kind) = match m.value.get("Type").and_then(Node::as_str) {
                Some("AWS::ECS::TaskDefinition") => {
                    (&generated::TASK_DEFINITION, DocumentKind::TaskDefinition)
                }
                Some("AWS::ECS::Service") => (&generated::SERVICE, DocumentKind::Service),
                _ => continue,
            };
            if kind != pass {
                continue;
            }
            let id: &str = &m.key.name;
            let empty;
            let properties = match m.value.get("Properties") {
                Some(p) => p,
                None => {
                    empty = Node {
                        range: m.key.range,
                        value: Value::Object(Vec::new()),
                    };
                    &empty
                }
            };
            let base = convert::convert(text, template, &Scenario::default(), properties, def);
            macros.extend(base.transforms.iter().copied());
            if matches!(base.root.value, Value::Unknown) {
                // `Properties: !If [...]` and the like: nothing to check without AWS.
                continue;
            }
            let index = found.len();
            let scenarios = scenarios(&base);
            let node = Rc::new(m.value.clone());
            found.push(document(&node, id, kind, def, base, None));
            for scenario in scenarios {
                let converted = convert::convert(text, template, &scenario, properties, def);
                let label = format!("{id} ({})", scenario.describe(&template));
                let mut variant = document(&node, id, kind, def, converted, Some(index));
                variant.label = label;
                found.push(variant);
            }
            match kind {
                DocumentKind::TaskDefinition => task_definitions.push((id, index)),
                _ => services.push((index, m)),
            }
        }
    }
    // Each service runs the task definition its `TaskDefinition` names in this template.
    for &(index, service) in &services {
        let runs = service
            .value
            .get("Properties")
            .and_then(|p| p.get("TaskDefinition"))
            .and_then(|v| template::function(v))
            .and_then(|(f, arg)| template::reference(f, arg))
            .and_then(|(name, _)| task_definitions.iter().find(|(id, _)| *id == name))
            .map(|(_, i)| *i);
        for f in found.iter_mut().skip(index) {
            if f.label == service.key.name
                || f.label.starts_with(&format!("{} (", service.key.name))
            {
                f.pair = runs;
            }
        }
    }
    for &(index, service) in &services {
        let runs = found[index].pair.and_then(|i| found.get(i));
        targets::check(&template, service, &found[index], runs, &mut problems);
    }
    if let Some(transform) = root.member("Transform") {
        let names = transform_names(&transform.value);
        problems.push(SyntaxProblem {
            rule: NOT_EXPANDED,
            message: format!(
                "the template uses {}, which CloudFormation expands when it deploys: ecslint checks the resources as written, not what {} adds or changes",
                names, if names.contains(", ") { "they" } else { "it" }
            ),
            help: Some("to check the expanded template, lint what `aws cloudformation get-template --template-stage Processed` (or `sam build` / `cdk synth`) gives".to_owned()),
            range: transform.key.range,
            fix: None,
            related: None,
        });
    } else if let Some(first) = macros.iter().min() {
        problems.push(SyntaxProblem {
            rule: NOT_EXPANDED,
            message: "the template calls a macro (`Fn::Transform` or `Fn::ForEach`), which CloudFormation expands when it deploys: what it produces is not checked".to_owned(),
            help: Some("lint the processed template (`aws cloudformation get-template --template-stage Processed`) to check what the macro produces".to_owned()),
            range: *first,
            fix: None,
            related: None,
        });
    }
    FormOutput {
        kind: DocumentKind::CloudFormation,
        found,
        problems,
    }
}

/// The transforms a template's `Transform` names, for a message.
fn transform_names(node: &Node<'_>) -> String {
    let name = |n: &Node<'_>| -> Option<String> {
        n.as_str()
            .map(str::to_owned)
            .or_else(|| n.get("Name").and_then(Node::as_str).map(str::to_owned))
    };
    let names: Vec<String> = match &node.value {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        _ => name(node).into_iter().collect(),
    };
    if names.is_empty() {
        return "a transform".to_owned();
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    format!(
        "the transform{} {}",
        if names.len() > 1 { "s" } else { "" },
        quoted.join(", ")
    )
}

/// The scenarios worth checking besides the document itself: each condition of its
/// `Fn::If`s true and false, and each parameter with `AllowedValues` at each other value.
fn scenarios(base: &Converted<'_>) -> Vec<Scenario> {
    let mut out = Vec::new();
    for condition in &base.conditions {
        for b in [true, false] {
            out.push(Scenario {
                conditions: vec![(condition.clone(), b)],
                parameters: Vec::new(),
            });
        }
    }
    for (parameter, values) in &base.alternatives {
        for &i in values {
            out.push(Scenario {
                conditions: Vec::new(),
                parameters: vec![(parameter.clone(), i)],
            });
        }
    }
    out.truncate(MAX_SCENARIOS);
    out
}

/// One document of the form.
fn document<'s>(
    resource: &Rc<Node<'s>>,
    id: &str,
    kind: DocumentKind,
    def: &'static schema::Def,
    converted: Converted<'s>,
    variant_of: Option<usize>,
) -> Found<'s> {
    let names = CfnNames::new(
        id,
        Rc::clone(resource),
        def,
        converted.diagnostics,
        converted.resolved,
        variant_of,
    );
    Found {
        kind,
        root: converted.root,
        label: id.to_owned(),
        names: Box::new(names),
        pair: None,
        deployments: Vec::new(),
        // Fixes are JSON edits made on the API's document: in a template (JSON or YAML)
        // only a scalar replaced keeps the template's names and layout.
        scalar_fixes_only: true,
    }
}
