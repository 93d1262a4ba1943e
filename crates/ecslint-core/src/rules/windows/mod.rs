//! Rules of the `windows` area (see the module list in `rules/mod.rs`).

mod disable_networking_not_windows;
mod dns_search_domains_not_windows;
mod dns_servers_not_windows;
mod extra_hosts_not_windows;
pub(crate) mod helpers;
mod ipc_mode_not_windows;
mod links_not_windows;
mod linux_parameters_not_windows;
mod pid_mode_not_windows;
mod privileged_not_windows;
mod readonly_root_fs_not_windows;
mod system_controls_not_windows;
mod ulimits_not_windows;
mod user_not_windows;

pub use disable_networking_not_windows::DisableNetworkingNotWindows;
pub use dns_search_domains_not_windows::DnsSearchDomainsNotWindows;
pub use dns_servers_not_windows::DnsServersNotWindows;
pub use extra_hosts_not_windows::ExtraHostsNotWindows;
pub use ipc_mode_not_windows::IpcModeNotWindows;
pub use links_not_windows::LinksNotWindows;
pub use linux_parameters_not_windows::LinuxParametersNotWindows;
pub use pid_mode_not_windows::PidModeNotWindows;
pub use privileged_not_windows::PrivilegedNotWindows;
pub use readonly_root_fs_not_windows::ReadonlyRootFsNotWindows;
pub use system_controls_not_windows::SystemControlsNotWindows;
pub use ulimits_not_windows::UlimitsNotWindows;
pub use user_not_windows::UserNotWindows;

use crate::rule::Rule;

pub(crate) static RULES: &[Rule] = &[
    Rule::checked(
        &DisableNetworkingNotWindows::META,
        DisableNetworkingNotWindows::check,
    ),
    Rule::checked(
        &DnsSearchDomainsNotWindows::META,
        DnsSearchDomainsNotWindows::check,
    ),
    Rule::checked(&DnsServersNotWindows::META, DnsServersNotWindows::check),
    Rule::checked(&ExtraHostsNotWindows::META, ExtraHostsNotWindows::check),
    Rule::checked(&IpcModeNotWindows::META, IpcModeNotWindows::check),
    Rule::checked(&LinksNotWindows::META, LinksNotWindows::check),
    Rule::checked(
        &LinuxParametersNotWindows::META,
        LinuxParametersNotWindows::check,
    ),
    Rule::checked(&PidModeNotWindows::META, PidModeNotWindows::check),
    Rule::checked(&PrivilegedNotWindows::META, PrivilegedNotWindows::check),
    Rule::checked(
        &ReadonlyRootFsNotWindows::META,
        ReadonlyRootFsNotWindows::check,
    ),
    Rule::checked(
        &SystemControlsNotWindows::META,
        SystemControlsNotWindows::check,
    ),
    Rule::checked(&UlimitsNotWindows::META, UlimitsNotWindows::check),
    Rule::checked(&UserNotWindows::META, UserNotWindows::check),
];
