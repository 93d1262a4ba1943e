//! Rules of the `references` area (see the module list in `rules/mod.rs`): every name that
//! points at another container or a volume must resolve, and dependencies must not loop.

mod depends_on_complete_success_not_essential;
mod depends_on_cycle;
mod depends_on_healthy_requires_health_check;
mod depends_on_target_exists;
mod firelens_configuration_unused;
mod firelens_container_exists;
pub(crate) mod helpers;
mod links_cycle;
mod links_target_exists;
mod mount_point_source_volume_exists;
mod proxy_container_exists;
mod volumes_from_source_exists;

pub use depends_on_complete_success_not_essential::DependsOnCompleteSuccessNotEssential;
pub use depends_on_cycle::DependsOnCycle;
pub use depends_on_healthy_requires_health_check::DependsOnHealthyRequiresHealthCheck;
pub use depends_on_target_exists::DependsOnTargetExists;
pub use firelens_configuration_unused::FirelensConfigurationUnused;
pub use firelens_container_exists::FirelensContainerExists;
pub use links_cycle::LinksCycle;
pub use links_target_exists::LinksTargetExists;
pub use mount_point_source_volume_exists::MountPointSourceVolumeExists;
pub use proxy_container_exists::ProxyContainerExists;
pub use volumes_from_source_exists::VolumesFromSourceExists;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &MountPointSourceVolumeExists::META,
        MountPointSourceVolumeExists::check,
    ),
    Rule::checked(&LinksTargetExists::META, LinksTargetExists::check),
    Rule::checked(&DependsOnTargetExists::META, DependsOnTargetExists::check),
    Rule::checked(
        &VolumesFromSourceExists::META,
        VolumesFromSourceExists::check,
    ),
    Rule::checked(&ProxyContainerExists::META, ProxyContainerExists::check),
    Rule::checked(
        &FirelensContainerExists::META,
        FirelensContainerExists::check,
    ),
    Rule::checked(
        &FirelensConfigurationUnused::META,
        FirelensConfigurationUnused::check,
    ),
    Rule::checked(
        &DependsOnCompleteSuccessNotEssential::META,
        DependsOnCompleteSuccessNotEssential::check,
    ),
    Rule::checked(
        &DependsOnHealthyRequiresHealthCheck::META,
        DependsOnHealthyRequiresHealthCheck::check,
    ),
    Rule::checked(&DependsOnCycle::META, DependsOnCycle::check),
    Rule::checked(&LinksCycle::META, LinksCycle::check),
];
