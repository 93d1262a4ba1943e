//! The rules about where `containerPortRange` may be used (network mode, `hostPort`, count).

use crate::rules::networking::helpers::{
    container_label, containers, network_mode, network_mode_origin, parse_port_range,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `containerPortRange` in a task whose network mode is `host` or `none`.
    ///
    /// ## Why is this bad?
    /// Port ranges need the `bridge` or `awsvpc` network mode. The rejection is stated as a
    /// requirement but its error is not quoted, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "media", "networkMode": "host", "containerDefinitions": [{ "name": "media",
    ///   "image": "example/media:2", "memory": 256, "portMappings": [{ "containerPortRange": "9000-9100" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "media", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "media",
    ///   "image": "example/media:2", "memory": 256, "portMappings": [{ "containerPortRange": "9000-9100" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use `bridge` or `awsvpc`, or list the ports one by one.
    pub ContainerPortRangeNetworkMode {
        id: "container-port-range-network-mode",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::ApiReference { lines: (21970, 21972), quote: "You must use either the bridge network mode or the awsvpc network mode." }],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a port mapping with both `containerPortRange` and `hostPort`.
    ///
    /// ## Why is this bad?
    /// With a range, ECS picks the host ports (the same range in `awsvpc`, ephemeral ports in
    /// `bridge`); the API reference says to leave `hostPort` empty. Not proven to be rejected:
    /// a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100", "hostPort": 9000 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Remove `hostPort` (safe).
    pub ContainerPortRangeNoHostPort {
        id: "container-port-range-no-host-port",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[Source::ApiReference { lines: (21999, 21999), quote: "If you specify a containerPortRange, leave this field empty" }],
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a container with more than 100 port ranges, or whose port mappings include the
    /// same port twice (two overlapping ranges, or a port inside a range mapped again).
    ///
    /// Covers: container-port-range-max-100, container-port-range-no-overlap
    ///
    /// ## Why is this bad?
    /// The API reference allows at most 100 ranges per container and each port in only one
    /// mapping. Not proven to be rejected: a warning.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }, { "containerPort": 9050 }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Merge or split the ranges so that each port is mapped once.
    pub ContainerPortRangeOverlap {
        id: "container-port-range-overlap",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21975, 21975), quote: "You can specify a maximum of 100 port ranges per container." },
            Source::ApiReference { lines: (21980, 21981), quote: "A port can only be included in one port mapping per container." },
        ],
    }
}

impl ContainerPortRangeNetworkMode {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode @ ("host" | "none")) = network_mode(doc) else {
            return;
        };
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let Some(range) = m.container_port_range() else {
                    continue;
                };
                let d = out
                    .report(&Self::META, range.range(), format!("{} uses a containerPortRange in `{mode}` network mode", container_label(i, c)))
                    .help("port ranges need the bridge or awsvpc network mode: change networkMode, or map the ports one by one");
                if let Some((at, why)) = network_mode_origin(doc) {
                    d.related(at, why);
                }
            }
        }
    }
}

impl ContainerPortRangeNoHostPort {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let (Some(_), Some(host)) = (m.container_port_range(), m.member("hostPort")) else {
                    continue;
                };
                let members = m.node().as_object().unwrap_or_default();
                out.report(&Self::META, host.key.range, format!("{} sets hostPort beside a containerPortRange", container_label(i, c)))
                    .help("leave hostPort out: with a range ECS picks the host ports (the same range in awsvpc, ephemeral ports in bridge)")
                    .fix(Fix::safe("remove hostPort", vec![remove_member(members, host)]));
            }
        }
    }
}

impl ContainerPortRangeOverlap {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            let mut spans: Vec<(u32, u32, TextRange)> = Vec::new();
            let mut ranges = 0;
            for (_, m) in mappings.iter() {
                let span = if let Some(r) = m.container_port_range() {
                    ranges += 1;
                    match parse_port_range(r.value()) {
                        Ok((a, b)) if a < b => (a, b, r.range()),
                        _ => continue,
                    }
                } else if let Some(p) = m.container_port() {
                    let Ok(p) = u32::try_from(p.value()) else {
                        continue;
                    };
                    (p, p, m.container_port().map_or(m.range(), |v| v.range()))
                } else {
                    continue;
                };
                spans.push(span);
            }
            let bounds: Vec<(u32, u32)> = spans.iter().map(|s| (s.0, s.1)).collect();
            for (span, other) in spans.iter().zip(first_overlaps(&bounds)) {
                let Some(other) = other.map(|o| spans[o]) else {
                    continue;
                };
                let (lo, hi) = (span.0.max(other.0), span.1.min(other.1));
                let ports = if lo == hi {
                    format!("port {lo}")
                } else {
                    format!("ports {lo}–{hi}")
                };
                out.report(&Self::META, span.2, format!("{} maps {ports} more than once", container_label(i, c)))
                    .help("a port can be in only one port mapping per container: merge or split the ranges")
                    .related(other.2, "already mapped here");
            }
            if ranges > 100 {
                let at = c
                    .member("portMappings")
                    .map_or(opening(c.range()), |m| m.key.range);
                out.report(
                    &Self::META,
                    at,
                    format!(
                        "{} has {ranges} port ranges; the limit is 100 per container",
                        container_label(i, c)
                    ),
                )
                .help("merge adjacent ranges");
            }
        }
    }
}

