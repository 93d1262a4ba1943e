//! Shared by the service rules: where to report, the paired task definition, and what a
//! service says about where it runs (see `facts::ServiceFacts`).

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Paired};
use crate::model::{ContainerDefinition, CreateServiceRequest, PortMapping, View};
use crate::rules::edits::opening;
use crate::template::is_placeholder;
use crate::text::TextRange;

/// The key range of the service's member `key`, else the opening brace.
pub(crate) fn key_or_root(service: CreateServiceRequest<'_>, key: &str) -> TextRange {
    service
        .member(key)
        .map_or_else(|| opening(service.range()), |m| m.key.range)
}

/// A value that says something: not empty and not a template placeholder.
pub(crate) fn known(s: &str) -> bool {
    !s.is_empty() && !is_placeholder(s)
}

/// Why the service runs on Fargate, for messages.
pub(crate) fn fargate_reason(doc: &Document<'_>) -> String {
    let facts = &doc.service_facts;
    match facts.launch_type.as_deref() {
        Some("FARGATE") => "the service runs on Fargate (`launchType` FARGATE)".to_owned(),
        _ => {
            let providers: Vec<&str> = facts
                .capacity_providers
                .iter()
                .map(String::as_str)
                .filter(|p| crate::facts::is_fargate_provider(p))
                .collect();
            format!(
                "the service runs on Fargate (capacity provider {})",
                providers.join(", ")
            )
        }
    }
}

/// Adds a secondary location in the task definition.
pub(crate) fn related_td(
    d: &mut Diagnostic,
    paired: &Paired<'_>,
    range: TextRange,
    message: impl Into<String>,
) {
    d.related.push(paired.related(range, message));
}

/// A secondary location at the task definition's `key` (or its opening brace).
pub(crate) fn related_td_key(
    d: &mut Diagnostic,
    paired: &Paired<'_>,
    key: &str,
    message: impl Into<String>,
) {
    let range = paired
        .task_definition
        .member(key)
        .map_or_else(|| opening(paired.task_definition.range()), |m| m.key.range);
    related_td(d, paired, range, message);
}

/// The port mappings of a container.
pub(crate) fn port_mappings<'a>(
    c: ContainerDefinition<'a>,
) -> impl Iterator<Item = PortMapping<'a>> + 'a {
    c.port_mappings().into_iter().flat_map(|l| l.values())
}

/// Whether a container maps `port` (as a `containerPort`, or inside a `containerPortRange`).
pub(crate) fn maps_port(c: ContainerDefinition<'_>, port: i32) -> bool {
    // A mapping known only when deployed may map it.
    let unknown = c.get("portMappings").is_some_and(|l| {
        l.is_unknown()
            || l.as_array().is_some_and(|items| {
                items.iter().any(|m| {
                    m.is_unknown()
                        || ["containerPort", "containerPortRange"]
                            .iter()
                            .any(|k| m.get(k).is_some_and(|v| v.is_unknown()))
                })
            })
    });
    unknown
        || port_mappings(c).any(|m| {
            m.container_port().is_some_and(|p| p.value() == port)
                || m.container_port_range()
                    .is_some_and(|r| in_range(r.value(), port))
        })
}

fn in_range(range: &str, port: i32) -> bool {
    let Some((lo, hi)) = range.split_once('-') else {
        return false;
    };
    match (lo.trim().parse::<i32>(), hi.trim().parse::<i32>()) {
        (Ok(lo), Ok(hi)) => (lo..=hi).contains(&port),
        _ => false,
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    crate::rules::task::helpers::and_list(items)
}

/// Container names of the paired task definition, for messages (`` `web`, `proxy` ``).
pub(crate) fn container_names(paired: &Paired<'_>) -> String {
    let names: Vec<String> = paired
        .containers()
        .filter_map(|(_, c)| c.name())
        .map(|n| format!("`{}`", n.value()))
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// The `(type, field)` of each placement strategy that has both (placeholders left out).
pub(crate) fn strategy_fields<'a>(doc: &Document<'a>) -> Vec<(&'a str, crate::model::Str<'a>)> {
    doc.service
        .and_then(|s| s.placement_strategy())
        .into_iter()
        .flat_map(|l| l.values())
        .filter_map(|s| Some((s.r#type()?.value(), s.field()?)))
        .filter(|(_, f)| known(f.value()))
        .collect()
}

/// The `managedEBSVolume` of each `volumeConfigurations` entry.
pub(crate) fn managed_ebs_volumes<'a>(
    doc: &Document<'a>,
) -> Vec<crate::model::ServiceManagedEBSVolumeConfiguration<'a>> {
    doc.service
        .and_then(|s| s.volume_configurations())
        .into_iter()
        .flat_map(|l| l.values())
        .filter_map(|v| v.managed_ebs_volume())
        .collect()
}

/// The `volumeType` of an EBS volume configuration, when written (not a placeholder).
pub(crate) fn ebs_volume_type<'a>(
    v: crate::model::ServiceManagedEBSVolumeConfiguration<'a>,
) -> Option<crate::model::Str<'a>> {
    v.volume_type().filter(|t| known(t.value()))
}

