//! Rules of the `task` area (see the module list in `rules/mod.rs`): task-level fields
//! (family, cpu/memory format, roles, ipc/pid modes, placement, runtime platform, proxy
//! configuration, ephemeral storage, inference accelerators) and the launch-type notice.

pub(crate) mod helpers;

mod cpu_architecture_arm64_linux_only;
mod ephemeral_storage_fargate_only;
mod ephemeral_storage_size_range;
mod execution_role_arn;
mod family_format;
pub(crate) mod inference_accelerator_referenced;
pub(crate) mod ipc_host_no_ipc_sysctls;
mod ipc_mode_not_fargate;
mod ipc_task_sysctls_task_wide;
mod launch_type_unknown;
mod network_none_no_port_mappings;
mod pid_mode_fargate_task_only;
mod placement_constraints_max_10;
mod placement_constraints_not_fargate;
mod proxy_required_properties;
mod resource_requirement_gpu_count;
mod resource_requirement_inference_matches_device;
mod task_cpu_ec2_range;
mod task_cpu_format;
mod task_memory_format;
mod task_role_name_or_arn;
mod windows_task_level_resources_ignored;

pub use cpu_architecture_arm64_linux_only::CpuArchitectureArm64LinuxOnly;
pub use ephemeral_storage_fargate_only::EphemeralStorageFargateOnly;
pub use ephemeral_storage_size_range::EphemeralStorageSizeRange;
pub use execution_role_arn::ExecutionRoleArn;
pub use family_format::FamilyFormat;
pub use inference_accelerator_referenced::InferenceAcceleratorReferenced;
pub use ipc_host_no_ipc_sysctls::IpcHostNoIpcSysctls;
pub use ipc_mode_not_fargate::IpcModeNotFargate;
pub use ipc_task_sysctls_task_wide::IpcTaskSysctlsTaskWide;
pub use launch_type_unknown::LaunchTypeUnknown;
pub use network_none_no_port_mappings::NetworkNoneNoPortMappings;
pub use pid_mode_fargate_task_only::PidModeFargateTaskOnly;
pub use placement_constraints_max_10::PlacementConstraintsMax10;
pub use placement_constraints_not_fargate::PlacementConstraintsNotFargate;
pub use proxy_required_properties::ProxyRequiredProperties;
pub use resource_requirement_gpu_count::ResourceRequirementGpuCount;
pub use resource_requirement_inference_matches_device::ResourceRequirementInferenceMatchesDevice;
pub use task_cpu_ec2_range::TaskCpuEc2Range;
pub use task_cpu_format::TaskCpuFormat;
pub use task_memory_format::TaskMemoryFormat;
pub use task_role_name_or_arn::TaskRoleNameOrArn;
pub use windows_task_level_resources_ignored::WindowsTaskLevelResourcesIgnored;

mod task_definition_size_limit;
pub use task_definition_size_limit::TaskDefinitionSizeLimit;

mod proxy_configuration_requires_awsvpc;
pub use proxy_configuration_requires_awsvpc::ProxyConfigurationRequiresAwsvpc;

mod proxy_ignored_uid_matches_user;
pub use proxy_ignored_uid_matches_user::ProxyIgnoredUidMatchesUser;

mod app_mesh_discontinued;
pub use app_mesh_discontinued::AppMeshDiscontinued;

mod cluster_query_language;
mod placement_constraint_expression_cql;
pub use placement_constraint_expression_cql::PlacementConstraintExpressionCql;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&AppMeshDiscontinued::META, AppMeshDiscontinued::check),
    Rule::checked(&LaunchTypeUnknown::META, LaunchTypeUnknown::check),
    Rule::checked(&FamilyFormat::META, FamilyFormat::check),
    Rule::checked(&TaskCpuFormat::META, TaskCpuFormat::check),
    Rule::checked(&TaskMemoryFormat::META, TaskMemoryFormat::check),
    Rule::checked(&TaskCpuEc2Range::META, TaskCpuEc2Range::check),
    Rule::checked(
        &WindowsTaskLevelResourcesIgnored::META,
        WindowsTaskLevelResourcesIgnored::check,
    ),
    Rule::checked(&ExecutionRoleArn::META, ExecutionRoleArn::check),
    Rule::checked(&TaskRoleNameOrArn::META, TaskRoleNameOrArn::check),
    Rule::checked(&IpcModeNotFargate::META, IpcModeNotFargate::check),
    Rule::checked(&IpcHostNoIpcSysctls::META, IpcHostNoIpcSysctls::check),
    Rule::checked(&IpcTaskSysctlsTaskWide::META, IpcTaskSysctlsTaskWide::check),
    Rule::checked(&PidModeFargateTaskOnly::META, PidModeFargateTaskOnly::check),
    Rule::checked(
        &NetworkNoneNoPortMappings::META,
        NetworkNoneNoPortMappings::check,
    ),
    Rule::checked(
        &PlacementConstraintsMax10::META,
        PlacementConstraintsMax10::check,
    ),
    Rule::checked(
        &PlacementConstraintsNotFargate::META,
        PlacementConstraintsNotFargate::check,
    ),
    Rule::checked(
        &EphemeralStorageSizeRange::META,
        EphemeralStorageSizeRange::check,
    ),
    Rule::checked(
        &EphemeralStorageFargateOnly::META,
        EphemeralStorageFargateOnly::check,
    ),
    Rule::checked(
        &CpuArchitectureArm64LinuxOnly::META,
        CpuArchitectureArm64LinuxOnly::check,
    ),
    Rule::checked(
        &ProxyRequiredProperties::META,
        ProxyRequiredProperties::check,
    ),
    Rule::checked(
        &InferenceAcceleratorReferenced::META,
        InferenceAcceleratorReferenced::check,
    ),
    Rule::checked(
        &ResourceRequirementInferenceMatchesDevice::META,
        ResourceRequirementInferenceMatchesDevice::check,
    ),
    Rule::checked(
        &ResourceRequirementGpuCount::META,
        ResourceRequirementGpuCount::check,
    ),
    Rule::checked(
        &TaskDefinitionSizeLimit::META,
        TaskDefinitionSizeLimit::check,
    ),
    Rule::checked(
        &ProxyConfigurationRequiresAwsvpc::META,
        ProxyConfigurationRequiresAwsvpc::check,
    ),
    Rule::checked(
        &ProxyIgnoredUidMatchesUser::META,
        ProxyIgnoredUidMatchesUser::check,
    ),
    Rule::checked(
        &PlacementConstraintExpressionCql::META,
        PlacementConstraintExpressionCql::check,
    ),
];
