//! Which kind of document a file is, and the typed entry points rules read.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Related;
use crate::facts::{ServiceFacts, TaskFacts};
use crate::json::Node;
use crate::model::{
    ContainerDefinition, CreateServiceRequest, List, RegisterTaskDefinitionRequest, Shape, View,
    CONTAINER_DEFINITION, CREATE_SERVICE_REQUEST, REGISTER_TASK_DEFINITION_REQUEST,
    SERVICE_OUTPUT_ONLY, TASK_DEFINITION_OUTPUT_ONLY, UPDATE_SERVICE_REQUEST,
};
use crate::settings::Settings;
use crate::template::is_placeholder;
use crate::text::TextRange;

/// The shapes of file ecslint recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// RegisterTaskDefinition input (`aws ecs register-task-definition --cli-input-json`).
    TaskDefinition,
    /// A task definition with fields copied from DescribeTaskDefinition output, bare or
    /// wrapped in `{"taskDefinition": …}`.
    DescribeTaskDefinition,
    /// A bare array of container definitions (Terraform's `container_definitions`).
    ContainerDefinitions,
    /// One container definition, as people paste it (not in an array).
    ContainerDefinition,
    /// CreateService input, with or without `serviceName` (ecspresso leaves it out).
    Service,
    /// UpdateService input (`aws ecs update-service --cli-input-json`): `service` instead of
    /// `serviceName`, `forceNewDeployment`.
    UpdateService,
    /// A CloudFormation template (JSON or YAML): its `AWS::ECS::TaskDefinition` and
    /// `AWS::ECS::Service` resources are linted.
    #[serde(rename = "cloudformation")]
    CloudFormation,
    /// Terraform (`.tf`): its `aws_ecs_task_definition` and `aws_ecs_service` resources.
    Terraform,
    /// None of the above.
    Unknown,
}

impl DocumentKind {
    pub const ALL: &'static [DocumentKind] = &[
        DocumentKind::TaskDefinition,
        DocumentKind::DescribeTaskDefinition,
        DocumentKind::ContainerDefinitions,
        DocumentKind::ContainerDefinition,
        DocumentKind::Service,
        DocumentKind::UpdateService,
        DocumentKind::CloudFormation,
        DocumentKind::Terraform,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::TaskDefinition => "task-definition",
            DocumentKind::DescribeTaskDefinition => "describe-task-definition",
            DocumentKind::ContainerDefinitions => "container-definitions",
            DocumentKind::ContainerDefinition => "container-definition",
            DocumentKind::Service => "service",
            DocumentKind::UpdateService => "update-service",
            DocumentKind::CloudFormation => "cloudformation",
            DocumentKind::Terraform => "terraform",
            DocumentKind::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == s)
    }

    /// A phrase for messages: "a task definition".
    pub fn description(self) -> &'static str {
        match self {
            DocumentKind::TaskDefinition => "a task definition (RegisterTaskDefinition input)",
            DocumentKind::DescribeTaskDefinition => {
                "a task definition copied from DescribeTaskDefinition output"
            }
            DocumentKind::ContainerDefinitions => "an array of container definitions",
            DocumentKind::ContainerDefinition => "a container definition",
            DocumentKind::Service => "a service definition (CreateService input)",
            DocumentKind::UpdateService => "a service update (UpdateService input)",
            DocumentKind::CloudFormation => "a CloudFormation template",
            DocumentKind::Terraform => "Terraform configuration",
            DocumentKind::Unknown => "not an ECS task or service definition",
        }
    }

    pub fn is_task_definition(self) -> bool {
        matches!(
            self,
            DocumentKind::TaskDefinition | DocumentKind::DescribeTaskDefinition
        )
    }

    /// CreateService or UpdateService input: the service rules apply.
    pub fn is_service(self) -> bool {
        matches!(self, DocumentKind::Service | DocumentKind::UpdateService)
    }

    /// One or more container definitions without their task definition.
    pub fn is_containers_only(self) -> bool {
        matches!(
            self,
            DocumentKind::ContainerDefinitions | DocumentKind::ContainerDefinition
        )
    }
}