/// The `serviceConnectConfiguration.services` entries.
pub(crate) fn service_connect_services<'a>(
    doc: &Document<'a>,
) -> Vec<crate::model::ServiceConnectService<'a>> {
    doc.service
        .and_then(|s| s.service_connect_configuration())
        .and_then(|c| c.services())
        .into_iter()
        .flat_map(|l| l.values())
        .collect()
}

/// The port mapping of the paired task definition named `name`, with its container.
pub(crate) fn named_port_mapping<'a>(
    paired: &Paired<'a>,
    name: &str,
) -> Option<(ContainerDefinition<'a>, PortMapping<'a>)> {
    paired.containers().find_map(|(_, c)| {
        port_mappings(c)
            .find(|m| m.name().is_some_and(|n| n.value() == name))
            .map(|m| (c, m))
    })
}

/// The Service Connect services whose `portName` names a port mapping of the paired task
/// definition that has no `appProtocol` (so Service Connect treats it as TCP): the service
/// entry, its `portName` and the mapping.
pub(crate) fn tcp_service_connect_ports<'a>(
    doc: &Document<'a>,
    paired: &Paired<'a>,
) -> Vec<(
    crate::model::ServiceConnectService<'a>,
    crate::model::Str<'a>,
    PortMapping<'a>,
)> {
    service_connect_services(doc)
        .into_iter()
        .filter_map(|s| {
            let name = s.port_name().filter(|n| known(n.value()))?;
            let (_, mapping) = named_port_mapping(paired, name.value())?;
            mapping
                .get("appProtocol")
                .is_none()
                .then_some((s, name, mapping))
        })
        .collect()
}

/// A name of lowercase letters, digits, `_` and `-` (and `.` when `dots`), not starting with
/// a hyphen, of at most `max` characters: what is wrong with it, if anything.
pub(crate) fn name_problem(s: &str, max: usize, dots: bool) -> Option<&'static str> {
    let ok = |b: u8| {
        b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || b == b'_'
            || b == b'-'
            || (dots && b == b'.')
    };
    if s.is_empty() {
        Some("is empty")
    } else if s.chars().count() > max {
        Some(if max == 64 {
            "is longer than 64 characters"
        } else {
            "is longer than 127 characters"
        })
    } else if s.starts_with('-') {
        Some("starts with a hyphen")
    } else if !s.bytes().all(ok) {
        Some(if dots {
            "may hold only lowercase letters, digits, `_`, `-` and `.`"
        } else {
            "may hold only lowercase letters, digits, `_` and `-`"
        })
    } else {
        None
    }
}

/// `s` lowercased, with characters outside the name alphabet turned into `-`, leading
/// hyphens dropped, cut to `max` characters.
pub(crate) fn name_suggestion(s: &str, max: usize, dots: bool) -> String {
    s.to_ascii_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' || (dots && c == '.') {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_start_matches('-')
        .chars()
        .take(max)
        .collect()
}

/// The EBS volume types (`volumeType`), as CreateVolume spells them.
pub(crate) const EBS_VOLUME_TYPES: &[&str] =
    &["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"];

/// Volume types of EC2's `VolumeType` enum (botocore's EC2 model, 2026) that ECS's
/// documentation does not list. `volumeType` "maps 1:1 with the VolumeType parameter of the
/// CreateVolume API", so ECS may take them: a warning, not an error.
pub(crate) const EC2_ONLY_EBS_VOLUME_TYPES: &[&str] = &["gp3a", "io2a"];

/// Sizes (GiB) by volume type, as EC2 takes them today (gp3 and io2 up to 64 TiB; the API
/// reference of 2024 says 16 TiB).
pub(crate) fn ebs_size_range(volume_type: &str) -> Option<(i32, i32)> {
    Some(match volume_type {
        "gp2" => (1, 16_384),
        "gp3" => (1, 65_536),
        "io1" => (4, 16_384),
        "io2" => (4, 65_536),
        "st1" | "sc1" => (125, 16_384),
        "standard" => (1, 1_024),
        _ => return None,
    })
}

/// Provisioned IOPS by volume type (gp3 up to 80,000 since 2025; 16,000 in the 2024 API
/// reference).
pub(crate) fn ebs_iops_range(volume_type: &str) -> Option<(i32, i32)> {
    Some(match volume_type {
        "gp3" => (3_000, 80_000),
        "io1" => (100, 64_000),
        "io2" => (100, 256_000),
        _ => return None,
    })
}

/// `1,234,567` → `"1,234,567"`.
pub(crate) fn thousands(n: i32) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}
