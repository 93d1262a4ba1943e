use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `minimumHealthyPercent` or `maximumPercent` on a Fargate service with the
    /// `CODE_DEPLOY` or `EXTERNAL` deployment controller.
    ///
    /// ## Why is this bad?
    /// Those controllers deploy through task sets, and on Fargate the two percentages are not used
    /// (DescribeServices still shows them): setting them changes nothing.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } }, "deploymentController": { "type": "CODE_DEPLOY" },
    ///   "deploymentConfiguration": { "minimumHealthyPercent": 50, "maximumPercent": 200 } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } }, "deploymentController": { "type": "CODE_DEPLOY" } }
    /// ```
    ///
    /// ## Fix
    /// Remove the percentages; configure the traffic shift in the CodeDeploy deployment group.
    pub PercentsIgnoredCodedeployExternalFargate {
        id: "percents-ignored-codedeploy-external-fargate",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1521, 1521), quote: "If the tasks in the service use the Fargate launch type, the minimum healthy percent and maximum percent values aren't used." },
        ],
    }
}

impl PercentsIgnoredCodedeployExternalFargate {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        let controller = doc.service_facts.controller.as_str();
        if !doc.service_facts.fargate || !matches!(controller, "CODE_DEPLOY" | "EXTERNAL") {
            return;
        }
        let Some(config) = service.deployment_configuration() else {
            return;
        };
        for key in ["minimumHealthyPercent", "maximumPercent"] {
            if let Some(m) = config.member(key) {
                out.report(&Self::META, m.key.range, format!("`{key}` is not used by a Fargate service with the {controller} deployment controller"))
                    .help("remove it: the deployment is shaped by the task sets (CodeDeploy's deployment configuration)");
            }
        }
    }
}
