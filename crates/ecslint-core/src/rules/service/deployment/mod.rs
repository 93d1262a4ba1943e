//! Service deployment rules for what ECS added in 2025–2026: the `BLUE_GREEN`, `LINEAR` and
//! `CANARY` strategies with their bake times and steps, lifecycle hooks, the load balancer's
//! `advancedConfiguration`, Service Connect test traffic, and the circuit breaker's
//! threshold. Part of the `service` area (fixtures under `tests/specs/service/`).

pub(crate) mod helpers;

mod alternate_target_group_arn;
mod blue_green_bake_time_required;
mod circuit_breaker_settings_ignored_when_disabled;
mod deployment_bake_time_range;
mod deployment_configuration_strategy_mismatch;
mod deployment_role_arn;
mod deployment_strategy_requires_ecs_controller;
mod lifecycle_hook_stage_unreachable;
mod lifecycle_hook_stages;
mod lifecycle_hook_target;
mod listener_rule_arn_type;
mod load_balancer_advanced_configuration_required;
mod service_connect_test_traffic_needs_http;
mod traffic_shift_percent_range;
mod traffic_shift_settings_unused;
mod traffic_shift_strategy_needs_traffic;

pub use alternate_target_group_arn::AlternateTargetGroupArn;
pub use blue_green_bake_time_required::BlueGreenBakeTimeRequired;
pub use circuit_breaker_settings_ignored_when_disabled::CircuitBreakerSettingsIgnoredWhenDisabled;
pub use deployment_bake_time_range::DeploymentBakeTimeRange;
pub use deployment_configuration_strategy_mismatch::DeploymentConfigurationStrategyMismatch;
pub use deployment_role_arn::DeploymentRoleArn;
pub use deployment_strategy_requires_ecs_controller::DeploymentStrategyRequiresEcsController;
pub use lifecycle_hook_stage_unreachable::LifecycleHookStageUnreachable;
pub use lifecycle_hook_stages::LifecycleHookStages;
pub use lifecycle_hook_target::LifecycleHookTarget;
pub use listener_rule_arn_type::ListenerRuleArnType;
pub use load_balancer_advanced_configuration_required::LoadBalancerAdvancedConfigurationRequired;
pub use service_connect_test_traffic_needs_http::ServiceConnectTestTrafficNeedsHttp;
pub use traffic_shift_percent_range::TrafficShiftPercentRange;
pub use traffic_shift_settings_unused::TrafficShiftSettingsUnused;
pub use traffic_shift_strategy_needs_traffic::TrafficShiftStrategyNeedsTraffic;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &DeploymentStrategyRequiresEcsController::META,
        DeploymentStrategyRequiresEcsController::check,
    ),
    Rule::checked(
        &DeploymentConfigurationStrategyMismatch::META,
        DeploymentConfigurationStrategyMismatch::check,
    ),
    Rule::checked(
        &TrafficShiftPercentRange::META,
        TrafficShiftPercentRange::check,
    ),
    Rule::checked(
        &DeploymentBakeTimeRange::META,
        DeploymentBakeTimeRange::check,
    ),
    Rule::checked(
        &BlueGreenBakeTimeRequired::META,
        BlueGreenBakeTimeRequired::check,
    ),
    Rule::checked(
        &TrafficShiftStrategyNeedsTraffic::META,
        TrafficShiftStrategyNeedsTraffic::check,
    ),
    Rule::checked(
        &LoadBalancerAdvancedConfigurationRequired::META,
        LoadBalancerAdvancedConfigurationRequired::check,
    ),
    Rule::checked(
        &TrafficShiftSettingsUnused::META,
        TrafficShiftSettingsUnused::check,
    ),
    Rule::checked(
        &AlternateTargetGroupArn::META,
        AlternateTargetGroupArn::check,
    ),
    Rule::checked(&ListenerRuleArnType::META, ListenerRuleArnType::check),
    Rule::checked(&DeploymentRoleArn::META, DeploymentRoleArn::check),
    Rule::checked(&LifecycleHookTarget::META, LifecycleHookTarget::check),
    Rule::checked(&LifecycleHookStages::META, LifecycleHookStages::check),
    Rule::checked(
        &LifecycleHookStageUnreachable::META,
        LifecycleHookStageUnreachable::check,
    ),
    Rule::checked(
        &ServiceConnectTestTrafficNeedsHttp::META,
        ServiceConnectTestTrafficNeedsHttp::check,
    ),
    Rule::checked(
        &CircuitBreakerSettingsIgnoredWhenDisabled::META,
        CircuitBreakerSettingsIgnoredWhenDisabled::check,
    ),
];
