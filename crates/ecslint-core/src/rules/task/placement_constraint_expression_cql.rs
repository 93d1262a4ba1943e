use crate::rules::prelude::*;
use crate::rules::task::cluster_query_language::problem;

declare_rule! {
    /// ## What it does
    /// Checks the syntax of a placement constraint `expression` (task definition or service):
    /// cluster query language terms `subject operator [value]`, where the subject is
    /// `attribute:NAME`, `ec2InstanceId`, `task:group`, `agentConnected`, `agentVersion`,
    /// `registeredAt` or `runningTasksCount`, joined by `and` / `or`, negated with `not`.
    ///
    /// ## Why is this bad?
    /// An expression the scheduler cannot read is no constraint: the task or service is
    /// refused, or no instance ever matches. The API reference does not say when it is
    /// rejected, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// { "placementConstraints": [{ "type": "memberOf", "expression": "instance-type == t3.large" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == t3.large" }] }
    /// ```
    ///
    /// ## Fix
    /// Write the expression as the Cluster query language page of the ECS Developer Guide
    /// shows.
    pub PlacementConstraintExpressionCql {
        id: "placement-constraint-expression-cql",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (24131, 24131), quote: "A cluster query language expression to apply to the constraint." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html", note: "Expressions have the following syntax: subject operator [argument]; the subjects and their operators." },
        ],
    }
}

impl PlacementConstraintExpressionCql {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let task = doc
            .task_definition
            .and_then(|t| t.placement_constraints())
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|c| c.expression());
        let service = doc
            .service
            .and_then(|s| s.placement_constraints())
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|c| c.expression());
        for expression in task.chain(service) {
            let text = expression.value();
            // An empty expression is how distinctInstance is often written; other rules
            // decide about it.
            if text.trim().is_empty() || is_placeholder(text) {
                continue;
            }
            if let Some(problem) = problem(text) {
                out.report(
                    &Self::META,
                    expression.range(),
                    format!("`expression` is not a cluster query language expression: {problem}"),
                )
                .help("write terms as `subject operator value`, e.g. \"attribute:ecs.instance-type =~ t3.*\", joined with `and` / `or`");
            }
        }
    }
}
