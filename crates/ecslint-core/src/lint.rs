//! The entry point: text in, diagnostics out. One parse, one structural walk, one pass of
//! the rules; nothing here touches the filesystem, the clock or the environment.

use crate::deploy::{self, key_case, DeployedBy, Deployer, Deployment, Deployments};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{detect_kind, Document, DocumentKind};
use crate::forms::{self, Reader};
use crate::json::{self, Node};
use crate::pair::{PairedTaskDefinition, Pairing};
use crate::read::yaml;
use crate::registry;
use crate::rules::structure::walk;
use crate::rules::structure::UnknownDocumentKind;
use crate::rules::syntax::InvalidUtf8;
use crate::rules::Reporter;
use crate::settings::Settings;
use crate::text::TextRange;

/// How to lint one document.
#[derive(Debug, Clone, Copy)]
pub struct LintOptions<'a> {
    /// The document's kind; detected from its keys when `None`.
    pub kind: Option<DocumentKind>,
    pub settings: &'a Settings,
    /// Report a document that is none of the known kinds (`unknown-document-kind`). Hosts
    /// turn this off for files found by walking a directory.
    pub report_unknown_kind: bool,
    /// For a service: the task definition it runs, and how it is deployed (see
    /// [`crate::pair`]). Ignored for other kinds.
    pub pairing: Pairing<'a>,
    /// The file's name as the host knows it (`deploy/task.yaml`, `main.tf`), when there is
    /// one: it chooses the reader (JSON, YAML, HCL) and the form before the content does.
    pub path: Option<&'a str>,
    /// How the document is deployed, as the host found out (configuration, evidence in the
    /// repository); empty: the default for the document (see [`crate::deploy`]).
    pub deployments: &'a [Deployment],
    /// Other files the host read for this one (the core reads none itself). For a `.tf`
    /// file: the other `.tf` files of its folder (a Terraform module: their variables,
    /// locals and task definitions) and the files its `file()` / `templatefile()` calls read
    /// (named by [`crate::forms::terraform::referenced_files`]). For a file such a call reads:
    /// the `.tf` files of the module that reads it, so that it is checked as the
    /// `container_definitions` of that task definition. Paths as the host names them; they
    /// are compared after normalising `./`, `..` and `\`.
    pub files: &'a [SourceFile<'a>],
}

/// A file the host read for another one ([`LintOptions::files`]).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl<'a> LintOptions<'a> {
    pub fn new(settings: &'a Settings) -> Self {
        LintOptions {
            kind: None,
            settings,
            report_unknown_kind: true,
            pairing: Pairing::default(),
            path: None,
            deployments: &[],
            files: &[],
        }
    }
}

/// What linting one document found.
#[derive(Debug, Clone)]
pub struct LintResult {
    pub kind: DocumentKind,
    /// Sorted by position, then rule id.
    pub diagnostics: Vec<Diagnostic>,
    /// The whole document was read (no fatal syntax error): rules ran and fixes may be applied.
    pub parsed: bool,
    /// Who deploys it, as the host said (or the default assumed), and where that was read.
    pub deployed_by: Vec<DeployedBy>,
    /// `deployed_by` comes from the host (configuration or evidence), not a default.
    pub deployer_known: bool,
}

impl LintResult {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Lints raw bytes: reports invalid UTF-8, then lints the text.
pub fn lint_bytes(bytes: &[u8], options: &LintOptions<'_>) -> LintResult {
    match std::str::from_utf8(bytes) {
        Ok(text) => lint(text, options),
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len() - at);
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            let kind = options.kind.unwrap_or_else(|| kind_from_text(&head));
            let mut reporter = Reporter::new(None);
            reporter
                .report(&InvalidUtf8::META, TextRange::new(at, at + len), format!("the file is not valid UTF-8: byte 0x{:02X} at offset {at}", bytes[at]))
                .help("save the file as UTF-8 (JSON must be UTF-8; UTF-16 and Latin-1 files are refused)");
            let deployments = resolve_deployments(options, kind, None);
            LintResult {
                kind,
                diagnostics: finish(reporter.diagnostics, options.settings),
                parsed: false,
                deployed_by: deployments.summary(),
                deployer_known: deployments.known,
            }
        }
    }
}

