use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `extraHosts` entry whose `ipAddress` is not an IPv4 or IPv6 address.
    ///
    /// ## Why is this bad?
    /// The entry becomes a line of the container's `/etc/hosts`; Docker refuses a host entry
    /// that is not an IP address ("invalid IP address in add-host"), so the container fails
    /// to start. A warning: the API reference only says it is the IP address to use.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "example/app:1", "memory": 256,
    ///    "extraHosts": [{ "hostname": "db", "ipAddress": "db.internal" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "example/app:1", "memory": 256,
    ///    "extraHosts": [{ "hostname": "db", "ipAddress": "10.0.1.20" }] }]
    /// ```
    ///
    /// ## Fix
    /// Use the address itself; for a name, use DNS (`dnsServers`, a private hosted zone).
    pub HostEntryIpAddress {
        id: "host-entry-ip-address",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (20981, 20981), quote: "The IP address to use in the /etc/hosts entry." }],
    }
}

impl HostEntryIpAddress {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(hosts) = c.extra_hosts() else {
                continue;
            };
            for (_, h) in hosts.iter() {
                let Some(ip) = h.ip_address() else { continue };
                let s = ip.value();
                if is_placeholder(s) || s.parse::<std::net::IpAddr>().is_ok() {
                    continue;
                }
                out.report(
                    &Self::META,
                    ip.range(),
                    format!(
                        "the extraHosts ipAddress \"{s}\" of {} is not an IP address",
                        container_label(i, c)
                    ),
                )
                .help("write an IPv4 or IPv6 address, such as 10.0.1.20");
            }
        }
    }
}