/// Guesses the kind of a parsed document from its keys.
pub fn detect_kind(root: &Node<'_>) -> DocumentKind {
    if let Some(items) = root.as_array() {
        // Terraform reads keys in any letter case: `Name`, `IMAGE` count.
        let looks_like_container = |n: &Node<'_>| {
            n.as_object().is_some_and(|members| {
                members.iter().any(|m| {
                    m.key.name.eq_ignore_ascii_case("name")
                        || m.key.name.eq_ignore_ascii_case("image")
                })
            })
        };
        return if !items.is_empty()
            && items.iter().all(|n| n.as_object().is_some())
            && items.iter().any(looks_like_container)
        {
            DocumentKind::ContainerDefinitions
        } else {
            DocumentKind::Unknown
        };
    }
    let Some(members) = root.as_object() else {
        return DocumentKind::Unknown;
    };
    if root
        .get("taskDefinition")
        .is_some_and(|t| t.get("containerDefinitions").is_some() || t.get("family").is_some())
    {
        return DocumentKind::DescribeTaskDefinition;
    }
    let mut task = 0;
    let mut service = 0;
    let mut update = 0;
    let mut container = 0;
    let mut output_only = false;
    for m in members {
        let key: &str = &m.key.name;
        if has_member(&UPDATE_SERVICE_REQUEST, key) {
            update += 1;
        }
        if has_member(&CONTAINER_DEFINITION, key) {
            container += 1;
        }
        if has_member(&REGISTER_TASK_DEFINITION_REQUEST, key) {
            task += 1;
        }
        if TASK_DEFINITION_OUTPUT_ONLY.contains(&key) {
            task += 1;
            output_only = true;
        }
        if has_member(&CREATE_SERVICE_REQUEST, key) || SERVICE_OUTPUT_ONLY.contains(&key) {
            service += 1;
        }
    }
    let has = |k: &str| members.iter().any(|m| m.key.name.eq_ignore_ascii_case(k));
    // UpdateService names the service with `service` (a name or ARN), never `serviceName`.
    if !has("serviceName")
        && root.get("service").is_some_and(|s| s.as_str().is_some())
        && update >= 2
        && update >= service
    {
        return DocumentKind::UpdateService;
    }
    // One container definition: its own members (`image` above all), not a task's or a
    // service's, and most of its keys theirs (`{"image": …, "tag": …}` is something else).
    if ((has("image") && container >= 2) || (has("name") && container >= 3))
        && container * 2 > members.len()
        && !has("containerDefinitions")
        && !has("family")
        && container > task
        && container > service
    {
        return DocumentKind::ContainerDefinition;
    }
    let task_like = has("containerDefinitions") || (has("family") && task >= 2);
    let service_like = has("serviceName")
        || root
            .get("taskDefinition")
            .is_some_and(|t| t.as_str().is_some())
        || service >= 3;
    match (task_like, service_like) {
        (true, false) => task_kind(output_only),
        (false, true) => DocumentKind::Service,
        (true, true) if task >= service => task_kind(output_only),
        (true, true) => DocumentKind::Service,
        (false, false) if task >= 2 && task > service => task_kind(output_only),
        (false, false) if service >= 2 && service > task => DocumentKind::Service,
        (false, false) => DocumentKind::Unknown,
    }
}

/// Whether `shape` has a member named `key`, ignoring case (PascalCase copies count).
fn has_member(shape: &Shape, key: &str) -> bool {
    shape
        .members
        .iter()
        .any(|m| m.name.eq_ignore_ascii_case(key))
}

fn task_kind(output_only: bool) -> DocumentKind {
    if output_only {
        DocumentKind::DescribeTaskDefinition
    } else {
        DocumentKind::TaskDefinition
    }
}

/// A parsed, recognised document as rules see it.
pub struct Document<'a> {
    pub kind: DocumentKind,
    pub text: &'a str,
    pub root: &'a Node<'a>,
    /// The task definition: the root, or the `taskDefinition` member of wrapped output.
    pub task_definition: Option<RegisterTaskDefinitionRequest<'a>>,
    /// The container definitions: the task definition's, or the root array.
    pub container_definitions: Option<List<'a, ContainerDefinition<'a>>>,
    pub service: Option<CreateServiceRequest<'a>>,
    /// Where the task runs, as the file (or the configuration) says.
    pub facts: TaskFacts,
    /// For a service: its launch type, scheduling strategy and deployment controller.
    pub service_facts: ServiceFacts,
    /// For a service: the task definition it runs, when the host found it.
    pub paired: Option<Paired<'a>>,
    /// For a service: why no task definition was found, when the host knows more.
    pub pair_note: Option<&'a str>,
    /// For a service: the host handed over a file (this path) that is not a usable task
    /// definition (not JSON, or another kind of document).
    pub pair_unusable: Option<&'a str>,
    /// For a service: the host paired it with a task definition of another family than the
    /// one it runs (`paired-task-definition-family-mismatch` said so; no cross-check ran).
    pub pair_mismatched: bool,
    /// For a service: it is deployed by ecspresso (named by an ecspresso configuration, or
    /// written without `serviceName` as ecspresso's service definitions are).
    pub ecspresso: bool,
    /// For a service: an ecspresso configuration names it (the host found one).
    pub ecspresso_config: bool,
    /// How the document is deployed (the host's finding, or the default).
    pub deployments: crate::deploy::Deployments,
    pub settings: &'a Settings,
}

