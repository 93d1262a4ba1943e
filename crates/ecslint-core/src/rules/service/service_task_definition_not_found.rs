use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Says once, on a service that names its task definition (`taskDefinition`), that no task
    /// definition was found to check it against, so the cross-checks (container names and ports
    /// of load balancers, `networkConfiguration` for `awsvpc`, Service Connect port names, …) did
    /// not run. Also says when the file given as the task definition is not one.
    ///
    /// ## Why is this bad?
    /// Most CreateService failures come from a service that disagrees with its task definition.
    /// ecslint finds the task definition with `--task-definition`, a `[[pair]]` in `ecslint.toml`,
    /// an ecspresso configuration naming both files, or a task definition of the named family
    /// linted in the same run; when none of these finds one, only the service's own rules ran.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2 }
    /// // ecslint check --task-definition taskdef.json service.json
    /// ```
    ///
    /// ## Fix
    /// Pass the task definition with `--task-definition FILE`, pair the two in `ecslint.toml`
    /// (`[[pair]] service = "service.json"` `task-definition = "taskdef.json"`), or lint the task
    /// definition in the same run. A service written for ecspresso without `taskDefinition` is
    /// paired through `ecspresso.yml`.
    pub ServiceTaskDefinitionNotFound {
        id: "service-task-definition-not-found",
        category: Category::BestPractice,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html", note: "taskDefinition: the family and revision (family:revision) or full ARN of the task definition to run in your service" },
        ],
    }
}

impl ServiceTaskDefinitionNotFound {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.paired.is_some() || doc.pair_mismatched {
            return;
        }
        if let Some(path) = doc.pair_unusable {
            out.report(&Self::META, key_or_root(service, "taskDefinition"), format!("`{path}` is not a task definition that can be read: the checks against the task definition did not run"))
                .help("pair the service with its RegisterTaskDefinition input (JSON), or fix that file first");
            return;
        }
        let named = service.task_definition().filter(|t| known(t.value()));
        let (range, what) = match (named, doc.pair_note) {
            (Some(t), _) => (
                t.range(),
                format!("no task definition for `{}` was found", t.value()),
            ),
            (None, Some(_)) => (
                key_or_root(service, "taskDefinition"),
                "no task definition was found".to_owned(),
            ),
            (None, None) => return,
        };
        let note = doc.pair_note.map(|n| format!(" ({n})")).unwrap_or_default();
        out.report(&Self::META, range, format!("{what}{note}: the checks against the task definition did not run"))
            .help("pass it with `--task-definition FILE`, pair them in ecslint.toml ([[pair]] service = …, task-definition = …), or lint it in the same run");
    }
}
