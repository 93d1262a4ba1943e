use crate::rules::networking::helpers::{container_label, containers, parse_port_range};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `containerPortRange` that is not `first-last` with both ends from 1 to 65535
    /// and the first lower than the last.
    ///
    /// Covers: container-port-range-order
    ///
    /// ## Why is this bad?
    /// The API reference lists both bounds and the order as the range's valid values.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9100-9000" }] }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "media", "image": "example/media:2", "memory": 256,
    ///    "portMappings": [{ "containerPortRange": "9000-9100" }] }]
    /// ```
    ///
    /// ## Fix
    /// Write the lower port first; keep both within 1–65535. Swapping the ends is a safe fix.
    pub ContainerPortRangeBounds {
        id: "container-port-range-bounds",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (21979, 21979), quote: "The containerPortRange valid values are between 1 and 65535." },
            Source::ApiReference { lines: (21982, 21982), quote: "The first port in the range must be less than last port in the range." },
        ],
    }
}

impl ContainerPortRangeBounds {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, c) in containers(doc) {
            let Some(mappings) = c.port_mappings() else {
                continue;
            };
            for (_, m) in mappings.iter() {
                let Some(range) = m.container_port_range() else {
                    continue;
                };
                let s = range.value();
                if is_placeholder(s) {
                    continue;
                }
                let label = container_label(i, c);
                match parse_port_range(s) {
                    Err(why) => {
                        out.report(
                            &Self::META,
                            range.range(),
                            format!(
                                "the containerPortRange \"{s}\" of {label} is not a port range"
                            ),
                        )
                        .help(why);
                    }
                    Ok((first, last))
                        if !(1..=65535).contains(&first) || !(1..=65535).contains(&last) =>
                    {
                        out.report(
                            &Self::META,
                            range.range(),
                            format!(
                                "the containerPortRange \"{s}\" of {label} goes outside 1–65535"
                            ),
                        )
                        .help("both ends must be ports from 1 to 65535");
                    }
                    Ok((first, last)) if first >= last => {
                        let d = out
                            .report(&Self::META, range.range(), format!("the containerPortRange \"{s}\" of {label} does not go from a lower to a higher port"))
                            .help("the first port must be less than the last; for a single port use containerPort");
                        if first > last {
                            d.fix(Fix::safe(
                                "swap the ends",
                                vec![Edit::replace(range.range(), format!("\"{last}-{first}\""))],
                            ));
                        }
                    }
                    Ok(_) => {}
                }
            }
        }
    }
}
