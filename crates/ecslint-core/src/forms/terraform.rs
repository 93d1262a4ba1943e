//! Terraform: `aws_ecs_task_definition` and `aws_ecs_service` resources in `.tf` files, and
//! in the JSON of a plan ([`plan`]).
//!
//! Each resource becomes the API's document ([`build`]): its arguments and blocks mapped by
//! the provider's schema ([`schema`], generated), `container_definitions` decoded in each of
//! its forms ([`containers`]), `var.x` with a literal default and literal `local.x` resolved,
//! everything else unknown ([`value`]). The rules run on it unchanged; each finding is told in
//! Terraform's names ([`names`]): `aws_ecs_service.web: …`, the path
//! `aws_ecs_service.web.network_configuration.subnets`, fixes only where they are valid HCL.
//!
//! A module is a folder: the host hands the other `.tf` files of the folder and the files
//! `file()`/`templatefile()` read in [`LintOptions::files`] (the core does no I/O).
//! Findings point into the *virtual text*: the linted file, then the other files a finding may
//! concern (the task definition a service runs, defined in another file of the module; a
//! JSON file `container_definitions` reads). Only the linted file's findings are kept; a
//! related place in another file names that file. A file that `file()` or `templatefile()`
//! reads is linted on its own with the module at hand ([`lint_referenced`]): its containers
//! are checked as that task definition's, with its network mode, launch type and volumes.

mod build;
mod containers;
mod generated;
mod module;
mod names;
pub mod plan;
pub mod schema;
mod value;

use crate::deploy::{Deployer, Deployment, Evidence};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::DocumentKind;
use crate::json::Node;
use crate::lint::{LintOptions, LintResult};
use crate::pair::reference_family;
use crate::read::hcl::{Expr, ExprKind};
use crate::text::TextRange;

use self::containers::Extra;
use self::module::{normalize, resource_references, Module, ResourceRef};
use self::names::TfNames;
use self::schema::{Conv, Resource};
use self::value::{Builder, Editable, Escape};
use super::{FormOutput, Found};

pub use self::generated::{PROVIDER, RESOURCES};
pub use self::module::normalize as normalize_path;

/// The resource types the form lints.
fn resource_schema(kind: &str) -> Option<&'static Resource> {
    RESOURCES.iter().find(|r| r.name == kind)
}

/// Whether a `.tf` text may hold an ECS resource (cheap, before parsing).
pub fn mentions_ecs(text: &str) -> bool {
    RESOURCES
        .iter()
        .any(|r| text.contains(&format!("\"{}\"", r.name)))
}

