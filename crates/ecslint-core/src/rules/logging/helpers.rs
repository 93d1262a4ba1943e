//! Helpers of the `logging` area: the log drivers Fargate lacks, the awslogs options of a
//! container.

use crate::rules::prelude::*;

/// The values of the API's `LogDriver` enum that Fargate does not support: all but `awslogs`,
/// `splunk` and `awsfirelens` ("For tasks on AWS Fargate, the supported log drivers are
/// awslogs, splunk, and awsfirelens", API reference, LogConfiguration). Read by the container
/// and the Service Connect rules, and compared with cfn-lint's Fargate log-driver enum by
/// `scripts/check-upstream`.
pub(crate) const EC2_ONLY_LOG_DRIVERS: &[&str] =
    &["json-file", "syslog", "journald", "gelf", "fluentd"];

/// The `logConfiguration` of a container when its driver is `awslogs`, with its `options` map
/// (`None` when the options are missing or not an object).
pub(crate) fn awslogs<'a>(
    container: ContainerDefinition<'a>,
) -> Option<(LogConfiguration<'a>, Option<Map<'a, Str<'a>>>)> {
    let config = container.log_configuration()?;
    if config.log_driver()?.value() != "awslogs" {
        return None;
    }
    Some((config, config.options()))
}

/// Where a missing awslogs option of container `index` belongs, as a JSON pointer that names
/// a member of an object that exists (the convention of `missing-required-field`): the option
/// in `options`, or `options` itself when the configuration has none.
pub(crate) fn option_pointer(
    doc: &Document<'_>,
    index: usize,
    options: Option<Map<'_, Str<'_>>>,
    option: &str,
) -> String {
    let container = crate::rules::networking::helpers::container_pointer(doc, index);
    match options {
        Some(_) => {
            let mut pointer = format!("{container}/logConfiguration/options");
            crate::json::push_pointer_segment(&mut pointer, option);
            pointer
        }
        None => format!("{container}/logConfiguration/options"),
    }
}

/// Where a missing option is reported: the `options` key, else the `logDriver` value.
pub(crate) fn anchor(config: LogConfiguration<'_>) -> TextRange {
    match config.member("options") {
        Some(m) => m.key.range,
        None => config
            .log_driver()
            .map_or_else(|| opening(config.range()), |d| d.range()),
    }
}
