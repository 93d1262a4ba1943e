use crate::rules::container::helpers::container_pointer;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container definition without an `image`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// botocore marks `image` optional, but RegisterTaskDefinition rejects a container without
    /// one: "ClientException: The container.image should not be null or empty". Templates
    /// whose image variable was not rendered often produce an empty string.
    ///
    /// It is a warning, not an error, because an empty or absent image is also how deploy
    /// templates leave the slot that a pipeline fills: the ECS "render task definition"
    /// GitHub action and similar steps set `image` on the named container before the file is
    /// registered. Such files are accepted in practice; one registered as written is not.
    /// When the repository's workflow that deploys the file renders the container (found by
    /// `ecslint check`: see the report's `deployer`), nothing is reported. (Such a file sent
    /// straight to the ECS deploy action loses its `"image": ""`, which the action removes,
    /// and registration fails.)
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "web", "image": "" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "web", "image": "public.ecr.aws/nginx/nginx:1.27" }]
    /// ```
    ///
    /// ## Fix
    /// Set `image` to the image reference (`repository:tag` or `repository@sha256:…`).
    pub ContainerImageRequired {
        id: "container-image-required",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: The container.image should not be null or empty", seen_in: "prefect-archive/prefect-aws#159" },
            Source::ErrorMessage { text: "RegisterTaskDefinition operation no longer accepts task-definitions without an `image`", seen_in: "aws/aws-cli#5924" },
        ],
    }
}

impl ContainerImageRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            // A render step of the workflow that deploys the file sets it.
            if c.name()
                .is_some_and(|n| doc.deployments.supplies("image", n.value()).is_some())
            {
                continue;
            }
            match c.member("image") {
                Some(m) if m.value.as_str().is_some_and(|s| s.trim().is_empty()) => {
                    out.report(&Self::META, m.value.range, "container image is empty")
                        .help("set the image reference, such as repository:tag or repository@sha256:digest (a deploy step that fills it in, such as the ECS render-task-definition action, makes this expected)");
                }
                Some(_) => {}
                None => {
                    let at = c.member("name").map_or(opening(c.range()), |m| m.key.range);
                    out.report(&Self::META, at, "container definition has no `image`")
                        .help("add \"image\": the image reference, such as repository:tag or repository@sha256:digest (a deploy step that fills it in, such as the ECS render-task-definition action, makes this expected)")
                        .pointer(format!("{}/image", container_pointer(doc, i)));
                }
            }
        }
    }
}
