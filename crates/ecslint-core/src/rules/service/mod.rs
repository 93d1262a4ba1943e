//! Rules of the `service` area (see the module list in `rules/mod.rs`): CreateService input on
//! its own (launch type or capacity providers, scheduling, deployments, load balancers,
//! networking, placement, Service Connect, service registries), and checked against the task
//! definition it runs when the host pairs one (`Document::paired`, see `crate::pair`).

pub(crate) mod deployment;
pub(crate) mod helpers;

mod alarms_ecs_only;
mod assign_public_ip_fargate_only;
mod awsvpc_default_security_group;
mod awsvpc_id_format;
mod awsvpc_security_groups_max_5;
mod awsvpc_subnets_max_16;
mod awsvpc_subnets_required;
mod capacity_provider_fargate_not_mixed;
mod capacity_provider_nonzero_weight;
mod capacity_provider_single_base;
mod capacity_provider_strategy_max_6;
mod capacity_provider_zero_weight_unused;
mod circuit_breaker_ecs_only;
mod client_alias_dns_name_format;
mod client_token_format;
mod client_token_not_reused;
mod codedeploy_requires_alb_or_nlb;
mod codedeploy_single_target_group;
mod daemon_desired_count_unneeded;
mod daemon_no_placement_strategy;
mod daemon_no_volume_configurations;
mod daemon_not_on_fargate;
mod daemon_not_with_codedeploy_or_external;
mod deployment_cannot_progress;
mod desired_count_non_negative;
mod desired_count_required_replica;
mod discovery_name_format;
mod ebs_iops_not_for_hdd;
mod ebs_iops_range_by_type;
mod ebs_iops_required_for_io;
mod ebs_kms_key_format;
mod ebs_size_or_snapshot;
mod ebs_size_range_by_type;
mod ebs_standard_not_on_fargate;
mod ebs_tags_reserved_keys;
mod ebs_throughput_gp3_only;
mod ebs_throughput_range;
mod ebs_volume_initialization_rate;
mod ebs_volume_type_enum;
mod elastic_inference_deprecated;
mod external_controller_no_task_set_params;
mod health_check_grace_only_with_load_balancer;
mod idle_timeout_below_per_request_timeout;
mod launch_type_xor_capacity_provider_strategy;
mod load_balancer_alb_nlb_shape;
mod load_balancer_awsvpc_no_classic;
mod load_balancer_clb_no_container_health_check;
mod load_balancer_clb_shape;
mod load_balancer_container_name_in_task_definition;
mod load_balancer_container_port_in_task_definition;
mod managed_tags_need_propagate_tags;
mod monitoring_metric_configuration;
mod network_configuration_only_for_awsvpc;
mod network_configuration_required_for_awsvpc;
mod per_request_timeout_not_tcp;
mod percents_ignored_codedeploy_external_fargate;
mod placement_constraint_distinct_instance_no_expression;
mod placement_constraint_expression_max_2000;
mod placement_constraints_not_on_fargate;
mod placement_strategy_binpack_field;
mod placement_strategy_max_5;
mod placement_strategy_not_on_fargate;
mod placement_strategy_random_no_field;
mod placement_strategy_spread_field;
mod platform_version_fargate_only;
mod platform_version_retired;
mod platform_version_supports_task_definition;
mod role_not_when_service_linked_role_required;
mod role_not_with_awsvpc;
mod role_requires_load_balancer;
mod service_connect_access_log_needs_log_configuration;
mod service_connect_client_alias_min_1;
mod service_connect_client_aliases_max_1;
mod service_connect_log_driver_fargate;
mod service_connect_port_name_format;
mod service_connect_port_name_in_task_definition;
mod service_connect_set_app_protocol;
mod service_name_format;
mod service_name_required;
mod service_registries_max_1;
mod service_registry_awsvpc_srv_either_or;
mod service_registry_bridge_host_needs_container;
mod service_registry_container_in_task_definition;
mod service_registry_container_pair;
mod service_task_definition_not_found;
mod task_definition_launch_type_compatible;
mod task_definition_pin_revision;
mod task_definition_reference_format;
mod task_definition_required_ecs_codedeploy;
mod volume_configuration_name_matches_task_definition;

