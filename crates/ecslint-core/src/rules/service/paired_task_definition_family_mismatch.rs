use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a service whose `taskDefinition` names another family than the task
    /// definition it is checked against (given with `--task-definition` or paired in
    /// `ecslint.toml`).
    ///
    /// ## Why is this bad?
    /// CreateService runs the task definition that `taskDefinition` names. When the paired
    /// file is another family, either the reference or the pairing is wrong, and the
    /// cross-checks (load balancer containers and ports, network mode) compare the service
    /// with a task definition it does not run.
    ///
    /// ## Example
    /// A service with `"taskDefinition": "web:3"` checked with
    /// `--task-definition worker/taskdef.json`, whose `family` is `worker`.
    ///
    /// Use instead: `"taskDefinition": "worker"`, or pair the service with the `web` task
    /// definition.
    ///
    /// ## Fix
    /// Correct `taskDefinition`, or pair the service with the task definition it runs.
    pub PairedTaskDefinitionFamilyMismatch {
        id: "paired-task-definition-family-mismatch",
        category: Category::Suspicious,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html", note: "taskDefinition: the family and revision (family:revision) or full ARN of the task definition to run in your service" },
        ],
    }
}

impl PairedTaskDefinitionFamilyMismatch {
    /// The service runs another family than the paired task definition's: the reference,
    /// the family it names, and the paired family.
    fn mismatch<'a>(doc: &Document<'a>) -> Option<(Str<'a>, &'a str, Str<'a>)> {
        // ecspresso registers the task definition and sets `taskDefinition` itself.
        if doc.ecspresso {
            return None;
        }
        let (service, paired) = (doc.service?, doc.paired.as_ref()?);
        let reference = service.task_definition()?;
        let family = paired.task_definition.family()?;
        let runs = crate::pair::reference_family(reference.value())?;
        (!is_placeholder(family.value()) && runs != family.value())
            .then_some((reference, runs, family))
    }

    /// Whether the service is paired with a task definition of another family.
    pub(crate) fn applies(doc: &Document<'_>) -> bool {
        Self::mismatch(doc).is_some()
    }

    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let (Some((reference, runs, family)), Some(paired)) = (Self::mismatch(doc), &doc.paired)
        else {
            return;
        };
        let d = out
            .report(
                &Self::META,
                reference.range(),
                format!(
                    "the service runs the task definition family `{runs}`, but it is checked against `{}` ({})",
                    family.value(),
                    paired.path
                ),
            )
            .help(format!(
                "if the service should run `{}`, set \"taskDefinition\": \"{}\"; otherwise pair it with the `{runs}` task definition",
                family.value(),
                family.value()
            ));
        related_td(
            d,
            paired,
            family.range(),
            "the paired task definition's family",
        );
    }
}