/// Lints one document.
pub fn lint(text: &str, options: &LintOptions<'_>) -> LintResult {
    // A file a Terraform module reads as `container_definitions`, with that module at hand.
    #[cfg(feature = "terraform")]
    if let Some(result) = forms::terraform::lint_referenced(text, options) {
        return result;
    }
    let reader = match Reader::for_file(options.path, text) {
        // `--kind terraform` on text that is not a plan's JSON: HCL.
        Reader::Json | Reader::Yaml
            if options.kind == Some(DocumentKind::Terraform)
                && !text.trim_start().starts_with('{') =>
        {
            Reader::Hcl
        }
        reader => reader,
    };
    match reader {
        Reader::Json => lint_tree(text, json::parse(text), options, false),
        Reader::Yaml => {
            // A template is read as CloudFormation reads it (YAML 1.1, short-form tags); a
            // task definition in YAML as the ECS deploy GitHub action does (YAML 1.2 core).
            let read_as = if forms::cloudformation::looks_like_template(text) {
                yaml::Options::CLOUDFORMATION
            } else {
                yaml::Options::ECS_DEPLOY_ACTION
            };
            lint_tree(text, yaml::parse_with(text, &read_as).parsed, options, true)
        }
        #[cfg(feature = "terraform")]
        Reader::Hcl => forms::terraform::lint(text, options),
        #[cfg(not(feature = "terraform"))]
        Reader::Hcl => terraform_not_in_this_build(text, options),
    }
}

/// A Terraform file given to a build without the `terraform` feature (every build ecslint
/// ships has it, the npm package's WebAssembly too): one diagnostic that says where it is
/// read, not a wrong verdict.
#[cfg(not(feature = "terraform"))]
fn terraform_not_in_this_build(text: &str, options: &LintOptions<'_>) -> LintResult {
    let mut reporter = Reporter::new(None);
    let end = text.char_indices().nth(1).map_or(text.len(), |(i, _)| i);
    reporter
        .report(
            &UnknownDocumentKind::META,
            TextRange::new(0, end),
            "this build of ecslint (without its `terraform` feature) does not read Terraform files",
        )
        .help("lint `.tf` files with the ecslint CLI, its pre-commit hook or its language server");
    LintResult {
        kind: DocumentKind::Terraform,
        diagnostics: finish(reporter.diagnostics, options.settings),
        parsed: false,
        deployed_by: Vec::new(),
        deployer_known: false,
    }
}

/// Lints a JSON or YAML tree: a template's documents, or the API's one document.
fn lint_tree(
    text: &str,
    parsed: json::ParseOutput<'_>,
    options: &LintOptions<'_>,
    yaml: bool,
) -> LintResult {
    if let Some(root) = &parsed.root {
        #[cfg(feature = "terraform")]
        if options.kind.is_none_or(|k| k == DocumentKind::Terraform)
            && forms::terraform::plan::is_plan(root)
        {
            let form = forms::terraform::plan::read(text, root);
            return forms::terraform::finish_plan(
                lint_found(text, Some(root), &parsed.problems, form, options),
                text,
                root,
            );
        }
        let forced = options.kind.filter(|k| *k != DocumentKind::CloudFormation);
        if forced.is_none() && forms::cloudformation::is_template(root) {
            let form = forms::cloudformation::read(text, root, yaml);
            return lint_found(text, Some(root), &parsed.problems, form, options);
        }
    }
    let written = parsed.root.as_ref();
    let kind = written.map(|root| options.kind.unwrap_or_else(|| detect_kind(root)));
    let deployments = resolve_deployments(
        options,
        kind.unwrap_or_else(|| options.kind.unwrap_or_else(|| kind_from_text(text))),
        written,
    );
    // Deployers that match keys in any letter case see `Image` as `image`: the rules read
    // the document as they do. Pointers still name the keys as written.
    let mut renamed = Vec::new();
    let normalized = match (written, kind) {
        (Some(root), Some(kind)) if deployments.keys_any_case(kind) => {
            let mut root = root.clone();
            renamed = key_case::normalize(&mut root, kind);
            (!renamed.is_empty()).then_some(root)
        }
        _ => None,
    };
    let root = normalized.as_ref().or(written);
    // A service's task definition is parsed once, before the reporter that borrows both.
    let paired: Option<(PairedTaskDefinition<'_>, json::ParseOutput<'_>)> =
        match (kind, options.pairing.task_definition) {
            (Some(kind), Some(td)) if kind.is_service() => {
                let mut parsed = json::parse(td.text);
                if deployments.keys_any_case(DocumentKind::TaskDefinition) {
                    if let Some(root) = parsed.root.as_mut() {
                        let kind = detect_kind(root);
                        key_case::normalize(root, kind);
                    }
                }
                Some((td, parsed))
            }
            _ => None,
        };
    let mut reporter = Reporter::new(written);
    for problem in &parsed.problems {
        report_problem(&mut reporter, problem);
    }
    let kind = match (root, kind) {
        (Some(root), Some(kind)) => {
            let paired = paired
                .as_ref()
                .and_then(|(td, p)| p.root.as_ref().map(|r| (*td, r)));
            check_document(
                kind,
                text,
                root,
                paired,
                options,
                &deployments,
                &mut reporter,
            );
            kind
        }
        _ => options.kind.unwrap_or_else(|| kind_from_text(text)),
    };
    report_renamed_keys(&renamed, &deployments, kind, &mut reporter);
    let mut diagnostics = reporter.diagnostics;
    deploy::adjust(&deployments, kind, text, written, &mut diagnostics);
    if yaml {
        // The fixes are JSON edits: in YAML only a scalar replaced by a JSON scalar fits.
        if let Some(root) = written {
            for d in &mut diagnostics {
                if d.fix
                    .as_ref()
                    .is_some_and(|f| !forms::fits_scalar_replacement(f, root))
                {
                    d.fix = None;
                }
            }
        }
    }
    whole_characters(text, &mut diagnostics);
    LintResult {
        kind,
        diagnostics: finish(diagnostics, options.settings),
        parsed: written.is_some(),
        deployed_by: deployments.summary(),
        deployer_known: deployments.known,
    }
}

