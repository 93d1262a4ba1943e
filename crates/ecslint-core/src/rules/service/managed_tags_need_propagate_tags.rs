use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `enableECSManagedTags: true` on a service without `propagateTags`.
    ///
    /// ## Why is this bad?
    /// The API reference says managed tags need `propagateTags`; without it the tasks get
    /// no tags from the service or the task definition.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "enableECSManagedTags": true }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "enableECSManagedTags": true, "propagateTags": "SERVICE" }
    /// ```
    ///
    /// ## Fix
    /// Add `"propagateTags": "SERVICE"` (or `"TASK_DEFINITION"`).
    pub ManagedTagsNeedPropagateTags {
        id: "managed-tags-need-propagate-tags",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (1711, 1711), quote: "When you use Amazon ECS managed tags, you need to set the `propagateTags` request parameter." },
        ],
    }
}

impl ManagedTagsNeedPropagateTags {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else { return };
        if service.enable_ecs_managed_tags().is_none_or(|b| !b.value())
            || service.member("propagateTags").is_some()
        {
            return;
        }
        let range = service
            .member("enableECSManagedTags")
            .map_or_else(|| opening(service.range()), |m| m.key.range);
        out.report(
            &Self::META,
            range,
            "ECS managed tags are on but `propagateTags` is not set",
        )
        .help("add `\"propagateTags\": \"SERVICE\"` (or \"TASK_DEFINITION\") to tag the tasks");
    }
}
