//! Deployer profiles: what a tool does to a document before the ECS API sees it.
//!
//! A file is judged as its deployer sends it. The ECS deploy GitHub action removes `null`s and
//! describe-only fields before registering; ecspresso unwraps describe output and matches keys
//! in any letter case; Terraform's provider reads `container_definitions` case-insensitively
//! and drops unknown keys. What the deployer removes or converts is no error there: the
//! finding becomes `info` and names the deployer. What the deployer itself refuses stays an
//! error. Everything else keeps its severity.
//!
//! Each profile is data ([`Profile`]) read from the tool's own source and docs, one module a
//! tool, with the version read and the source in its documentation (`docs/deployers.md` has
//! the table). Rules never test for a tool: the structural findings are adjusted here, in one
//! place ([`adjust`]), and the few rules that depend on what a deployer supplies ask
//! [`Deployments::supplies`].
//!
//! Which deployer applies is the host's to find (configuration, `--deployer`, or evidence in
//! the repository: workflows, ecspresso configurations, Terraform, appspec files); the host
//! hands it over in [`crate::LintOptions::deployments`]. When it hands none, the default
//! depends on the document: a bare container array is Terraform's `container_definitions`, a
//! service definition without `serviceName` is ecspresso's, anything else is `aws-cli`
//! (`--cli-input-json`, the strictest).

pub mod aws_cli;
pub mod codedeploy;
pub mod detect;
pub mod ecs_deploy_action;
pub mod ecspresso;
pub mod key_case;
pub mod repository;
pub mod terraform;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::DocumentKind;
use crate::json::Node;
use crate::rule::Source;

/// The tools ecslint knows, by the id configurations and `--deployer` use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Deployer {
    /// `aws ecs register-task-definition --cli-input-json` (botocore's client-side validation).
    AwsCli,
    /// `aws-actions/amazon-ecs-deploy-task-definition@v2` (JavaScript SDK v3).
    EcsDeployAction,
    /// `aws-actions/amazon-ecs-deploy-task-definition@v1` (JavaScript SDK v2).
    EcsDeployActionV1,
    /// kayac/ecspresso v2.
    Ecspresso,
    /// The Terraform AWS provider's `container_definitions`.
    Terraform,
    /// CodePipeline's `CodeDeployToECS` action (`taskdef.json` and `appspec.yaml`).
    Codedeploy,
}

impl Deployer {
    pub const ALL: &'static [Deployer] = &[
        Deployer::AwsCli,
        Deployer::EcsDeployAction,
        Deployer::EcsDeployActionV1,
        Deployer::Ecspresso,
        Deployer::Terraform,
        Deployer::Codedeploy,
    ];

    /// The id written in configurations and output.
    pub fn id(self) -> &'static str {
        match self {
            Deployer::AwsCli => "aws-cli",
            Deployer::EcsDeployAction => "ecs-deploy-action",
            Deployer::EcsDeployActionV1 => "ecs-deploy-action@v1",
            Deployer::Ecspresso => "ecspresso",
            Deployer::Terraform => "terraform",
            Deployer::Codedeploy => "codedeploy",
        }
    }

    /// The deployer named `id` (also `ecs-deploy-action@v2`, and the actions' repository
    /// names).
    pub fn parse(id: &str) -> Option<Deployer> {
        let id = id.trim();
        Some(match id {
            "aws-cli" | "cli" => Deployer::AwsCli,
            "ecs-deploy-action"
            | "ecs-deploy-action@v2"
            | "amazon-ecs-deploy-task-definition"
            | "aws-actions/amazon-ecs-deploy-task-definition" => Deployer::EcsDeployAction,
            "ecs-deploy-action@v1" => Deployer::EcsDeployActionV1,
            "ecspresso" => Deployer::Ecspresso,
            "terraform" => Deployer::Terraform,
            "codedeploy" | "codepipeline" => Deployer::Codedeploy,
            _ => return None,
        })
    }

    /// How a document of `kind` is handled by this deployer.
    pub fn profile(self, kind: DocumentKind) -> &'static Profile {
        match self {
            Deployer::AwsCli => &aws_cli::PROFILE,
            Deployer::EcsDeployAction => &ecs_deploy_action::PROFILE,
            Deployer::EcsDeployActionV1 => &ecs_deploy_action::PROFILE_V1,
            Deployer::Ecspresso if kind.is_service() => &ecspresso::SERVICE,
            Deployer::Ecspresso => &ecspresso::TASK_DEFINITION,
            Deployer::Terraform => &terraform::PROFILE,
            Deployer::Codedeploy => &codedeploy::PROFILE,
        }
    }

    /// The deployer assumed when the host knows none: Terraform for a bare container array,
    /// ecspresso for a service definition without `serviceName`, else the AWS CLI.
    pub fn default_for(kind: DocumentKind, root: Option<&Node<'_>>) -> Deployer {
        match kind {
            DocumentKind::ContainerDefinitions => Deployer::Terraform,
            DocumentKind::Service if root.is_some_and(|r| r.get("serviceName").is_none()) => {
                Deployer::Ecspresso
            }
            _ => Deployer::AwsCli,
        }
    }
}