/// The files the `container_definitions` of the file's task definitions read with `file()`
/// or `templatefile()`, resolved against the file's folder (the host reads them and hands
/// them back in [`LintOptions::files`]).
pub fn referenced_files(path: Option<&str>, text: &str) -> Vec<String> {
    if !mentions_ecs(text) {
        return Vec::new();
    }
    let (module, _) = module::read((path.unwrap_or("main.tf"), text), &[]);
    let mut out = Vec::new();
    for r in module.resources() {
        if r.kind != "aws_ecs_task_definition" {
            continue;
        }
        if let Some(attr) = r.block.body.attribute("container_definitions") {
            if let Some((p, _)) = referenced_path(&module, &attr.expr) {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The path a `container_definitions` expression reads with `file()`/`templatefile()`,
/// following locals, and whether it is a template.
fn referenced_path(module: &Module<'_>, expr: &Expr<'_>) -> Option<(String, bool)> {
    let mut expr = expr;
    for _ in 0..8 {
        match &expr.kind {
            ExprKind::Call(c) if matches!(c.name.name, "file" | "templatefile") => {
                let path = module.file_path(c.args.first()?)?;
                return Some((path, c.name.name == "templatefile"));
            }
            ExprKind::Parens(e) => expr = e,
            ExprKind::Traversal(_) => {
                let names = expr.as_path()?;
                match names.as_slice() {
                    ["local", name] => expr = module.local(name)?.1,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    None
}

/// A file of the virtual text.
struct Region {
    path: String,
    offset: usize,
    len: usize,
}

/// Lints a `.tf` file.
pub fn lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    let path = options.path.unwrap_or("main.tf");
    let others: Vec<(&str, &str)> = options.files.iter().map(|f| (f.path, f.text)).collect();
    let (module, syntax) = module::read_if((path, text), &others, |body| {
        body.blocks_of("resource").any(|b| {
            b.labels
                .first()
                .is_some_and(|kind| resource_schema(&kind.value).is_some())
        })
    });
    let ecs: Vec<ResourceRef<'_, '_>> = module
        .resources()
        .filter(|r| r.file == 0 && resource_schema(r.kind).is_some())
        .collect();
    if ecs.is_empty() {
        let form = FormOutput {
            kind: if mentions_ecs(text) {
                DocumentKind::Terraform
            } else {
                DocumentKind::Unknown
            },
            found: Vec::new(),
            problems: syntax,
        };
        return crate::lint::lint_found(text, None, &[], form, options);
    }

    // The task definitions the services run, wherever they are in the module, and the files
    // their containers are read from.
    let mut tds: Vec<ResourceRef<'_, '_>> = Vec::new();
    let mut services = Vec::new();
    for r in &ecs {
        match r.kind {
            "aws_ecs_task_definition" => tds.push(*r),
            _ => services.push(*r),
        }
    }
    for s in &services {
        if let Some(td) = paired_resource(&module, s) {
            if !tds.iter().any(|t| t.kind == td.kind && t.name == td.name) {
                tds.push(td);
            }
        }
    }
    let mut regions = vec![Region {
        path: module.files[0].path.clone(),
        offset: 0,
        len: text.len(),
    }];
    let mut virtual_text = text.to_owned();
    let mut offsets: Vec<Option<usize>> = vec![None; module.files.len()];
    offsets[0] = Some(0);
    for td in &tds {
        if offsets[td.file].is_none() {
            virtual_text.push('\n');
            offsets[td.file] = Some(virtual_text.len());
            let f = &module.files[td.file];
            regions.push(Region {
                path: f.path.clone(),
                offset: virtual_text.len(),
                len: f.text.len(),
            });
            virtual_text.push_str(f.text);
        }
    }
    let mut extras = Vec::new();
    for td in &tds {
        let Some(attr) = td.block.body.attribute("container_definitions") else {
            continue;
        };
        let Some((wanted, _)) = referenced_path(&module, &attr.expr) else {
            continue;
        };
        if extras.iter().any(|e: &Extra<'_>| e.path == wanted) {
            continue;
        }
        if let Some(file) = options.files.iter().find(|f| normalize(f.path) == wanted) {
            virtual_text.push('\n');
            let offset = virtual_text.len();
            virtual_text.push_str(file.text);
            regions.push(Region {
                path: file.path.to_owned(),
                offset,
                len: file.text.len(),
            });
            extras.push(Extra {
                path: wanted,
                text: file.text,
                offset,
            });
        }
    }
    let mut builder = Builder {
        module: &module,
        offsets,
        diagnostics: Vec::new(),
        label: String::new(),
        notes: Vec::new(),
        editable: Vec::new(),
        paths: Vec::new(),
        resolving: 0,
    };
    let mut found = Vec::new();
    let mut headers = Vec::new();
    for r in &ecs {
        let schema = resource_schema(r.kind).expect("filtered above");
        found.push(build_found(
            &mut builder,
            *r,
            schema,
            &extras,
            path,
            &mut headers,
        ));
    }
    // Task definitions of other files, for pairing only: their findings lie outside the
    // linted file and are dropped.
    for td in tds.iter().filter(|t| t.file != 0) {
        let schema = resource_schema(td.kind).expect("a task definition");
        let f = &module.files[td.file];
        found.push(build_found(
            &mut builder,
            *td,
            schema,
            &extras,
            &f.path,
            &mut Vec::new(),
        ));
    }
    // Pairing.
    for (i, s) in ecs.iter().enumerate() {
        if s.kind != "aws_ecs_service" {
            continue;
        }
        if let Some(td) = paired_resource(&module, s) {
            let label = format!("{}.{}", td.kind, td.name);
            found[i].pair = found.iter().position(|f| f.label == label);
        }
    }
    let reasons: Vec<(String, TextRange, Vec<String>)> = headers;
    let Builder {
        diagnostics: mut own,
        notes,
        editable,
        paths,
        ..
    } = builder;
    for (label, header, list) in reasons {
        if list.is_empty() {
            continue;
        }
        own.push(Diagnostic {
            rule: "terraform-not-evaluated",
            severity: Severity::Info,
            message: format!("{label}: not checked here: {}", list.join("; ")),
            pointer: label.clone(),
            range: header,
            help: Some("Terraform evaluates these: lint the plan too (`terraform plan -out p && terraform show -json p | ecslint check --stdin-filename plan.json -`)".into()),
            fix: None,
            related: Vec::new(),
        });
    }
    let form = FormOutput {
        kind: DocumentKind::Terraform,
        found,
        problems: syntax,
    };
    let result = crate::lint::lint_found(&virtual_text, None, &[], form, options);
    finish(result, own, &regions, &editable, &notes, &paths, options)
}

/// The task definition resource a service runs: `aws_ecs_task_definition.x.arn` (or any
/// attribute of it), or a literal family of a task definition of the module.
fn paired_resource<'m, 's>(
    module: &'m Module<'s>,
    service: &ResourceRef<'m, 's>,
) -> Option<ResourceRef<'m, 's>> {
    let attr = service.block.body.attribute("task_definition")?;
    let mut refs = Vec::new();
    resource_references(&attr.expr, &mut refs);
    if let Some((_, name)) = refs.iter().find(|(k, _)| *k == "aws_ecs_task_definition") {
        return module.resource("aws_ecs_task_definition", name);
    }
    let family = reference_family(attr.expr.as_str()?.as_ref())?.to_owned();
    let mut matching = module.resources().filter(|r| {
        r.kind == "aws_ecs_task_definition"
            && r.block
                .body
                .attribute("family")
                .and_then(|a| a.expr.as_str())
                .is_some_and(|f| f == family)
    });
    let first = matching.next()?;
    matching.next().is_none().then_some(first)
}

fn build_found<'m, 's>(
    builder: &mut Builder<'m, 's>,
    r: ResourceRef<'m, 's>,
    schema: &'static Resource,
    extras: &[Extra<'s>],
    path: &str,
    headers: &mut Vec<(String, TextRange, Vec<String>)>,
) -> Found<'s> {
    let built = builder.resource(r, schema, extras);
    builder.paths.push((built.root.range, built.label.clone()));
    for (api, tf, _) in &built.paths {
        let _ = (api, tf);
    }
    headers.push((built.label.clone(), built.header, built.reasons));
    let line = builder.module.files[r.file].line_of(r.block.span.start);
    let mut deployment = Deployment::new(Deployer::Terraform);
    deployment.evidence = Some(Evidence {
        path: normalize(path),
        line: line as u32,
        range: Some(r.block.span),
    });
    Found {
        kind: schema.kind,
        root: built.root,
        label: built.label,
        names: Box::new(TfNames::new(
            built.paths,
            schema.kind == DocumentKind::TaskDefinition,
        )),
        pair: None,
        deployments: vec![deployment],
        scalar_fixes_only: false,
    }
}

/// Keeps the linted file's findings, told in its terms: related places in other files name
/// them, fixes stay only where they are valid in the file, the form's own findings join.
fn finish(
    mut result: LintResult,
    own: Vec<Diagnostic>,
    regions: &[Region],
    editable: &[Editable],
    notes: &[(TextRange, String)],
    paths: &[(TextRange, String)],
    options: &LintOptions<'_>,
) -> LintResult {
    let primary = &regions[0];
    let in_primary =
        |r: TextRange| r.start >= primary.offset && r.end <= primary.offset + primary.len;
    let mut out: Vec<Diagnostic> = Vec::new();
    for mut d in result.diagnostics.drain(..).chain(own) {
        if !in_primary(d.range) {
            continue;
        }
        d.range = shift(d.range, primary.offset);
        if d.pointer.is_empty() {
            d.pointer = paths
                .iter()
                .filter(|(r, _)| {
                    r.contains_range(TextRange::new(
                        d.range.start + primary.offset,
                        d.range.end + primary.offset,
                    ))
                })
                .min_by_key(|(r, _)| r.len())
                .map(|(_, p)| p.clone())
                .unwrap_or_default();
        }
        if let Some(fix) = d.fix.take() {
            d.fix = fixable(fix, editable, primary.offset);
        }
        for r in &mut d.related {
            if r.document.is_some() {
                continue;
            }
            if let Some(region) = regions
                .iter()
                .find(|g| r.range.start >= g.offset && r.range.end <= g.offset + g.len)
            {
                if region.offset != primary.offset {
                    r.document = Some(region.path.clone());
                }
                r.range = shift(r.range, region.offset);
            }
        }
        let absolute = TextRange::new(d.range.start + primary.offset, d.range.end + primary.offset);
        if let Some((_, note)) = notes.iter().find(|(r, _)| r.contains_range(absolute)) {
            d.help = Some(match d.help.take() {
                Some(h) => format!("{h}; {note}"),
                None => note.clone(),
            });
        }
        out.push(d);
    }
    // A value the provider refuses that the API's checks refuse too is said once.
    let errors: Vec<(TextRange, &'static str)> = out
        .iter()
        .filter(|d| d.severity == Severity::Error && d.rule != "terraform-argument-invalid")
        .map(|d| (d.range, d.rule))
        .collect();
    let mut seen_missing: Vec<String> = Vec::new();
    out.retain(|d| {
        if d.rule == "terraform-argument-invalid" && errors.iter().any(|(r, _)| *r == d.range) {
            return false;
        }
        if d.rule == "missing-required-field" {
            if seen_missing.contains(&d.pointer) {
                return false;
            }
            seen_missing.push(d.pointer.clone());
        }
        true
    });
    result.diagnostics = crate::lint::finish(out, options.settings);
    result
}

fn shift(r: TextRange, by: usize) -> TextRange {
    TextRange::new(r.start - by, r.end - by)
}

/// The fix, when every edit falls where the file takes it: a scalar of HCL replaced by a
/// literal, or JSON text edited inside a heredoc or a JSON file.
fn fixable(
    mut fix: crate::diagnostic::Fix,
    editable: &[Editable],
    offset: usize,
) -> Option<crate::diagnostic::Fix> {
    for edit in &mut fix.edits {
        let place = editable.iter().find(|e| {
            if e.inside {
                e.range.contains_range(edit.range)
            } else {
                e.range == edit.range
            }
        })?;
        if !place.inside
            && !matches!(place.escape, Escape::Hcl)
            && serde_json::from_str::<serde_json::Value>(&edit.new_text)
                .map_or(true, |v| v.is_object() || v.is_array())
        {
            return None;
        }
        edit.new_text = containers::escape_for(place.escape, &edit.new_text)?;
        edit.range = shift(edit.range, offset);
    }
    Some(fix)
}

/// Lints `text`, a file that the `container_definitions` of a task definition of a module
/// in [`LintOptions::files`] reads with `file()` or `templatefile()`: its containers are
/// checked with that task definition. `None` when no such module is at hand.
pub fn lint_referenced(text: &str, options: &LintOptions<'_>) -> Option<LintResult> {
    let path = options.path?;
    if path.ends_with(".tf") || options.files.is_empty() {
        return None;
    }
    let wanted = normalize(path);
    for tf in options.files.iter().filter(|f| f.path.ends_with(".tf")) {
        if !mentions_ecs(tf.text) {
            continue;
        }
        let others: Vec<(&str, &str)> = options.files.iter().map(|f| (f.path, f.text)).collect();
        let (module, _) = module::read((tf.path, tf.text), &others);
        let owner = module.resources().find(|r| {
            r.file == 0
                && r.kind == "aws_ecs_task_definition"
                && r.block
                    .body
                    .attribute("container_definitions")
                    .and_then(|a| referenced_path(&module, &a.expr))
                    .is_some_and(|(p, _)| p == wanted)
        });
        let Some(owner) = owner else {
            continue;
        };
        let mut virtual_text = text.to_owned();
        virtual_text.push('\n');
        let tf_offset = virtual_text.len();
        virtual_text.push_str(tf.text);
        let regions = [
            Region {
                path: path.to_owned(),
                offset: 0,
                len: text.len(),
            },
            Region {
                path: tf.path.to_owned(),
                offset: tf_offset,
                len: tf.text.len(),
            },
        ];
        let mut offsets = vec![None; module.files.len()];
        offsets[0] = Some(tf_offset);
        let extras = [Extra {
            path: wanted.clone(),
            text,
            offset: 0,
        }];
        let mut builder = Builder {
            module: &module,
            offsets,
            diagnostics: Vec::new(),
            label: String::new(),
            notes: Vec::new(),
            editable: Vec::new(),
            paths: Vec::new(),
            resolving: 0,
        };
        let schema = resource_schema(owner.kind).expect("a task definition");
        let found = build_found(
            &mut builder,
            owner,
            schema,
            &extras,
            tf.path,
            &mut Vec::new(),
        );
        let form = FormOutput {
            kind: DocumentKind::ContainerDefinitions,
            found: vec![found],
            problems: Vec::new(),
        };
        let result = crate::lint::lint_found(&virtual_text, None, &[], form, options);
        let Builder {
            diagnostics: own,
            notes,
            editable,
            paths,
            ..
        } = builder;
        let mut result = finish(result, own, &regions, &editable, &notes, &paths, options);
        result.kind = DocumentKind::ContainerDefinitions;
        return Some(result);
    }
    None
}

/// The plan's findings: fixes would edit the plan, not the configuration, so none is kept.
pub fn finish_plan(mut result: LintResult, _text: &str, _root: &Node<'_>) -> LintResult {
    for d in &mut result.diagnostics {
        d.fix = None;
    }
    result
}

#[allow(dead_code)]
fn unused(_: Conv) {}