pub use alarms_ecs_only::AlarmsEcsOnly;
pub use assign_public_ip_fargate_only::AssignPublicIpFargateOnly;
pub use awsvpc_default_security_group::AwsvpcDefaultSecurityGroup;
pub use awsvpc_id_format::AwsvpcIdFormat;
pub use awsvpc_security_groups_max_5::AwsvpcSecurityGroupsMax5;
pub use awsvpc_subnets_max_16::AwsvpcSubnetsMax16;
pub use awsvpc_subnets_required::AwsvpcSubnetsRequired;
pub use capacity_provider_fargate_not_mixed::CapacityProviderFargateNotMixed;
pub use capacity_provider_nonzero_weight::CapacityProviderNonzeroWeight;
pub use capacity_provider_single_base::CapacityProviderSingleBase;
pub use capacity_provider_strategy_max_6::CapacityProviderStrategyMax6;
pub use capacity_provider_zero_weight_unused::CapacityProviderZeroWeightUnused;
pub use circuit_breaker_ecs_only::CircuitBreakerEcsOnly;
pub use client_alias_dns_name_format::ClientAliasDnsNameFormat;
pub use client_token_format::ClientTokenFormat;
pub use client_token_not_reused::ClientTokenNotReused;
pub use codedeploy_requires_alb_or_nlb::CodedeployRequiresAlbOrNlb;
pub use codedeploy_single_target_group::CodedeploySingleTargetGroup;
pub use daemon_desired_count_unneeded::DaemonDesiredCountUnneeded;
pub use daemon_no_placement_strategy::DaemonNoPlacementStrategy;
pub use daemon_no_volume_configurations::DaemonNoVolumeConfigurations;
pub use daemon_not_on_fargate::DaemonNotOnFargate;
pub use daemon_not_with_codedeploy_or_external::DaemonNotWithCodedeployOrExternal;
pub use deployment_cannot_progress::DeploymentCannotProgress;
pub use desired_count_non_negative::DesiredCountNonNegative;
pub use desired_count_required_replica::DesiredCountRequiredReplica;
pub use discovery_name_format::DiscoveryNameFormat;
pub use ebs_iops_not_for_hdd::EbsIopsNotForHdd;
pub use ebs_iops_range_by_type::EbsIopsRangeByType;
pub use ebs_iops_required_for_io::EbsIopsRequiredForIo;
pub use ebs_kms_key_format::EbsKmsKeyFormat;
pub use ebs_size_or_snapshot::EbsSizeOrSnapshot;
pub use ebs_size_range_by_type::EbsSizeRangeByType;
pub use ebs_standard_not_on_fargate::EbsStandardNotOnFargate;
pub use ebs_tags_reserved_keys::EbsTagsReservedKeys;
pub use ebs_throughput_gp3_only::EbsThroughputGp3Only;
pub use ebs_throughput_range::EbsThroughputRange;
pub use ebs_volume_initialization_rate::EbsVolumeInitializationRate;
pub use ebs_volume_type_enum::EbsVolumeTypeEnum;
pub use elastic_inference_deprecated::ElasticInferenceDeprecated;
pub use external_controller_no_task_set_params::ExternalControllerNoTaskSetParams;
pub use health_check_grace_only_with_load_balancer::HealthCheckGraceOnlyWithLoadBalancer;
pub use idle_timeout_below_per_request_timeout::IdleTimeoutBelowPerRequestTimeout;
pub use launch_type_xor_capacity_provider_strategy::LaunchTypeXorCapacityProviderStrategy;
pub use load_balancer_alb_nlb_shape::LoadBalancerAlbNlbShape;
pub use load_balancer_awsvpc_no_classic::LoadBalancerAwsvpcNoClassic;
pub use load_balancer_clb_no_container_health_check::LoadBalancerClbNoContainerHealthCheck;
pub use load_balancer_clb_shape::LoadBalancerClbShape;
pub use load_balancer_container_name_in_task_definition::LoadBalancerContainerNameInTaskDefinition;
pub use load_balancer_container_port_in_task_definition::LoadBalancerContainerPortInTaskDefinition;
pub use managed_tags_need_propagate_tags::ManagedTagsNeedPropagateTags;
pub use monitoring_metric_configuration::MonitoringMetricConfiguration;
pub use network_configuration_only_for_awsvpc::NetworkConfigurationOnlyForAwsvpc;
pub use network_configuration_required_for_awsvpc::NetworkConfigurationRequiredForAwsvpc;
pub use per_request_timeout_not_tcp::PerRequestTimeoutNotTcp;
pub use percents_ignored_codedeploy_external_fargate::PercentsIgnoredCodedeployExternalFargate;
pub use placement_constraint_distinct_instance_no_expression::PlacementConstraintDistinctInstanceNoExpression;
pub use placement_constraint_expression_max_2000::PlacementConstraintExpressionMax2000;
pub use placement_constraints_not_on_fargate::PlacementConstraintsNotOnFargate;
pub use placement_strategy_binpack_field::PlacementStrategyBinpackField;
pub use placement_strategy_max_5::PlacementStrategyMax5;
pub use placement_strategy_not_on_fargate::PlacementStrategyNotOnFargate;
pub use placement_strategy_random_no_field::PlacementStrategyRandomNoField;
pub use placement_strategy_spread_field::PlacementStrategySpreadField;
pub use platform_version_fargate_only::PlatformVersionFargateOnly;
pub use platform_version_retired::PlatformVersionRetired;
pub use platform_version_supports_task_definition::PlatformVersionSupportsTaskDefinition;
pub use role_not_when_service_linked_role_required::RoleNotWhenServiceLinkedRoleRequired;
pub use role_not_with_awsvpc::RoleNotWithAwsvpc;
pub use role_requires_load_balancer::RoleRequiresLoadBalancer;
pub use service_connect_access_log_needs_log_configuration::ServiceConnectAccessLogNeedsLogConfiguration;
pub use service_connect_client_alias_min_1::ServiceConnectClientAliasMin1;
pub use service_connect_client_aliases_max_1::ServiceConnectClientAliasesMax1;
pub use service_connect_log_driver_fargate::ServiceConnectLogDriverFargate;
pub use service_connect_port_name_format::ServiceConnectPortNameFormat;
pub use service_connect_port_name_in_task_definition::ServiceConnectPortNameInTaskDefinition;
pub use service_connect_set_app_protocol::ServiceConnectSetAppProtocol;
pub use service_name_format::ServiceNameFormat;
pub use service_name_required::ServiceNameRequired;
pub use service_registries_max_1::ServiceRegistriesMax1;
pub use service_registry_awsvpc_srv_either_or::ServiceRegistryAwsvpcSrvEitherOr;
pub use service_registry_bridge_host_needs_container::ServiceRegistryBridgeHostNeedsContainer;
pub use service_registry_container_in_task_definition::ServiceRegistryContainerInTaskDefinition;
pub use service_registry_container_pair::ServiceRegistryContainerPair;
pub use service_task_definition_not_found::ServiceTaskDefinitionNotFound;
pub use task_definition_launch_type_compatible::TaskDefinitionLaunchTypeCompatible;
pub use task_definition_pin_revision::TaskDefinitionPinRevision;
pub use task_definition_reference_format::TaskDefinitionReferenceFormat;
pub use task_definition_required_ecs_codedeploy::TaskDefinitionRequiredEcsCodedeploy;
pub use volume_configuration_name_matches_task_definition::VolumeConfigurationNameMatchesTaskDefinition;