/// What a deployer does with one kind of problem before the API sees the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handling {
    /// Sent as written: the finding stands as it is.
    Sent,
    /// Removed, unwrapped or converted before sending (the words say what: "removes `null`
    /// values before registering"): the document deploys, the finding becomes `info`.
    Fixed(&'static str),
    /// Dropped without a word: it deploys, but the setting never applies (a `warning`).
    Dropped(&'static str),
    /// Treated as absent: nothing to report.
    Absent,
    /// The deployer itself refuses the file: an `error` (the words say how it fails).
    Refused(&'static str),
}

/// What one tool does to a document: data read from its source and docs.
#[derive(Debug)]
pub struct Profile {
    pub deployer: Deployer,
    /// How messages name it: "the ECS deploy GitHub action".
    pub name: &'static str,
    /// The version or commit whose source and docs were read.
    pub read_at: &'static str,
    pub sources: &'static [Source],
    /// `null` values.
    pub nulls: Handling,
    /// Empty strings, arrays and objects (and empty array elements).
    pub empty_values: Handling,
    /// Fields of describe output (`revision`, `status`, `serviceArn`, …).
    pub read_only_fields: Handling,
    /// Keys the API does not have.
    pub unknown_fields: Handling,
    /// `{"taskDefinition": …}` around the task definition.
    pub wrapper: Handling,
    /// The same key twice in one object.
    pub duplicate_keys: Handling,
    /// Trailing commas and `#` comments (a YAML reader takes them).
    pub json_slips: Handling,
    /// `//` and `/* */` comments.
    pub slash_comments: Handling,
    /// A numeric string (`"512"`) where the API takes an integer.
    pub numeric_strings: Handling,
    /// An empty string where the API takes an enum value.
    pub empty_enum: Handling,
    /// Keys are matched to the API's members whatever their letter case (`Image`, `NAME`).
    pub keys_any_case: bool,
    /// The tool supplies a service's `serviceName` (from its configuration).
    pub supplies_service_name: bool,
    /// The tool supplies a service's `taskDefinition` (the one it registers).
    pub supplies_task_definition: bool,
}

/// A place in another file that shows how a document is deployed: a workflow step, an
/// ecspresso configuration, a Terraform resource, an appspec.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub path: String,
    /// 1-based.
    pub line: u32,
    /// Where in that file, for related places (not in reports: `line` says it).
    #[serde(skip, default)]
    pub range: Option<crate::text::TextRange>,
}

/// One way a document is deployed, as the host found it.
#[derive(Clone, Debug)]
pub struct Deployment {
    pub deployer: Deployer,
    /// Where that was read; `None` when configured or assumed.
    pub evidence: Option<Evidence>,
    /// Containers render steps fill (`aws-actions/amazon-ecs-render-task-definition`), with
    /// the fields they set and where the steps are.
    pub rendered: Vec<detect::RenderStep>,
    /// `keep-null-value-keys` of the deploy action: keys whose empty values it keeps.
    pub keep_empty_keys: Vec<String>,
    /// The CodeDeploy appspec that deploys the task definition, as read.
    pub appspec: Option<detect::Appspec>,
    /// The workflow step that runs ecspresso, and the environment it provides.
    pub ecspresso_run: Option<detect::EcspressoRun>,
}

impl Deployment {
    pub fn new(deployer: Deployer) -> Self {
        Deployment {
            deployer,
            evidence: None,
            rendered: Vec::new(),
            keep_empty_keys: Vec::new(),
            appspec: None,
            ecspresso_run: None,
        }
    }
}

/// The deployments of one document (the default one when the host found none).
#[derive(Clone, Debug)]
pub struct Deployments {
    pub list: Vec<Deployment>,
    /// The host found them (configuration or evidence); `false`: the default was assumed.
    pub known: bool,
    /// The default is a guess from the document itself (ecspresso, for a service definition
    /// without `serviceName`): it may soften an error to a warning, never further.
    pub guessed: bool,
}

impl Deployments {
    /// What `options` say, or the default for the document.
    pub fn resolve(given: &[Deployment], kind: DocumentKind, root: Option<&Node<'_>>) -> Self {
        if given.is_empty() {
            let deployer = Deployer::default_for(kind, root);
            Deployments {
                list: vec![Deployment::new(deployer)],
                known: false,
                guessed: deployer == Deployer::Ecspresso,
            }
        } else {
            Deployments {
                list: given.to_vec(),
                known: true,
                guessed: false,
            }
        }
    }

    /// The profiles that apply to a document of `kind`.
    pub fn profiles(&self, kind: DocumentKind) -> impl Iterator<Item = &'static Profile> + '_ {
        self.list.iter().map(move |d| d.deployer.profile(kind))
    }

    /// Whether every deployment matches keys in any letter case.
    pub fn keys_any_case(&self, kind: DocumentKind) -> bool {
        self.profiles(kind).all(|p| p.keys_any_case)
    }

    /// Whether every deployment supplies the service's name.
    pub fn supplies_service_name(&self, kind: DocumentKind) -> bool {
        self.profiles(kind).all(|p| p.supplies_service_name)
    }

    /// Whether every deployment supplies the service's task definition.
    pub fn supplies_task_definition(&self, kind: DocumentKind) -> bool {
        self.profiles(kind).all(|p| p.supplies_task_definition)
    }

    /// The render step that sets `field` of `container` before every deployment, if one
    /// does.
    pub fn supplies(&self, field: &str, container: &str) -> Option<&detect::RenderStep> {
        let mut found = None;
        for d in &self.list {
            let r = d.rendered.iter().find(|r| {
                r.containers.iter().any(|c| c == container) && r.fields.contains(&field)
            })?;
            found.get_or_insert(r);
        }
        found
    }

    /// The ids and evidence, for reports.
    pub fn summary(&self) -> Vec<DeployedBy> {
        self.list
            .iter()
            .map(|d| DeployedBy {
                name: d.deployer.id().to_owned(),
                source: d.evidence.clone(),
            })
            .collect()
    }
}

/// How a report names a document's deployer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployedBy {
    /// The deployer's id (`ecs-deploy-action`).
    pub name: String,
    pub source: Option<Evidence>,
}

