//! Rules of the `health` area (see the module list in `rules/mod.rs`).

mod health_check_command_prefix;
mod health_check_interval_range;
mod health_check_retries_range;
mod health_check_start_period_range;
mod health_check_timeout_range;
pub(crate) mod helpers;
mod start_timeout_range;
mod stop_timeout_range;

pub use health_check_command_prefix::HealthCheckCommandPrefix;
pub use health_check_interval_range::HealthCheckIntervalRange;
pub use health_check_retries_range::HealthCheckRetriesRange;
pub use health_check_start_period_range::HealthCheckStartPeriodRange;
pub use health_check_timeout_range::HealthCheckTimeoutRange;
pub use start_timeout_range::StartTimeoutRange;
pub use stop_timeout_range::StopTimeoutRange;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &HealthCheckIntervalRange::META,
        HealthCheckIntervalRange::check,
    ),
    Rule::checked(
        &HealthCheckTimeoutRange::META,
        HealthCheckTimeoutRange::check,
    ),
    Rule::checked(
        &HealthCheckRetriesRange::META,
        HealthCheckRetriesRange::check,
    ),
    Rule::checked(
        &HealthCheckStartPeriodRange::META,
        HealthCheckStartPeriodRange::check,
    ),
    Rule::checked(
        &HealthCheckCommandPrefix::META,
        HealthCheckCommandPrefix::check,
    ),
    Rule::checked(&StopTimeoutRange::META, StopTimeoutRange::check),
    Rule::checked(&StartTimeoutRange::META, StartTimeoutRange::check),
];