/// Lints the documents a form found in a file, and renders each finding in the file's terms.
pub(crate) fn lint_found<'s>(
    text: &'s str,
    written: Option<&Node<'s>>,
    syntax: &[json::SyntaxProblem],
    form: forms::FormOutput<'s>,
    options: &LintOptions<'_>,
) -> LintResult {
    let mut file = Reporter::new(written);
    for problem in syntax.iter().chain(&form.problems) {
        report_problem(&mut file, problem);
    }
    let mut diagnostics = file.diagnostics;
    let mut deployed_by = Vec::new();
    let mut deployer_known = true;
    // What each document said, so that its scenarios add only what is new.
    let mut said: Vec<std::collections::HashSet<(&'static str, TextRange, String)>> =
        vec![Default::default(); form.found.len()];
    for (index, found) in form.found.iter().enumerate() {
        let group = found
            .names
            .variant_of()
            .filter(|&i| i < form.found.len())
            .unwrap_or(index);
        let given = if found.deployments.is_empty() {
            options.deployments
        } else {
            &found.deployments
        };
        let deployments = Deployments::resolve(given, found.kind, Some(&found.root));
        deployer_known &= deployments.known;
        for d in deployments.summary() {
            if !deployed_by.contains(&d) {
                deployed_by.push(d);
            }
        }
        let mut reporter = Reporter::new(Some(&found.root));
        let mut document = Document::new(found.kind, text, &found.root, options.settings);
        document.deployments = deployments.clone();
        let paired = found.pair.and_then(|i| form.found.get(i));
        if document.service.is_some() {
            document.ecspresso = deployments.supplies_service_name(found.kind);
            if let Some(td) = paired {
                if !document.pair_with(&td.label, text, &td.root) {
                    document.pair_unusable = Some(&td.label);
                }
            }
        }
        check_paired(
            document,
            &mut reporter,
            options,
            !found.names.checks_structure(),
        );
        let mut found_diagnostics = reporter.diagnostics;
        // A finding about a value known only when deployed is no finding.
        let unknown = found.root.unknown_pointers();
        if !unknown.is_empty() {
            found_diagnostics.retain(|d| !unknown.iter().any(|u| is_within(&d.pointer, u)));
        }
        deploy::adjust(
            &deployments,
            found.kind,
            text,
            Some(&found.root),
            &mut found_diagnostics,
        );
        for d in found.names.diagnostics() {
            if said[group].insert((d.rule, d.range, d.message.clone())) {
                let mut d = d.clone();
                d.message = format!("{}: {}", found.label, d.message);
                diagnostics.push(d);
            }
        }
        for mut d in found_diagnostics {
            if !said[group].insert((d.rule, d.range, d.message.clone())) {
                continue;
            }
            forms::render(found, &mut d);
            // A related place in the paired task definition is in this same file.
            if let Some(td) = paired {
                for r in &mut d.related {
                    if r.document.as_deref() == Some(td.label.as_str()) {
                        r.document = None;
                        r.pointer = r
                            .pointer
                            .as_deref()
                            .map(|p| td.names.file_pointer_in(&td.root, p, r.range));
                    }
                }
            }
            diagnostics.push(d);
        }
    }
    if deployed_by.is_empty() {
        let deployments = Deployments::resolve(options.deployments, form.kind, None);
        deployed_by = deployments.summary();
        deployer_known = deployments.known;
    }
    whole_characters(text, &mut diagnostics);
    LintResult {
        kind: form.kind,
        diagnostics: finish(diagnostics, options.settings),
        parsed: written.is_some() || !form.found.is_empty(),
        deployed_by,
        deployer_known,
    }
}

/// Whether `pointer` is `prefix` or a place inside it.
fn is_within(pointer: &str, prefix: &str) -> bool {
    pointer
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Reports a reader's or a form's problem as it is.
fn report_problem(reporter: &mut Reporter<'_>, problem: &json::SyntaxProblem) {
    let meta = registry::find(problem.rule).expect("reader and form rules are registered");
    let d = reporter.report(meta, problem.range, problem.message.clone());
    d.help = problem.help.clone();
    d.fix = problem.fix.clone();
    if let Some((range, message)) = &problem.related {
        d.related(*range, message.clone());
    }
}

/// The deployments of the document: the host's, or (for the ecspresso flag of the older
/// pairing option) ecspresso, or the default for the document.
fn resolve_deployments(
    options: &LintOptions<'_>,
    kind: DocumentKind,
    root: Option<&Node<'_>>,
) -> Deployments {
    if options.deployments.is_empty() && options.pairing.ecspresso && kind.is_service() {
        return Deployments::resolve(&[Deployment::new(Deployer::Ecspresso)], kind, root);
    }
    Deployments::resolve(options.deployments, kind, root)
}

/// Keys the deployer read in another letter case: said once each, with the API's spelling.
fn report_renamed_keys(
    renamed: &[key_case::Renamed],
    deployments: &Deployments,
    kind: DocumentKind,
    reporter: &mut Reporter<'_>,
) {
    use crate::rules::structure::FieldNameCase;
    let Some(profile) = deployments.profiles(kind).next() else {
        return;
    };
    for r in renamed {
        let api = r.api;
        let d = reporter
            .report(&FieldNameCase::META, r.range, format!("`{}` is the field `{api}` in another letter case: {} reads it as `{api}`, the AWS CLI and the ECS deploy action do not", r.written, profile.name))
            .help(format!("write it as the API spells it: `{api}`"));
        if r.repeated {
            d.help(format!("the object sets `{api}` twice, in two letter cases, and the last one wins: keep one, spelled `{api}`"));
        } else {
            d.fix(Fix::safe(
                format!("rename to `{api}`"),
                vec![Edit::replace(r.range, format!("\"{api}\""))],
            ));
        }
    }
}

fn check_document<'a>(
    kind: DocumentKind,
    text: &'a str,
    root: &'a Node<'a>,
    paired: Option<(PairedTaskDefinition<'a>, &'a Node<'a>)>,
    options: &LintOptions<'a>,
    deployments: &Deployments,
    reporter: &mut Reporter<'a>,
) {
    if kind == DocumentKind::Unknown {
        if options.report_unknown_kind {
            reporter
                .report(&UnknownDocumentKind::META, crate::rules::edits::opening(root.range), "this is not an ECS task definition, container definition array or service definition")
                .help("ecslint checks RegisterTaskDefinition and CreateService input; if this is one, say which with `--kind`");
        }
        return;
    }
    let mut document = Document::new(kind, text, root, options.settings);
    document.deployments = deployments.clone();
    if document.service.is_some() {
        document.pair_note = options.pairing.note;
        document.ecspresso = deployments.supplies_service_name(kind);
        document.ecspresso_config = document.ecspresso && deployments.known;
        match paired {
            Some((td, td_root)) => {
                if !document.pair_with(td.path, td.text, td_root) {
                    document.pair_unusable = Some(td.path);
                }
            }
            None => document.pair_unusable = options.pairing.task_definition.map(|td| td.path),
        }
    }
    check_paired(document, reporter, options, true);
}

/// Runs the rules on a document; `walk`: the structural walk too (a form that checks the
/// structure in its own terms turns it off).
fn check_paired<'a>(
    mut document: Document<'a>,
    reporter: &mut Reporter<'a>,
    options: &LintOptions<'a>,
    walk: bool,
) {
    // Checked against a task definition of another family, every cross-check would compare
    // the wrong files: the mismatch is said once, and the service is checked on its own.
    use crate::rules::service::PairedTaskDefinitionFamilyMismatch as Mismatch;
    if Mismatch::applies(&document) {
        if options.settings.is_enabled(Mismatch::META.id) {
            Mismatch::check(&document, reporter);
        }
        document.paired = None;
        document.pair_mismatched = true;
    }
    if walk {
        walk::check(&document, reporter);
    }
    let update = document.kind == DocumentKind::UpdateService;
    for rule in registry::all() {
        if rule.meta.id == Mismatch::META.id
            || (update && crate::rules::service::CREATE_ONLY.contains(&rule.meta.id))
        {
            continue;
        }
        if let Some(check) = rule.check {
            if options.settings.is_enabled(rule.meta.id) {
                check(&document, reporter);
            }
        }
    }
}

/// Guesses the kind of a document that could not be parsed, from its text.
pub(crate) fn kind_from_text(text: &str) -> DocumentKind {
    if text.contains("\"taskDefinitionArn\"") {
        DocumentKind::DescribeTaskDefinition
    } else if text.contains("\"containerDefinitions\"") {
        DocumentKind::TaskDefinition
    } else if text.contains("\"forceNewDeployment\"") {
        DocumentKind::UpdateService
    } else if text.contains("\"serviceName\"") || text.contains("\"desiredCount\"") {
        DocumentKind::Service
    } else if text.trim_start().starts_with('[') && text.contains("\"image\"") {
        DocumentKind::ContainerDefinitions
    } else {
        DocumentKind::Unknown
    }
}

/// Widens every range of a finding in `text` (and its related places in `text`) to whole
/// characters. Rules mark a value's opening with its first byte (`opening`, the `{` or `[` of
/// JSON), but a YAML mapping opens with its first key, which may start with `é` or `名`: the
/// `read_yaml` fuzz target (`tests/regressions/yaml-non-ascii-first-key.yaml`).
fn whole_characters(text: &str, diagnostics: &mut [Diagnostic]) {
    let widen = |range: &mut TextRange| {
        if range.start > range.end || range.end > text.len() {
            return;
        }
        while !text.is_char_boundary(range.start) {
            range.start -= 1;
        }
        while !text.is_char_boundary(range.end) {
            range.end += 1;
        }
    };
    for d in diagnostics {
        widen(&mut d.range);
        for r in &mut d.related {
            if r.document.is_none() {
                widen(&mut r.range);
            }
        }
    }
}

/// Drops disabled rules, applies configured levels and sorts.
pub(crate) fn finish(mut diagnostics: Vec<Diagnostic>, settings: &Settings) -> Vec<Diagnostic> {
    diagnostics.retain(|d| settings.is_enabled(d.rule));
    for d in &mut diagnostics {
        if let Some(level) = settings.level(d.rule) {
            d.severity = level;
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Config;

    /// Findings marked on a YAML mapping's opening cover its first character, not its first
    /// byte, and stay inside the text (the `read_yaml` fuzz target;
    /// `tests/regressions/yaml-non-ascii-first-key*.yaml`, `yaml-empty-document.yaml`).
    #[test]
    fn ranges_cover_whole_characters() {
        let config = Config {
            select: Some(vec!["ALL".to_owned()]),
            ..Config::default()
        };
        let settings = Settings::from_config(&config).unwrap();
        for (text, rule) in [
            (
                include_str!("../tests/regressions/yaml-non-ascii-first-key.yaml"),
                "container-image-required",
            ),
            (
                include_str!("../tests/regressions/yaml-non-ascii-first-key-unknown-kind.yaml"),
                "unknown-document-kind",
            ),
            // A document of nothing (its root is an empty `null` at the end of the text): the
            // opening was one byte past the end.
            (
                include_str!("../tests/regressions/yaml-empty-document.yaml"),
                "unknown-document-kind",
            ),
        ] {
            let options = LintOptions {
                path: Some("t.yaml"),
                ..LintOptions::new(&settings)
            };
            let result = lint(text, &options);
            assert!(result.diagnostics.iter().any(|d| d.rule == rule), "{rule}");
            for d in &result.diagnostics {
                assert!(d.range.end <= text.len(), "{} at {:?}", d.rule, d.range);
                assert!(
                    text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end),
                    "{} at {:?}",
                    d.rule,
                    d.range
                );
            }
        }
    }

    /// A template's pointer to a member that is missing under a member written as null names
    /// that null, not a member under it (the `read_yaml` fuzz target;
    /// `tests/regressions/yaml-null-member-pointer.yaml`).
    #[test]
    fn template_pointers_stop_at_a_null() {
        let settings = Settings::from_config(&Config::default()).unwrap();
        let options = LintOptions {
            path: Some("t.yaml"),
            ..LintOptions::new(&settings)
        };
        let text = include_str!("../tests/regressions/yaml-null-member-pointer.yaml");
        let result = lint(text, &options);
        let d = result
            .diagnostics
            .iter()
            .find(|d| d.rule == "network-configuration-required-for-awsvpc")
            .expect("the finding");
        assert_eq!(
            d.pointer,
            "/Resources/Service/Properties/NetworkConfiguration"
        );
    }
}
