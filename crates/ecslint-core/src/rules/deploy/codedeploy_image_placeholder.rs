use crate::deploy::Deployer;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `taskdef.json` deployed by CodePipeline's ECS blue/green action
    /// (`CodeDeployToECS`) in which no container's `image` holds a placeholder such as
    /// `<IMAGE1_NAME>`.
    ///
    /// ## Why is this bad?
    /// The action puts the pipeline's image (the `ImageURI` of the image artifact's
    /// `imageDetail.json`) where the placeholder named by `Image1ContainerName` stands: "edit
    /// your file to remove the image name and include the `<IMAGE1_NAME>` placeholder text in
    /// the image field". Without one, every deployment runs the image written in the file, not
    /// the one just built. What the action does when it finds no placeholder is not
    /// documented, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "containerDefinitions": [{ "name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0" }] }
    /// ```
    /// Use instead: `"image": "<IMAGE1_NAME>"`.
    ///
    /// ## Fix
    /// Write the placeholder (`<IMAGE1_NAME>`, as named by the action's `Image1ContainerName`)
    /// as the image of the container the pipeline builds.
    pub CodedeployImagePlaceholder {
        id: "codedeploy-image-placeholder",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs {
            url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/tutorials-ecs-ecr-codedeploy.html",
            note: "edit your file to remove the image name and include the <IMAGE1_NAME> placeholder text in the image field",
        }],
    }
}

impl CodedeployImagePlaceholder {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc
            .deployments
            .list
            .iter()
            .any(|d| d.deployer == Deployer::Codedeploy)
        {
            return;
        }
        let (Some(task), Some(list)) = (doc.task_definition, doc.container_definitions) else {
            return;
        };
        let images: Vec<Str<'a>> = list.values().filter_map(|c| c.image()).collect();
        if images.is_empty() || images.iter().any(|i| is_placeholder(i.value())) {
            return;
        }
        let at = task
            .member("containerDefinitions")
            .map_or(opening(task.range()), |m| m.key.range);
        out.report(&Self::META, at, "no container image is a placeholder such as `<IMAGE1_NAME>`: CodePipeline's ECS blue/green action has nowhere to put the image it deploys")
            .help("write \"image\": \"<IMAGE1_NAME>\" for the container the pipeline builds (the placeholder the action's Image1ContainerName names)");
    }
}
