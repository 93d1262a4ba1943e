use crate::rules::container::helpers::container_pointer;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container definition without a `name`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// botocore marks `name` optional, but RegisterTaskDefinition rejects a container without
    /// one: "ClientException: Container.name should not be null or empty.". A common cause is
    /// passing a whole task definition where only `containerDefinitions` belongs (Terraform's
    /// `container_definitions`).
    ///
    /// ## Example
    /// ```json
    /// [{ "image": "nginx:1.27", "essential": true }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "nginx:1.27", "essential": true }]
    /// ```
    ///
    /// ## Fix
    /// Add a `name`: up to 255 letters, digits, hyphens and underscores, unique in the task
    /// definition.
    pub ContainerNameRequired {
        id: "container-name-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: Container.name should not be null or empty.", seen_in: "hashicorp/terraform#2888" },
            Source::ErrorMessage { text: "Container.name should not be null or empty. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)", seen_in: "awsdocs/aws-cloudformation-user-guide#612" },
        ],
    }
}

impl ContainerNameRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            match c.member("name") {
                Some(m) if m.value.as_str() == Some("") => {
                    out.report(&Self::META, m.value.range, "container name is empty")
                        .help("name the container: up to 255 letters, digits, hyphens and underscores");
                }
                Some(_) => {}
                None => {
                    out.report(&Self::META, opening(c.range()), "container definition has no `name`")
                        .help("add \"name\": up to 255 letters, digits, hyphens and underscores, unique in the task definition")
                        .pointer(format!("{}/name", container_pointer(doc, i)));
                }
            }
        }
    }
}
