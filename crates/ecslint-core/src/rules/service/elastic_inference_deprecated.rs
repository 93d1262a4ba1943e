use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service whose paired task definition uses Elastic Inference accelerators
    /// (`inferenceAccelerators`).
    ///
    /// ## Why is this bad?
    /// Amazon Elastic Inference took no new customers after April 2023 and is no longer
    /// available: the service's tasks cannot get their accelerators.
    ///
    /// ## Example
    /// ```json
    /// // taskdef: "inferenceAccelerators": [{ "deviceName": "device_1", "deviceType": "eia2.medium" }]
    /// ```
    /// Use instead: a task definition without accelerators, on GPU or AWS Inferentia
    /// instances.
    ///
    /// ## Fix
    /// Move the model to GPU instances (`resourceRequirements` GPU) or AWS Inferentia.
    pub ElasticInferenceDeprecated {
        id: "elastic-inference-deprecated",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1501, 1501), quote: "After April 15, 2023, new customers will not be able to launch instances with Amazon EI accelerators in Amazon SageMaker, Amazon ECS, or Amazon EC2." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-request-launch-template-data/elastic-inference-accelerators.html", note: "Amazon Elastic Inference is no longer available." },
        ],
    }
}

impl ElasticInferenceDeprecated {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some(service), Some(paired)) = (doc.service, &doc.paired) else {
            return;
        };
        let Some(m) = paired
            .task_definition
            .member("inferenceAccelerators")
            .filter(|m| m.value.as_array().is_some_and(|a| !a.is_empty()))
        else {
            return;
        };
        let d = out
            .report(
                &Self::META,
                key_or_root(service, "taskDefinition"),
                "the task definition uses Elastic Inference accelerators, and Amazon Elastic Inference is no longer available",
            )
            .help("move the workload to GPU instances or AWS Inferentia, and remove `inferenceAccelerators`");
        related_td(d, paired, m.key.range, "the accelerators");
    }
}
