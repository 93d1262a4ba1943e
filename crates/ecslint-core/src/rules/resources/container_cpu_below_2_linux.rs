use crate::rules::networking::helpers::container_label;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a Linux container with `"cpu": 1`.
    ///
    /// ## Why is this bad?
    /// On Linux, container `cpu` becomes Docker CPU shares, and the kernel's minimum is 2:
    /// the agent passes 0, 1 and no value alike as 2 shares. `"cpu": 1` does not give the
    /// container a smaller share than 0 or no value; it is usually a unit mistake (1 vCPU is
    /// 1024 units).
    ///
    /// ## Example
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "cpu": 1 }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "app", "image": "nginx:1.27", "cpu": 1024 }
    /// ```
    ///
    /// ## Fix
    /// Give the share in CPU units (1024 per vCPU), or leave `cpu` out.
    pub ContainerCpuBelow2Linux {
        id: "container-cpu-below-2-linux",
        category: Category::Suspicious,
        severity: Severity::Info,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (18937, 18940), quote: "The minimum valid CPU share value that the Linux kernel allows is 2." },
        ],
    }
}

impl ContainerCpuBelow2Linux {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        if doc.facts.windows {
            return;
        }
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for (i, c) in containers.iter() {
            if let Some(cpu) = c.cpu().filter(|c| c.value() == 1) {
                out.report(&Self::META, cpu.range(), format!("{} sets `cpu` to 1, which Linux runs as 2 CPU shares, the same as no value", container_label(i, c)))
                    .help("\"cpu\" is in CPU units (1024 = 1 vCPU): for one vCPU write 1024, or leave it out");
            }
        }
    }
}
