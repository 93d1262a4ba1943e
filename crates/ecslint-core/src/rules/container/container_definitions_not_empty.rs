use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition whose `containerDefinitions` is an empty array.
    ///
    /// ## Why is this bad?
    /// A task needs at least one container: RegisterTaskDefinition fails with "ClientException:
    /// Container list cannot be empty." botocore's model sets no minimum length, so
    /// `aws ecs register-task-definition` sends the request and the API refuses it.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 512 }] }
    /// ```
    ///
    /// ## Fix
    /// Add the task's containers.
    pub ContainerDefinitionsNotEmpty {
        id: "container-definitions-not-empty",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "Container list cannot be empty. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)", seen_in: "awsdocs/aws-cloudformation-user-guide#454" },
            Source::Peer { tool: "cfn-lint", rule: "E3042 (containerdefinitions_essential.json: minItems 1)" },
        ],
    }
}

impl ContainerDefinitionsNotEmpty {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.task_definition.and(doc.container_definitions) else {
            return;
        };
        if !containers.is_empty() {
            return;
        }
        out.report(
            &Self::META,
            containers.range(),
            "`containerDefinitions` is empty: a task definition needs at least one container",
        )
        .help("add the task's containers, each with at least `name` and `image`");
    }
}
