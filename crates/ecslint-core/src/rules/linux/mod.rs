//! Rules of the `linux` area (see the module list in `rules/mod.rs`).

mod capabilities;
mod capabilities_fargate_add_sys_ptrace_only;
mod capabilities_valid_names;
mod devices_not_fargate;
mod docker_security_options_not_fargate;
mod docker_security_options_values;
pub(crate) mod helpers;
mod max_swap_not_fargate;
mod privileged_not_fargate;
mod shared_memory_size_not_fargate;
mod swappiness_not_fargate;
mod swappiness_range;
mod swappiness_requires_max_swap;
mod tmpfs_options;
mod ulimit_soft_limit_exceeds_hard;

pub use capabilities_fargate_add_sys_ptrace_only::CapabilitiesFargateAddSysPtraceOnly;
pub use capabilities_valid_names::CapabilitiesValidNames;
pub use devices_not_fargate::DevicesNotFargate;
pub use docker_security_options_not_fargate::DockerSecurityOptionsNotFargate;
pub use docker_security_options_values::DockerSecurityOptionsValues;
pub use max_swap_not_fargate::MaxSwapNotFargate;
pub use privileged_not_fargate::PrivilegedNotFargate;
pub use shared_memory_size_not_fargate::SharedMemorySizeNotFargate;
pub use swappiness_not_fargate::SwappinessNotFargate;
pub use swappiness_range::SwappinessRange;
pub use swappiness_requires_max_swap::SwappinessRequiresMaxSwap;
pub use tmpfs_options::TmpfsOptions;
pub use ulimit_soft_limit_exceeds_hard::UlimitSoftLimitExceedsHard;

mod max_swap_requires_memory;
pub use max_swap_requires_memory::MaxSwapRequiresMemory;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&PrivilegedNotFargate::META, PrivilegedNotFargate::check),
    Rule::checked(&DevicesNotFargate::META, DevicesNotFargate::check),
    Rule::checked(&MaxSwapNotFargate::META, MaxSwapNotFargate::check),
    Rule::checked(&SwappinessNotFargate::META, SwappinessNotFargate::check),
    Rule::checked(
        &SharedMemorySizeNotFargate::META,
        SharedMemorySizeNotFargate::check,
    ),
    Rule::checked(
        &DockerSecurityOptionsNotFargate::META,
        DockerSecurityOptionsNotFargate::check,
    ),
    Rule::checked(
        &CapabilitiesFargateAddSysPtraceOnly::META,
        CapabilitiesFargateAddSysPtraceOnly::check,
    ),
    Rule::checked(&CapabilitiesValidNames::META, CapabilitiesValidNames::check),
    Rule::checked(&SwappinessRange::META, SwappinessRange::check),
    Rule::checked(
        &SwappinessRequiresMaxSwap::META,
        SwappinessRequiresMaxSwap::check,
    ),
    Rule::checked(&TmpfsOptions::META, TmpfsOptions::check),
    Rule::checked(
        &DockerSecurityOptionsValues::META,
        DockerSecurityOptionsValues::check,
    ),
    Rule::checked(
        &UlimitSoftLimitExceedsHard::META,
        UlimitSoftLimitExceedsHard::check,
    ),
    Rule::checked(&MaxSwapRequiresMemory::META, MaxSwapRequiresMemory::check),
];
