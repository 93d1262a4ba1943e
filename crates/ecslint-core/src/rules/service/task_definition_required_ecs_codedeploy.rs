use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service with the ECS (default) or CODE_DEPLOY controller and no `taskDefinition`,
    /// unless it is an ecspresso service definition (without `serviceName`, or named by an ecspresso
    /// configuration), for which ecspresso supplies the task definition.
    ///
    /// ## Why is this bad?
    /// Those controllers run the service's tasks from the task definition given at creation.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// ```
    ///
    /// ## Fix
    /// Add `taskDefinition` (family, family:revision or ARN).
    pub TaskDefinitionRequiredEcsCodedeploy {
        id: "task-definition-required-ecs-codedeploy",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1915, 1915), quote: "A task definition must be specified if the service uses either the ECS or CODE_DEPLOY deployment controllers." },
        ],
    }
}

impl TaskDefinitionRequiredEcsCodedeploy {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.ecspresso
            || service.member("taskDefinition").is_some()
            || doc.service_facts.controller == "EXTERNAL"
            || !doc.service_facts.controller_known()
        {
            return;
        }
        out.report(
            &Self::META,
            opening(service.range()),
            format!(
                "a service with the {} deployment controller needs `taskDefinition`",
                doc.service_facts.controller
            ),
        )
        .help("add \"taskDefinition\": \"family:revision\" (or the task definition's ARN)")
        .pointer("/taskDefinition");
    }
}
