use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks `monitoring.metricConfigurations`: metric names `CPUUtilization` and
    /// `MemoryUtilization`, each named once, and a `resolutionSeconds` of 20 or 60.
    ///
    /// ## Why is this bad?
    /// These are the only service metrics whose resolution can be set, and 20 and 60
    /// seconds the only resolutions; the model's range (20–60) lets 30 through, which the
    /// API documents as invalid. A metric in two configurations has two resolutions.
    ///
    /// ## Example
    /// ```json
    /// { "monitoring": { "metricConfigurations": [{ "metricNames": ["CPUUtilization"], "resolutionSeconds": 30 }] } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "monitoring": { "metricConfigurations": [{ "metricNames": ["CPUUtilization"], "resolutionSeconds": 20 }] } }
    /// ```
    ///
    /// ## Fix
    /// Use `CPUUtilization` and `MemoryUtilization` at 20 or 60 seconds, each once.
    pub MonitoringMetricConfiguration {
        id: "monitoring-metric-configuration",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "MetricConfiguration.metricNames", quote: "The supported metric names are CPUUtilization and MemoryUtilization." },
            Source::BotocoreDoc { member: "MetricConfiguration.resolutionSeconds", quote: "The valid values are 20 and 60." },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-metricconfiguration.html", note: "MetricNames: unique items, CPUUtilization or MemoryUtilization; ResolutionSeconds: 20 or 60" },
        ],
    }
}

impl MonitoringMetricConfiguration {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(configs) = doc
            .service
            .and_then(|s| s.monitoring())
            .and_then(|m| m.metric_configurations())
        else {
            return;
        };
        let mut seen: Vec<Str<'a>> = Vec::new();
        for c in configs.values() {
            if let Some(r) = c
                .resolution_seconds()
                .filter(|r| !matches!(r.value(), 20 | 60))
            {
                out.report(
                    &Self::META,
                    r.range(),
                    format!(
                        "`resolutionSeconds` is {}: the valid values are 20 and 60",
                        r.value()
                    ),
                )
                .help("use 20 (high resolution) or 60 (the default)");
            }
            for name in c.metric_names().into_iter().flat_map(|l| l.values()) {
                let n = name.value();
                if !known(n) {
                    continue;
                }
                if !matches!(n, "CPUUtilization" | "MemoryUtilization") {
                    out.report(
                        &Self::META,
                        name.range(),
                        format!("`{n}` is not a metric whose resolution can be set"),
                    )
                    .help("use CPUUtilization or MemoryUtilization");
                    continue;
                }
                if let Some(first) = seen.iter().find(|s| s.value() == n) {
                    out.report(
                        &Self::META,
                        name.range(),
                        format!("`{n}` is already configured: a metric has one resolution"),
                    )
                    .help("name each metric in one configuration")
                    .related(first.range(), "first configured here");
                    continue;
                }
                seen.push(name);
            }
        }
    }
}
