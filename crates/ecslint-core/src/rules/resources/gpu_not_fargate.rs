use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a GPU `resourceRequirements` entry in a Fargate task definition.
    ///
    /// ## Why is this bad?
    /// Fargate has no GPUs; GPU workloads run on EC2 (or managed instances) with
    /// GPU-enabled container instances. Not proven to be rejected at registration, so a
    /// warning: the task can never be placed on Fargate.
    ///
    /// ## Example
    /// ```json
    /// { "family": "ml", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "4096", "memory": "8192",
    ///   "containerDefinitions": [{ "name": "train", "image": "example/train:1",
    ///     "resourceRequirements": [{ "type": "GPU", "value": "1" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Run the task on EC2 with GPU instances (`requiresCompatibilities: ["EC2"]`), or remove
    /// the GPU requirement.
    pub GpuNotFargate {
        id: "gpu-not-fargate",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html", note: "GPUs are supported on EC2 container instances; Fargate does not offer GPUs" }],
    }
}

impl GpuNotFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if !doc.facts.fargate {
            return;
        }
        for (i, c) in containers(doc) {
            let Some(reqs) = c.resource_requirements() else {
                continue;
            };
            for (_, r) in reqs.iter() {
                if let Some(kind) = r.r#type().filter(|t| t.value() == "GPU") {
                    out.report(
                        &Self::META,
                        kind.range(),
                        format!(
                            "{} asks for a GPU, and Fargate has none",
                            container_label(i, c)
                        ),
                    )
                    .help("run GPU tasks on EC2 with GPU instances, or remove the GPU requirement");
                }
            }
        }
    }
}
