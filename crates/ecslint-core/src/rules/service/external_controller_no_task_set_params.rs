use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports members of an EXTERNAL-controller service that belong to its task sets:
    /// `taskDefinition`, `launchType`, `capacityProviderStrategy`, `loadBalancers`,
    /// `networkConfiguration`, `platformVersion`, `serviceRegistries`. Load balancers are
    /// refused (an error); the others are warnings.
    ///
    /// ## Why is this bad?
    /// With the EXTERNAL controller, CreateService takes only what is not controlled per task
    /// set; these go to CreateTaskSet.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "deploymentController": { "type": "EXTERNAL" }, "desiredCount": 2,
    ///   "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", "containerName": "web", "containerPort": 80 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "deploymentController": { "type": "EXTERNAL" }, "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Move the member to the CreateTaskSet call of your deployment controller.
    pub ExternalControllerNoTaskSetParams {
        id: "external-controller-no-task-set-params",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1523, 1523), quote: "When creating a service that uses the EXTERNAL deployment controller, you can specify only parameters that aren't controlled at the task set level." },
            Source::ErrorMessage { text: "InvalidParameterException: LoadBalancers must be empty or null.", seen_in: "hashicorp/terraform-provider-aws#27291" },
        ],
    }
}

const TASK_SET_MEMBERS: &[&str] = &[
    "taskDefinition",
    "launchType",
    "capacityProviderStrategy",
    "loadBalancers",
    "networkConfiguration",
    "platformVersion",
    "serviceRegistries",
];

impl ExternalControllerNoTaskSetParams {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else { return };
        if doc.service_facts.controller != "EXTERNAL" {
            return;
        }
        for key in TASK_SET_MEMBERS {
            let Some(m) = service.member(key) else {
                continue;
            };
            // Describe output, and tools built on it, write empty members: they say nothing.
            let empty = match &m.value.value {
                Value::Array(a) => a.is_empty(),
                Value::String(s) => s.is_empty(),
                Value::Object(o) => o.is_empty(),
                Value::Null => true,
                _ => false,
            };
            if empty {
                continue;
            }
            let d = out
                .report(&Self::META, m.key.range, format!("`{key}` belongs to the task sets of an EXTERNAL-controller service, not to CreateService"))
                .help(format!("remove `{key}` and give it to CreateTaskSet"));
            if *key != "loadBalancers" {
                d.severity(Severity::Warning);
            }
        }
    }
}
