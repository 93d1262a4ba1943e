//! Rules of the `resources` area (see the module list in `rules/mod.rs`): container cpu and
//! memory against each other and against the task's.

pub(crate) mod helpers;

mod container_cpu_below_2_linux;
mod container_cpu_sum_within_task_cpu;
mod container_cpu_windows_absolute;
mod container_memory_gt_reservation;
mod container_memory_minimum;
mod container_memory_required_without_task_memory;
mod container_memory_sum_within_task_memory;

pub use container_cpu_below_2_linux::ContainerCpuBelow2Linux;
pub use container_cpu_sum_within_task_cpu::ContainerCpuSumWithinTaskCpu;
pub use container_cpu_windows_absolute::ContainerCpuWindowsAbsolute;
pub use container_memory_gt_reservation::ContainerMemoryGtReservation;
pub use container_memory_minimum::ContainerMemoryMinimum;
pub use container_memory_required_without_task_memory::ContainerMemoryRequiredWithoutTaskMemory;
pub use container_memory_sum_within_task_memory::ContainerMemorySumWithinTaskMemory;

mod gpu_not_fargate;
pub use gpu_not_fargate::GpuNotFargate;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &ContainerMemoryRequiredWithoutTaskMemory::META,
        ContainerMemoryRequiredWithoutTaskMemory::check,
    ),
    Rule::checked(
        &ContainerMemoryGtReservation::META,
        ContainerMemoryGtReservation::check,
    ),
    Rule::checked(
        &ContainerMemorySumWithinTaskMemory::META,
        ContainerMemorySumWithinTaskMemory::check,
    ),
    Rule::checked(&ContainerMemoryMinimum::META, ContainerMemoryMinimum::check),
    Rule::checked(
        &ContainerCpuSumWithinTaskCpu::META,
        ContainerCpuSumWithinTaskCpu::check,
    ),
    Rule::checked(
        &ContainerCpuBelow2Linux::META,
        ContainerCpuBelow2Linux::check,
    ),
    Rule::checked(
        &ContainerCpuWindowsAbsolute::META,
        ContainerCpuWindowsAbsolute::check,
    ),
    Rule::checked(&GpuNotFargate::META, GpuNotFargate::check),
];
