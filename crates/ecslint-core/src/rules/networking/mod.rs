//! Rules of the `networking` area (see the module list in `rules/mod.rs`).

mod container_port_range_bounds;
mod container_port_range_usage;
mod extra_hosts_not_awsvpc;
pub(crate) mod helpers;
mod hostname_not_awsvpc;
mod links_bridge_only;
mod port_mapping_awsvpc_host_host_port;
mod port_mapping_name_format;
mod port_mapping_no_multi_protocol;

pub use container_port_range_bounds::ContainerPortRangeBounds;
pub use container_port_range_usage::{
    ContainerPortRangeNetworkMode, ContainerPortRangeNoHostPort, ContainerPortRangeOverlap,
};
pub use extra_hosts_not_awsvpc::ExtraHostsNotAwsvpc;
pub use hostname_not_awsvpc::HostnameNotAwsvpc;
pub use links_bridge_only::LinksBridgeOnly;
pub use port_mapping_awsvpc_host_host_port::PortMappingAwsvpcHostHostPort;
pub use port_mapping_name_format::PortMappingNameFormat;
pub use port_mapping_no_multi_protocol::PortMappingNoMultiProtocol;

mod container_port_and_range_exclusive;
pub use container_port_and_range_exclusive::ContainerPortAndRangeExclusive;

mod system_controls;
pub use system_controls::{SystemControlsAllowedNamespaces, SystemControlsHostNetworkNoNet};

mod host_entry_ip_address;
pub use host_entry_ip_address::HostEntryIpAddress;

mod host_port_ephemeral_range;
mod host_port_reserved;
mod host_ports;
mod static_host_port_one_task_per_instance;
mod system_controls_awsvpc_task_wide;
pub use host_port_ephemeral_range::HostPortEphemeralRange;
pub use host_port_reserved::HostPortReserved;
pub use static_host_port_one_task_per_instance::StaticHostPortOneTaskPerInstance;
pub use system_controls_awsvpc_task_wide::SystemControlsAwsvpcTaskWide;

mod port_number_range;
pub use port_number_range::PortNumberRange;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &PortMappingAwsvpcHostHostPort::META,
        PortMappingAwsvpcHostHostPort::check,
    ),
    Rule::checked(&LinksBridgeOnly::META, LinksBridgeOnly::check),
    Rule::checked(&HostnameNotAwsvpc::META, HostnameNotAwsvpc::check),
    Rule::checked(&ExtraHostsNotAwsvpc::META, ExtraHostsNotAwsvpc::check),
    Rule::checked(
        &PortMappingNoMultiProtocol::META,
        PortMappingNoMultiProtocol::check,
    ),
    Rule::checked(&PortMappingNameFormat::META, PortMappingNameFormat::check),
    Rule::checked(
        &ContainerPortRangeBounds::META,
        ContainerPortRangeBounds::check,
    ),
    Rule::checked(
        &ContainerPortRangeNetworkMode::META,
        ContainerPortRangeNetworkMode::check,
    ),
    Rule::checked(
        &ContainerPortRangeNoHostPort::META,
        ContainerPortRangeNoHostPort::check,
    ),
    Rule::checked(
        &ContainerPortRangeOverlap::META,
        ContainerPortRangeOverlap::check,
    ),
    Rule::checked(
        &ContainerPortAndRangeExclusive::META,
        ContainerPortAndRangeExclusive::check,
    ),
    Rule::checked(
        &SystemControlsAllowedNamespaces::META,
        SystemControlsAllowedNamespaces::check,
    ),
    Rule::checked(
        &SystemControlsHostNetworkNoNet::META,
        SystemControlsHostNetworkNoNet::check,
    ),
    Rule::checked(&HostEntryIpAddress::META, HostEntryIpAddress::check),
    Rule::checked(
        &StaticHostPortOneTaskPerInstance::META,
        StaticHostPortOneTaskPerInstance::check,
    ),
    Rule::checked(&HostPortReserved::META, HostPortReserved::check),
    Rule::checked(&HostPortEphemeralRange::META, HostPortEphemeralRange::check),
    Rule::checked(
        &SystemControlsAwsvpcTaskWide::META,
        SystemControlsAwsvpcTaskWide::check,
    ),
    Rule::checked(&PortNumberRange::META, PortNumberRange::check),
];