/// The task definition a service runs, parsed, as the service rules read it.
#[derive(Clone)]
pub struct Paired<'a> {
    /// The name reports use for it (its path).
    pub path: &'a str,
    pub text: &'a str,
    pub root: &'a Node<'a>,
    pub task_definition: RegisterTaskDefinitionRequest<'a>,
    pub container_definitions: Option<List<'a, ContainerDefinition<'a>>>,
    /// Its facts, with the service's launch type standing in for an undeclared one.
    pub facts: TaskFacts,
    /// `""`, or `/taskDefinition` for wrapped DescribeTaskDefinition output.
    pub task_pointer: &'static str,
}

impl<'a> Paired<'a> {
    /// A secondary location at `range` in the task definition.
    pub fn related(&self, range: TextRange, message: impl Into<String>) -> Related {
        Related {
            message: message.into(),
            range,
            document: Some(self.path.to_owned()),
            pointer: Some(self.root.pointer_to(range)),
        }
    }

    /// The containers with their names (those that have one).
    pub fn containers(&self) -> impl Iterator<Item = (usize, ContainerDefinition<'a>)> + 'a {
        self.container_definitions
            .into_iter()
            .flat_map(|list| list.iter())
    }

    /// Some container, or a container's name, is known only when deployed: any name may be
    /// one of its containers'.
    pub fn containers_unknown(&self) -> bool {
        match self.task_definition.get("containerDefinitions") {
            Some(list) if list.is_unknown() => true,
            Some(list) => list.as_array().is_some_and(|items| {
                items
                    .iter()
                    .any(|c| c.is_unknown() || c.get("name").is_some_and(|n| n.is_unknown()))
            }),
            None => false,
        }
    }

    /// Some port mapping (or its name) is known only when deployed, or a container is.
    pub fn port_mappings_unknown(&self) -> bool {
        self.containers_unknown()
            || self.containers().any(|(_, c)| {
                c.get("portMappings").is_some_and(|l| {
                    l.is_unknown()
                        || l.as_array().is_some_and(|items| {
                            items.iter().any(|m| {
                                m.is_unknown() || m.get("name").is_some_and(|n| n.is_unknown())
                            })
                        })
                })
            })
    }

    /// The container named `name`.
    pub fn container(&self, name: &str) -> Option<(usize, ContainerDefinition<'a>)> {
        self.containers()
            .find(|(_, c)| c.name().is_some_and(|n| n.value() == name))
    }

    /// The network mode the tasks get, when known: as written, else the default of where
    /// they run (`bridge`, or `default` on Windows). `None` for an undeclared mode on Fargate
    /// (the task definition is then refused on its own).
    pub fn network_mode(&self) -> Option<&str> {
        // An invalid mode (`AWSVPC`) is the task definition's own error, not a cross-check's.
        self.facts
            .effective_network_mode()
            .filter(|m| matches!(*m, "bridge" | "host" | "awsvpc" | "none" | "default"))
    }
}

impl<'a> Document<'a> {
    /// The JSON pointer of the task definition object: `""`, or `/taskDefinition` for wrapped
    /// DescribeTaskDefinition output.
    pub fn task_pointer(&self) -> &'static str {
        match self.task_definition {
            Some(t) if !std::ptr::eq(crate::model::View::node(t), self.root) => "/taskDefinition",
            _ => "",
        }
    }

