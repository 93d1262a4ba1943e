//! Rules for task definitions that run on AWS Fargate (`requiresCompatibilities` contains
//! `FARGATE`, or `ecslint.toml` assumes it).

pub(crate) mod helpers;

mod fargate_8_16_vcpu_linux_pv_1_4;
mod fargate_cpu_memory_combination;
mod fargate_requires_awsvpc;
mod fargate_task_cpu_required;
mod fargate_task_memory_required;
mod fargate_windows_min_1_vcpu;

pub use fargate_8_16_vcpu_linux_pv_1_4::Fargate816VcpuLinuxPv14;
pub use fargate_cpu_memory_combination::FargateCpuMemoryCombination;
pub use fargate_requires_awsvpc::FargateRequiresAwsvpc;
pub use fargate_task_cpu_required::FargateTaskCpuRequired;
pub use fargate_task_memory_required::FargateTaskMemoryRequired;
pub use fargate_windows_min_1_vcpu::FargateWindowsMin1Vcpu;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&FargateRequiresAwsvpc::META, FargateRequiresAwsvpc::check),
    Rule::checked(&FargateTaskCpuRequired::META, FargateTaskCpuRequired::check),
    Rule::checked(
        &FargateTaskMemoryRequired::META,
        FargateTaskMemoryRequired::check,
    ),
    Rule::checked(
        &FargateCpuMemoryCombination::META,
        FargateCpuMemoryCombination::check,
    ),
    Rule::checked(&FargateWindowsMin1Vcpu::META, FargateWindowsMin1Vcpu::check),
    Rule::checked(
        &Fargate816VcpuLinuxPv14::META,
        Fargate816VcpuLinuxPv14::check,
    ),
];