/// For each span of ports (`(first, last)`, a single port when they are equal), the index of
/// the first earlier span it overlaps. Two single ports are left out: the same port mapped
/// twice is `port-mapping-no-multi-protocol`'s business.
fn first_overlaps(spans: &[(u32, u32)]) -> Vec<Option<usize>> {
    if spans.len() <= 32 {
        first_overlaps_pairwise(spans)
    } else {
        first_overlaps_indexed(spans)
    }
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 <= b.1 && b.0 <= a.1 && (a.0 != a.1 || b.0 != b.1)
}

/// Each span against every earlier one: for the usual handful.
fn first_overlaps_pairwise(spans: &[(u32, u32)]) -> Vec<Option<usize>> {
    spans
        .iter()
        .enumerate()
        .map(|(i, &s)| spans[..i].iter().position(|&o| overlap(o, s)))
        .collect()
}

/// The same in O(n log n) for long lists: over the spans' ends (sorted, deduplicated),
/// `ranges` holds at each end the first range that covers it, `singles` the first single
/// port there; each end is given a range once (`next_free` skips the ends that have one).
fn first_overlaps_indexed(spans: &[(u32, u32)]) -> Vec<Option<usize>> {
    let mut ends: Vec<u32> = spans.iter().flat_map(|&(a, b)| [a, b]).collect();
    ends.sort_unstable();
    ends.dedup();
    let at = |x: u32| ends.binary_search(&x).unwrap_or_default();
    let mut ranges = MinTree::new(ends.len());
    let mut singles = MinTree::new(ends.len());
    let mut next_free: Vec<usize> = (0..=ends.len()).collect();
    let mut out = Vec::with_capacity(spans.len());
    for (i, &(first, last)) in spans.iter().enumerate() {
        let (a, b) = (at(first), at(last));
        let found = if first == last {
            ranges.get(a)
        } else {
            ranges.min(a, b).min(singles.min(a, b))
        };
        out.push((found != usize::MAX).then_some(found));
        if first == last {
            singles.set_once(a, i);
        } else {
            let mut x = free_from(&mut next_free, a);
            while x <= b {
                ranges.set_once(x, i);
                next_free[x] = x + 1;
                x = free_from(&mut next_free, x + 1);
            }
        }
    }
    out
}

/// The first end at or after `x` that has no range yet (`next_free` is a union-find forest
/// with path halving).
fn free_from(next_free: &mut [usize], mut x: usize) -> usize {
    while next_free[x] != x {
        next_free[x] = next_free[next_free[x]];
        x = next_free[x];
    }
    x
}

/// Minimums over ranges of a list whose values are each set once (a segment tree).
struct MinTree {
    size: usize,
    tree: Vec<usize>,
}

impl MinTree {
    fn new(len: usize) -> Self {
        let size = len.next_power_of_two().max(1);
        MinTree {
            size,
            tree: vec![usize::MAX; 2 * size],
        }
    }

    fn get(&self, at: usize) -> usize {
        self.tree[self.size + at]
    }

    fn set_once(&mut self, at: usize, value: usize) {
        let mut i = self.size + at;
        if self.tree[i] != usize::MAX {
            return;
        }
        while i > 0 && self.tree[i] > value {
            self.tree[i] = value;
            i /= 2;
        }
    }

    /// The minimum over `from..=to`.
    fn min(&self, from: usize, to: usize) -> usize {
        let (mut l, mut r) = (from + self.size, to + self.size + 1);
        let mut best = usize::MAX;
        while l < r {
            if l % 2 == 1 {
                best = best.min(self.tree[l]);
                l += 1;
            }
            if r % 2 == 1 {
                r -= 1;
                best = best.min(self.tree[r]);
            }
            l /= 2;
            r /= 2;
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::{first_overlaps_indexed, first_overlaps_pairwise};

    #[test]
    fn the_indexed_search_finds_what_the_pairwise_one_does() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            u32::try_from(state % n).unwrap_or(0)
        };
        for round in 0..300 {
            let len = 1 + round % 120;
            let width = [20, 200, 70_000][round % 3];
            let spans: Vec<(u32, u32)> = (0..len)
                .map(|_| {
                    let a = next(width);
                    match next(3) {
                        0 => (a, a),
                        _ => (a, a + 1 + next(width / 4 + 1)),
                    }
                })
                .collect();
            assert_eq!(
                first_overlaps_indexed(&spans),
                first_overlaps_pairwise(&spans),
                "{spans:?}"
            );
        }
    }
}