    pub fn new(
        kind: DocumentKind,
        text: &'a str,
        root: &'a Node<'a>,
        settings: &'a Settings,
    ) -> Self {
        let task_node = match kind {
            DocumentKind::TaskDefinition => Some(root),
            DocumentKind::DescribeTaskDefinition => Some(
                root.get("taskDefinition")
                    .filter(|n| n.as_object().is_some())
                    .unwrap_or(root),
            ),
            _ => None,
        };
        let task_definition = task_node.and_then(RegisterTaskDefinitionRequest::cast);
        let container_definitions = match kind {
            DocumentKind::ContainerDefinitions => List::cast(root),
            DocumentKind::ContainerDefinition => root.as_object().map(|_| List::single(root)),
            _ => task_definition.and_then(|t| t.container_definitions()),
        };
        // UpdateService input is read through CreateService's view: the members they share
        // have the same names and shapes (`service` is UpdateService's `serviceName`).
        let service = match kind {
            DocumentKind::Service | DocumentKind::UpdateService => CreateServiceRequest::cast(root),
            _ => None,
        };
        let facts = TaskFacts::new(task_definition, &settings.assume);
        let service_facts = ServiceFacts::new(service);
        let ecspresso = kind == DocumentKind::Service
            && service.is_some_and(|s| s.member("serviceName").is_none());
        Document {
            kind,
            text,
            root,
            task_definition,
            container_definitions,
            service,
            facts,
            service_facts,
            paired: None,
            pair_note: None,
            pair_unusable: None,
            pair_mismatched: false,
            ecspresso,
            ecspresso_config: false,
            deployments: crate::deploy::Deployments::resolve(&[], kind, Some(root)),
            settings,
        }
    }

    /// Gives a service the task definition it runs (`root`, parsed from `text`, named
    /// `path`). A document that is not a task definition is not paired.
    pub fn pair_with(&mut self, path: &'a str, text: &'a str, root: &'a Node<'a>) -> bool {
        if self.service.is_none() {
            return false;
        }
        let kind = detect_kind(root);
        if !kind.is_task_definition() {
            return false;
        }
        let node = root
            .get("taskDefinition")
            .filter(|n| n.as_object().is_some())
            .unwrap_or(root);
        let Some(task_definition) = RegisterTaskDefinitionRequest::cast(node) else {
            return false;
        };
        let mut assume = self.settings.assume.clone();
        if let Some(lt) = &self.service_facts.launch_type {
            assume.launch_type = Some(lt.clone());
        } else if self.service_facts.fargate {
            assume.launch_type = Some("FARGATE".to_owned());
        } else if self.service_facts.ec2 {
            assume.launch_type = Some("EC2".to_owned());
        }
        let mut facts = TaskFacts::new(Some(task_definition), &assume);
        // The service decides where this run of the task definition goes.
        if self.service_facts.launch_type_known() && facts.launch_type_declared {
            facts.fargate = self.service_facts.fargate;
            facts.ec2 = self.service_facts.ec2;
            facts.external = self.service_facts.external;
            facts.managed_instances = false;
        }
        self.paired = Some(Paired {
            path,
            text,
            root,
            task_definition,
            container_definitions: task_definition.container_definitions(),
            facts,
            task_pointer: if std::ptr::eq(node, root) {
                ""
            } else {
                "/taskDefinition"
            },
        });
        true
    }

    /// Whether the service's tasks use `awsvpc` networking: `Some(true)` on Fargate or with a
    /// paired `awsvpc` task definition, `Some(false)` when the paired task definition uses
    /// another mode, `None` when unknown.
    pub fn service_awsvpc(&self) -> Option<bool> {
        if self.service_facts.fargate {
            return Some(true);
        }
        let paired = self.paired.as_ref()?;
        paired
            .network_mode()
            .filter(|m| !is_placeholder(m))
            .map(|m| m == "awsvpc")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> DocumentKind {
        detect_kind(&crate::json::parse(text).root.unwrap())
    }

    #[test]
    fn one_container_definition_is_mostly_its_own_members() {
        let one = r#"{"name": "web", "image": "nginx:1.27", "memory": 256, "essential": true}"#;
        assert_eq!(kind(one), DocumentKind::ContainerDefinition);
        assert_eq!(
            kind(r#"{"image": "nginx", "cpu": 256}"#),
            DocumentKind::ContainerDefinition
        );
        // An image and something else: not a container definition (the VS Code extension
        // detects by content and must stay quiet on it).
        assert_eq!(kind(r#"{"image": "x", "tag": "y"}"#), DocumentKind::Unknown);
        assert_eq!(kind(r#"{"image": "x"}"#), DocumentKind::Unknown);
    }
}