/// Adjusts the structural and syntax findings of a document to what its deployers do: a
/// finding stays as strict as the strictest deployment needs. `text` is the document's text.
pub fn adjust(
    deployments: &Deployments,
    kind: DocumentKind,
    text: &str,
    root: Option<&Node<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let profiles: Vec<&Profile> = deployments.profiles(kind).collect();
    if profiles.iter().all(|p| p.deployer == Deployer::AwsCli) {
        return;
    }
    diagnostics.retain_mut(|d| {
        // Each deployment's verdict; the finding keeps the strictest.
        let mut verdict: Option<(Severity, Option<String>)> = None;
        for p in &profiles {
            let handling = handling_of(p, d, text, root, deployments);
            if deployments.guessed {
                // A guess softens an error to a warning, and says it is a guess.
                if let Handling::Fixed(what) = handling {
                    let note = format!("if {} deploys it (as the missing `serviceName` suggests), {} {what}; the AWS CLI refuses it", p.name, p.name);
                    let severity = d.severity.min(Severity::Warning);
                    if verdict.as_ref().is_none_or(|(s, _)| severity > *s) {
                        verdict = Some((severity, Some(note)));
                    }
                } else if verdict.as_ref().is_none_or(|(s, _)| d.severity > *s) {
                    verdict = Some((d.severity, None));
                }
                continue;
            }
            let (severity, note) = match handling {
                Handling::Sent => (d.severity, None),
                Handling::Absent => continue,
                Handling::Fixed(what) => (
                    Severity::Info,
                    Some(format!("{} {what}, so this deploys", p.name)),
                ),
                Handling::Dropped(what) => (
                    Severity::Warning,
                    Some(format!("{} {what}: it deploys, but this never applies", p.name)),
                ),
                Handling::Refused(how) => {
                    (Severity::Error, Some(format!("{} {how}", p.name)))
                }
            };
            if verdict.as_ref().is_none_or(|(s, _)| severity > *s) {
                verdict = Some((severity, note));
            }
        }
        match verdict {
            // Every deployment treats it as absent.
            None => false,
            Some((severity, note)) => {
                d.severity = severity;
                if let Some(note) = note {
                    d.message = format!("{}: {note}", d.message);
                }
                true
            }
        }
    });
}

