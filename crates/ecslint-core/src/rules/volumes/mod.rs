//! Rules of the `volumes` area (see the module list in `rules/mod.rs`): volume definitions
//! (names, types, EFS, S3 Files, FSx for Windows File Server, Docker volumes, host
//! paths).

mod docker_volume_autoprovision_shared_only;
mod docker_volume_not_fargate;
mod docker_volume_windows_local_driver;
mod efs_access_point_requires_transit_encryption;
mod efs_access_point_root_directory;
mod efs_iam_requires_transit_encryption;
mod efs_iam_uses_task_role;
mod fsx_credentials_parameter_arn;
mod fsx_domain_fqdn;
pub(crate) mod helpers;
mod host_source_path_not_fargate;
mod s3files_access_point_root_directory;
mod s3files_arn_format;
mod s3files_not_on_ec2;
mod s3files_requires_task_role;
mod volume_name_format;
mod volume_name_required;
mod volume_name_unique;
mod volume_single_configured_at_launch;
mod volume_single_type;
mod volume_unused;

pub use docker_volume_autoprovision_shared_only::DockerVolumeAutoprovisionSharedOnly;
pub use docker_volume_not_fargate::DockerVolumeNotFargate;
pub use docker_volume_windows_local_driver::DockerVolumeWindowsLocalDriver;
pub use efs_access_point_requires_transit_encryption::EfsAccessPointRequiresTransitEncryption;
pub use efs_access_point_root_directory::EfsAccessPointRootDirectory;
pub use efs_iam_requires_transit_encryption::EfsIamRequiresTransitEncryption;
pub use efs_iam_uses_task_role::EfsIamUsesTaskRole;
pub use fsx_credentials_parameter_arn::FsxCredentialsParameterArn;
pub use fsx_domain_fqdn::FsxDomainFqdn;
pub use host_source_path_not_fargate::HostSourcePathNotFargate;
pub use s3files_access_point_root_directory::S3filesAccessPointRootDirectory;
pub use s3files_arn_format::S3filesArnFormat;
pub use s3files_not_on_ec2::S3filesNotOnEc2;
pub use s3files_requires_task_role::S3filesRequiresTaskRole;
pub use volume_name_format::VolumeNameFormat;
pub use volume_name_required::{VolumeNameRequiredConfiguredAtLaunch, VolumeNameRequiredEfs};
pub use volume_name_unique::VolumeNameUnique;
pub use volume_single_configured_at_launch::VolumeSingleConfiguredAtLaunch;
pub use volume_single_type::VolumeSingleType;
pub use volume_unused::VolumeUnused;

mod fsx_windows_only;
pub use fsx_windows_only::FsxWindowsOnly;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(&VolumeNameUnique::META, VolumeNameUnique::check),
    Rule::checked(&VolumeNameFormat::META, VolumeNameFormat::check),
    Rule::checked(&VolumeNameRequiredEfs::META, VolumeNameRequiredEfs::check),
    Rule::checked(
        &VolumeNameRequiredConfiguredAtLaunch::META,
        VolumeNameRequiredConfiguredAtLaunch::check,
    ),
    Rule::checked(&VolumeSingleType::META, VolumeSingleType::check),
    Rule::checked(
        &VolumeSingleConfiguredAtLaunch::META,
        VolumeSingleConfiguredAtLaunch::check,
    ),
    Rule::checked(
        &HostSourcePathNotFargate::META,
        HostSourcePathNotFargate::check,
    ),
    Rule::checked(&DockerVolumeNotFargate::META, DockerVolumeNotFargate::check),
    Rule::checked(
        &DockerVolumeAutoprovisionSharedOnly::META,
        DockerVolumeAutoprovisionSharedOnly::check,
    ),
    Rule::checked(
        &DockerVolumeWindowsLocalDriver::META,
        DockerVolumeWindowsLocalDriver::check,
    ),
    Rule::checked(
        &EfsIamRequiresTransitEncryption::META,
        EfsIamRequiresTransitEncryption::check,
    ),
    Rule::checked(
        &EfsAccessPointRequiresTransitEncryption::META,
        EfsAccessPointRequiresTransitEncryption::check,
    ),
    Rule::checked(
        &EfsAccessPointRootDirectory::META,
        EfsAccessPointRootDirectory::check,
    ),
    Rule::checked(&EfsIamUsesTaskRole::META, EfsIamUsesTaskRole::check),
    Rule::checked(
        &FsxCredentialsParameterArn::META,
        FsxCredentialsParameterArn::check,
    ),
    Rule::checked(&FsxDomainFqdn::META, FsxDomainFqdn::check),
    Rule::checked(&VolumeUnused::META, VolumeUnused::check),
    Rule::checked(&FsxWindowsOnly::META, FsxWindowsOnly::check),
    Rule::checked(&S3filesArnFormat::META, S3filesArnFormat::check),
    Rule::checked(
        &S3filesAccessPointRootDirectory::META,
        S3filesAccessPointRootDirectory::check,
    ),
    Rule::checked(
        &S3filesRequiresTaskRole::META,
        S3filesRequiresTaskRole::check,
    ),
    Rule::checked(&S3filesNotOnEc2::META, S3filesNotOnEc2::check),
];
