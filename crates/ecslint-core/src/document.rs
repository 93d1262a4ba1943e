//! Which kind of document a file is, and the typed entry points rules read.

use serde::{Deserialize, Serialize};

use crate::facts::TaskFacts;
use crate::json::Node;
use crate::model::{
    ContainerDefinition, CreateServiceRequest, List, RegisterTaskDefinitionRequest, Shape, View,
    CREATE_SERVICE_REQUEST, REGISTER_TASK_DEFINITION_REQUEST, SERVICE_OUTPUT_ONLY,
    TASK_DEFINITION_OUTPUT_ONLY,
};
use crate::settings::Settings;

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
    /// CreateService input, with or without `serviceName` (ecspresso leaves it out).
    Service,
    /// None of the above.
    Unknown,
}

impl DocumentKind {
    pub const ALL: &'static [DocumentKind] = &[
        DocumentKind::TaskDefinition,
        DocumentKind::DescribeTaskDefinition,
        DocumentKind::ContainerDefinitions,
        DocumentKind::Service,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::TaskDefinition => "task-definition",
            DocumentKind::DescribeTaskDefinition => "describe-task-definition",
            DocumentKind::ContainerDefinitions => "container-definitions",
            DocumentKind::Service => "service",
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
            DocumentKind::Service => "a service definition (CreateService input)",
            DocumentKind::Unknown => "not an ECS task or service definition",
        }
    }

    pub fn is_task_definition(self) -> bool {
        matches!(
            self,
            DocumentKind::TaskDefinition | DocumentKind::DescribeTaskDefinition
        )
    }
}

/// Guesses the kind of a parsed document from its keys.
pub fn detect_kind(root: &Node<'_>) -> DocumentKind {
    if let Some(items) = root.as_array() {
        let looks_like_container =
            |n: &Node<'_>| n.get("name").is_some() || n.get("image").is_some();
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
    let mut output_only = false;
    for m in members {
        let key: &str = &m.key.name;
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
    pub settings: &'a Settings,
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
            _ => task_definition.and_then(|t| t.container_definitions()),
        };
        let service = match kind {
            DocumentKind::Service => CreateServiceRequest::cast(root),
            _ => None,
        };
        let facts = TaskFacts::new(task_definition, &settings.assume);
        Document {
            kind,
            text,
            root,
            task_definition,
            container_definitions,
            service,
            facts,
            settings,
        }
    }
}
