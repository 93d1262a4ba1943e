//! Rules of the `security` area (see the module list in `rules/mod.rs`): privileged
//! containers, host namespaces, plaintext secrets, roles, encryption and image pinning.
//! All are advice (`info`).

mod efs_transit_encryption_disabled;
mod environment_no_plaintext_secrets;
mod execution_role_as_task_role;
mod host_namespace_security;
mod host_network_non_root;
mod image_tag_latest;
mod privileged_container;
mod readonly_root_filesystem;

pub use efs_transit_encryption_disabled::EfsTransitEncryptionDisabled;
pub use environment_no_plaintext_secrets::EnvironmentNoPlaintextSecrets;
pub use execution_role_as_task_role::ExecutionRoleAsTaskRole;
pub use host_namespace_security::{IpcHostSecurity, PidHostSecurity};
pub use host_network_non_root::HostNetworkNonRoot;
pub use image_tag_latest::ImageTagLatest;
pub use privileged_container::PrivilegedContainer;
pub use readonly_root_filesystem::ReadonlyRootFilesystem;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &EnvironmentNoPlaintextSecrets::META,
        EnvironmentNoPlaintextSecrets::check,
    ),
    Rule::checked(&PrivilegedContainer::META, PrivilegedContainer::check),
    Rule::checked(&PidHostSecurity::META, PidHostSecurity::check),
    Rule::checked(&IpcHostSecurity::META, IpcHostSecurity::check),
    Rule::checked(&HostNetworkNonRoot::META, HostNetworkNonRoot::check),
    Rule::checked(&ReadonlyRootFilesystem::META, ReadonlyRootFilesystem::check),
    Rule::checked(
        &EfsTransitEncryptionDisabled::META,
        EfsTransitEncryptionDisabled::check,
    ),
    Rule::checked(
        &ExecutionRoleAsTaskRole::META,
        ExecutionRoleAsTaskRole::check,
    ),
    Rule::checked(&ImageTagLatest::META, ImageTagLatest::check),
];
