use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an S3 Files volume in a task definition that can run only on EC2 or
    /// EXTERNAL (`requiresCompatibilities`, or the `launch-type` assumption).
    ///
    /// ## Why is this bad?
    /// ECS supports S3 Files volumes on Fargate and ECS Managed Instances only; on the EC2
    /// launch type the task registers but fails at launch.
    ///
    /// ## Example
    /// ```json
    /// { "family": "reports", "requiresCompatibilities": ["EC2"], "volumes": [{ "name": "data",
    ///     "s3filesVolumeConfiguration": { "fileSystemArn": "arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0" } }],
    ///   "containerDefinitions": [{ "name": "app", "image": "app:1" }] }
    /// ```
    /// Use instead: `"requiresCompatibilities": ["FARGATE"]` (or `MANAGED_INSTANCES`), or an
    /// EFS volume on EC2.
    ///
    /// ## Fix
    /// Run the task on Fargate or ECS Managed Instances.
    pub S3filesNotOnEc2 {
        id: "s3files-not-on-ec2",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/s3files-volumes.html", note: "S3 Files are not supported on the Amazon EC2 launch type at this time; the task will fail at launch (Fargate and Managed Instances are supported)" },
        ],
    }
}

impl S3filesNotOnEc2 {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let facts = &doc.facts;
        if !(facts.ec2 || facts.external) || facts.fargate || facts.managed_instances {
            return;
        }
        let Some(volumes) = doc.task_definition.and_then(|t| t.volumes()) else {
            return;
        };
        let on = if facts.ec2 { "EC2" } else { "EXTERNAL" };
        for v in volumes.values() {
            if let Some(m) = v.member("s3filesVolumeConfiguration") {
                out.report(&Self::META, m.key.range, format!("S3 Files volumes are supported on Fargate and ECS Managed Instances, and this task runs on {on}: it fails at launch"))
                    .help("run the task on Fargate or ECS Managed Instances, or use an EFS volume on EC2");
            }
        }
    }
}