mod paired_task_definition_family_mismatch;
pub use paired_task_definition_family_mismatch::PairedTaskDefinitionFamilyMismatch;

use crate::rule::Rule;

/// Service rules that report something a CreateService input lacks. An UpdateService input
/// leaves out what it does not change (the service keeps its network configuration, desired
/// count, task definition…), so these do not apply to one.
pub(crate) const CREATE_ONLY: &[&str] = &[
    "service-name-required",
    "desired-count-required-replica",
    "task-definition-required-ecs-codedeploy",
    "network-configuration-required-for-awsvpc",
    "health-check-grace-only-with-load-balancer",
    "managed-tags-need-propagate-tags",
    "deployment-cannot-progress",
    "role-requires-load-balancer",
];

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &ServiceTaskDefinitionNotFound::META,
        ServiceTaskDefinitionNotFound::check,
    ),
    Rule::checked(
        &NetworkConfigurationRequiredForAwsvpc::META,
        NetworkConfigurationRequiredForAwsvpc::check,
    ),
    Rule::checked(
        &NetworkConfigurationOnlyForAwsvpc::META,
        NetworkConfigurationOnlyForAwsvpc::check,
    ),
    Rule::checked(&RoleNotWithAwsvpc::META, RoleNotWithAwsvpc::check),
    Rule::checked(
        &LoadBalancerContainerNameInTaskDefinition::META,
        LoadBalancerContainerNameInTaskDefinition::check,
    ),
    Rule::checked(
        &LoadBalancerContainerPortInTaskDefinition::META,
        LoadBalancerContainerPortInTaskDefinition::check,
    ),
    Rule::checked(
        &ServiceConnectPortNameInTaskDefinition::META,
        ServiceConnectPortNameInTaskDefinition::check,
    ),
    Rule::checked(
        &ServiceRegistryContainerInTaskDefinition::META,
        ServiceRegistryContainerInTaskDefinition::check,
    ),
    Rule::checked(
        &ServiceRegistryBridgeHostNeedsContainer::META,
        ServiceRegistryBridgeHostNeedsContainer::check,
    ),
    Rule::checked(
        &ServiceRegistryAwsvpcSrvEitherOr::META,
        ServiceRegistryAwsvpcSrvEitherOr::check,
    ),
    Rule::checked(
        &LoadBalancerAwsvpcNoClassic::META,
        LoadBalancerAwsvpcNoClassic::check,
    ),
    Rule::checked(
        &VolumeConfigurationNameMatchesTaskDefinition::META,
        VolumeConfigurationNameMatchesTaskDefinition::check,
    ),
    Rule::checked(
        &TaskDefinitionLaunchTypeCompatible::META,
        TaskDefinitionLaunchTypeCompatible::check,
    ),
    Rule::checked(
        &LaunchTypeXorCapacityProviderStrategy::META,
        LaunchTypeXorCapacityProviderStrategy::check,
    ),
    Rule::checked(&DaemonNotOnFargate::META, DaemonNotOnFargate::check),
    Rule::checked(
        &DaemonNotWithCodedeployOrExternal::META,
        DaemonNotWithCodedeployOrExternal::check,
    ),
    Rule::checked(
        &DaemonNoVolumeConfigurations::META,
        DaemonNoVolumeConfigurations::check,
    ),
    Rule::checked(
        &DaemonNoPlacementStrategy::META,
        DaemonNoPlacementStrategy::check,
    ),
    Rule::checked(
        &DaemonDesiredCountUnneeded::META,
        DaemonDesiredCountUnneeded::check,
    ),
    Rule::checked(
        &PlacementConstraintsNotOnFargate::META,
        PlacementConstraintsNotOnFargate::check,
    ),
    Rule::checked(
        &PlacementStrategyNotOnFargate::META,
        PlacementStrategyNotOnFargate::check,
    ),
    Rule::checked(&PlatformVersionRetired::META, PlatformVersionRetired::check),
    Rule::checked(
        &PlatformVersionFargateOnly::META,
        PlatformVersionFargateOnly::check,
    ),
    Rule::checked(
        &CapacityProviderStrategyMax6::META,
        CapacityProviderStrategyMax6::check,
    ),
    Rule::checked(
        &CapacityProviderSingleBase::META,
        CapacityProviderSingleBase::check,
    ),
    Rule::checked(
        &CapacityProviderNonzeroWeight::META,
        CapacityProviderNonzeroWeight::check,
    ),
    Rule::checked(
        &CapacityProviderZeroWeightUnused::META,
        CapacityProviderZeroWeightUnused::check,
    ),
    Rule::checked(
        &CapacityProviderFargateNotMixed::META,
        CapacityProviderFargateNotMixed::check,
    ),
    Rule::checked(&CircuitBreakerEcsOnly::META, CircuitBreakerEcsOnly::check),
    Rule::checked(&AlarmsEcsOnly::META, AlarmsEcsOnly::check),
    Rule::checked(
        &DeploymentCannotProgress::META,
        DeploymentCannotProgress::check,
    ),
    Rule::checked(
        &PercentsIgnoredCodedeployExternalFargate::META,
        PercentsIgnoredCodedeployExternalFargate::check,
    ),
    Rule::checked(
        &LoadBalancerAlbNlbShape::META,
        LoadBalancerAlbNlbShape::check,
    ),
    Rule::checked(&LoadBalancerClbShape::META, LoadBalancerClbShape::check),
    Rule::checked(
        &CodedeployRequiresAlbOrNlb::META,
        CodedeployRequiresAlbOrNlb::check,
    ),
    Rule::checked(
        &CodedeploySingleTargetGroup::META,
        CodedeploySingleTargetGroup::check,
    ),
    Rule::checked(
        &RoleRequiresLoadBalancer::META,
        RoleRequiresLoadBalancer::check,
    ),
    Rule::checked(&AwsvpcSubnetsMax16::META, AwsvpcSubnetsMax16::check),
    Rule::checked(
        &AwsvpcSecurityGroupsMax5::META,
        AwsvpcSecurityGroupsMax5::check,
    ),
    Rule::checked(&AwsvpcIdFormat::META, AwsvpcIdFormat::check),
    Rule::checked(&AwsvpcSubnetsRequired::META, AwsvpcSubnetsRequired::check),
    Rule::checked(
        &AssignPublicIpFargateOnly::META,
        AssignPublicIpFargateOnly::check,
    ),
    Rule::checked(
        &AwsvpcDefaultSecurityGroup::META,
        AwsvpcDefaultSecurityGroup::check,
    ),
    Rule::checked(&ServiceNameFormat::META, ServiceNameFormat::check),
    Rule::checked(&ServiceNameRequired::META, ServiceNameRequired::check),
    Rule::checked(&ClientTokenFormat::META, ClientTokenFormat::check),
    Rule::checked(&ClientTokenNotReused::META, ClientTokenNotReused::check),
    Rule::checked(
        &TaskDefinitionRequiredEcsCodedeploy::META,
        TaskDefinitionRequiredEcsCodedeploy::check,
    ),
    Rule::checked(
        &TaskDefinitionReferenceFormat::META,
        TaskDefinitionReferenceFormat::check,
    ),
    Rule::checked(
        &TaskDefinitionPinRevision::META,
        TaskDefinitionPinRevision::check,
    ),
    Rule::checked(
        &DesiredCountRequiredReplica::META,
        DesiredCountRequiredReplica::check,
    ),
    Rule::checked(&ServiceRegistriesMax1::META, ServiceRegistriesMax1::check),
    Rule::checked(
        &ServiceRegistryContainerPair::META,
        ServiceRegistryContainerPair::check,
    ),
    Rule::checked(
        &PlacementConstraintExpressionMax2000::META,
        PlacementConstraintExpressionMax2000::check,
    ),
    Rule::checked(
        &PlacementConstraintDistinctInstanceNoExpression::META,
        PlacementConstraintDistinctInstanceNoExpression::check,
    ),
    Rule::checked(&PlacementStrategyMax5::META, PlacementStrategyMax5::check),
    Rule::checked(
        &PlacementStrategyBinpackField::META,
        PlacementStrategyBinpackField::check,
    ),
    Rule::checked(
        &PlacementStrategySpreadField::META,
        PlacementStrategySpreadField::check,
    ),
    Rule::checked(
        &PlacementStrategyRandomNoField::META,
        PlacementStrategyRandomNoField::check,
    ),
    Rule::checked(
        &ServiceConnectPortNameFormat::META,
        ServiceConnectPortNameFormat::check,
    ),
    Rule::checked(
        &ServiceConnectClientAliasesMax1::META,
        ServiceConnectClientAliasesMax1::check,
    ),
    Rule::checked(
        &ServiceConnectClientAliasMin1::META,
        ServiceConnectClientAliasMin1::check,
    ),
    Rule::checked(
        &ClientAliasDnsNameFormat::META,
        ClientAliasDnsNameFormat::check,
    ),
    Rule::checked(&DiscoveryNameFormat::META, DiscoveryNameFormat::check),
    Rule::checked(
        &PerRequestTimeoutNotTcp::META,
        PerRequestTimeoutNotTcp::check,
    ),
    Rule::checked(
        &IdleTimeoutBelowPerRequestTimeout::META,
        IdleTimeoutBelowPerRequestTimeout::check,
    ),
    Rule::checked(
        &ServiceConnectSetAppProtocol::META,
        ServiceConnectSetAppProtocol::check,
    ),
    Rule::checked(
        &ServiceConnectLogDriverFargate::META,
        ServiceConnectLogDriverFargate::check,
    ),
    Rule::checked(&EbsSizeOrSnapshot::META, EbsSizeOrSnapshot::check),
    Rule::checked(&EbsSizeRangeByType::META, EbsSizeRangeByType::check),
    Rule::checked(&EbsIopsRangeByType::META, EbsIopsRangeByType::check),
    Rule::checked(&EbsIopsRequiredForIo::META, EbsIopsRequiredForIo::check),
    Rule::checked(&EbsIopsNotForHdd::META, EbsIopsNotForHdd::check),
    Rule::checked(&EbsThroughputGp3Only::META, EbsThroughputGp3Only::check),
    Rule::checked(&EbsThroughputRange::META, EbsThroughputRange::check),
    Rule::checked(&EbsVolumeTypeEnum::META, EbsVolumeTypeEnum::check),
    Rule::checked(
        &EbsStandardNotOnFargate::META,
        EbsStandardNotOnFargate::check,
    ),
    Rule::checked(&EbsKmsKeyFormat::META, EbsKmsKeyFormat::check),
    Rule::checked(&EbsTagsReservedKeys::META, EbsTagsReservedKeys::check),
    Rule::checked(
        &HealthCheckGraceOnlyWithLoadBalancer::META,
        HealthCheckGraceOnlyWithLoadBalancer::check,
    ),
    Rule::checked(
        &RoleNotWhenServiceLinkedRoleRequired::META,
        RoleNotWhenServiceLinkedRoleRequired::check,
    ),
    Rule::checked(
        &PlatformVersionSupportsTaskDefinition::META,
        PlatformVersionSupportsTaskDefinition::check,
    ),
    Rule::checked(
        &ManagedTagsNeedPropagateTags::META,
        ManagedTagsNeedPropagateTags::check,
    ),
    Rule::checked(
        &ElasticInferenceDeprecated::META,
        ElasticInferenceDeprecated::check,
    ),
    Rule::checked(
        &LoadBalancerClbNoContainerHealthCheck::META,
        LoadBalancerClbNoContainerHealthCheck::check,
    ),
    Rule::checked(
        &ExternalControllerNoTaskSetParams::META,
        ExternalControllerNoTaskSetParams::check,
    ),
    Rule::checked(
        &DesiredCountNonNegative::META,
        DesiredCountNonNegative::check,
    ),
    Rule::checked(
        &PairedTaskDefinitionFamilyMismatch::META,
        PairedTaskDefinitionFamilyMismatch::check,
    ),
    Rule::checked(
        &EbsVolumeInitializationRate::META,
        EbsVolumeInitializationRate::check,
    ),
    Rule::checked(
        &ServiceConnectAccessLogNeedsLogConfiguration::META,
        ServiceConnectAccessLogNeedsLogConfiguration::check,
    ),
    Rule::checked(
        &MonitoringMetricConfiguration::META,
        MonitoringMetricConfiguration::check,
    ),
];