/// What profile `p` does with the subject of finding `d`.
fn handling_of(
    p: &Profile,
    d: &Diagnostic,
    text: &str,
    root: Option<&Node<'_>>,
    deployments: &Deployments,
) -> Handling {
    let at = text.get(d.range.start..d.range.end).unwrap_or("");
    match d.rule {
        "null-value" => p.nulls,
        "read-only-field" => ecs_deploy_action::read_only_field(p, d).unwrap_or(p.read_only_fields),
        "unknown-field" => p.unknown_fields,
        "describe-output-wrapper" => p.wrapper,
        "duplicate-key" => p.duplicate_keys,
        "json-bom" => p.json_slips,
        "invalid-json" if root.is_some() => {
            if at.starts_with("//") || at.starts_with("/*") {
                p.slash_comments
            } else if at == "," || at.starts_with('#') {
                p.json_slips
            } else {
                Handling::Sent
            }
        }
        "invalid-type" if is_numeric_string(at) && d.message.contains("integer") => {
            p.numeric_strings
        }
        "invalid-enum-value" if at == "\"\"" => p.empty_enum,
        "missing-required-field" if d.pointer.ends_with("/serviceName") => {
            if deployments.supplies_service_name(DocumentKind::Service) {
                Handling::Absent
            } else {
                Handling::Sent
            }
        }
        _ => Handling::Sent,
    }
}

/// `"512"`: a JSON string of digits.
fn is_numeric_string(at: &str) -> bool {
    at.len() > 2
        && at.starts_with('"')
        && at.ends_with('"')
        && at[1..at.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// What of a profile decides the handling of a rule's findings.
type HandlingOf = fn(&Profile) -> Handling;

/// The rules whose findings a deployer may change, and what of each profile decides.
const ADJUSTED: &[(&str, HandlingOf)] = &[
    ("null-value", |p| p.nulls),
    ("read-only-field", |p| p.read_only_fields),
    ("unknown-field", |p| p.unknown_fields),
    ("describe-output-wrapper", |p| p.wrapper),
    ("duplicate-key", |p| p.duplicate_keys),
    ("invalid-json", |p| p.json_slips),
    ("invalid-type", |p| p.numeric_strings),
    ("invalid-enum-value", |p| p.empty_enum),
];

/// The profiles as documentation lists them.
const DOCUMENTED: &[&Profile] = &[
    &aws_cli::PROFILE,
    &ecs_deploy_action::PROFILE,
    &ecs_deploy_action::PROFILE_V1,
    &ecspresso::TASK_DEFINITION,
    &ecspresso::SERVICE,
    &terraform::PROFILE,
    &codedeploy::PROFILE,
];

/// The "Deployers" section of a rule's docs: what each deployer does with its finding,
/// generated from the profiles (empty for a rule no deployer changes).
pub fn docs_section(rule: &str) -> String {
    let Some((_, handling)) = ADJUSTED.iter().find(|(id, _)| *id == rule) else {
        return String::new();
    };
    let mut out = String::from(
        "\n## Deployers\n\nThe finding follows the tool that deploys the file (`ecslint check` finds it in the repository, or `--deployer`, `deployer` in ecslint.toml):\n\n| deployer | what it does | severity |\n| --- | --- | --- |\n",
    );
    for p in DOCUMENTED {
        let what = match rule {
            "invalid-json" => format!(
                "{}; `//` comments: {}",
                words(p.json_slips),
                words(p.slash_comments)
            ),
            "invalid-type" => format!("a numeric string for an integer: {}", words(handling(p))),
            "invalid-enum-value" => format!("an empty string: {}", words(handling(p))),
            _ => words(handling(p)),
        };
        let which = match (p.deployer, std::ptr::eq(*p, &ecspresso::SERVICE)) {
            (Deployer::Ecspresso, true) => "ecspresso (service)".to_owned(),
            (Deployer::Ecspresso, false) => "ecspresso (task definition)".to_owned(),
            (d, _) => d.id().to_owned(),
        };
        let severity = match handling(p) {
            Handling::Sent => "as the rule says",
            Handling::Fixed(_) => "info",
            Handling::Dropped(_) => "warning",
            Handling::Absent => "not reported",
            Handling::Refused(_) => "error",
        };
        out.push_str(&format!("| `{which}` | {what} | {severity} |\n"));
    }
    out
}

/// How a profile's handling reads in the docs table.
fn words(h: Handling) -> String {
    match h {
        Handling::Sent => "sends it as written".to_owned(),
        Handling::Fixed(w) | Handling::Dropped(w) | Handling::Refused(w) => w.to_owned(),
        Handling::Absent => "reads it as absent".to_owned(),
    }
}
