use crate::rules::linux::capabilities::{canonical, CAPABILITIES};
use crate::rules::networking::helpers::{container_label, containers};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a name in `linuxParameters.capabilities.add` or `.drop` that is not one of the
    /// capability names the API lists, such as `CAP_NET_ADMIN` (with Docker's prefix) or a
    /// lower-case `net_admin`.
    ///
    /// ## Why is this bad?
    /// The API reference lists the accepted values without the `CAP_` prefix and in upper case
    /// (`NET_ADMIN`, `SYS_PTRACE`, …). Other spellings are not in that list; this is a warning
    /// because the exact rejection has not been confirmed.
    ///
    /// ## Example
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["CAP_NET_ADMIN"], "drop": ["all"] } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"], "drop": ["ALL"] } } }
    /// ```
    ///
    /// ## Fix
    /// A name that becomes valid once the `CAP_` prefix is removed or it is upper-cased is
    /// rewritten (safe: the same capability). Other names must be corrected by hand.
    pub CapabilitiesValidNames {
        id: "capabilities-valid-names",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (21148, 21148), quote: "Valid values: \"ALL\" | \"AUDIT_CONTROL\" | \"AUDIT_WRITE\" | \"BLOCK_SUSPEND\" | \"CHOWN\" | \"DAC_OVERRIDE\" | \"DAC_READ_SEARCH\" | \"FOWNER\" | \"FSETID\" | \"IPC_LOCK\" | \"IPC_OWNER\" | \"KILL\" | \"LEASE\" | \"LINUX_IMMUTABLE\" | \"MAC_ADMIN\" | \"MAC_OVERRIDE\" | \"MKNOD\" | \"NET_ADMIN\" | \"NET_BIND_SERVICE\" | \"NET_BROADCAST\"" },
        ],
    }
}

impl CapabilitiesValidNames {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, container) in containers(doc) {
            let Some(caps) = container.linux_parameters().and_then(|l| l.capabilities()) else {
                continue;
            };
            for (field, list) in [("add", caps.add()), ("drop", caps.drop())] {
                let Some(list) = list else {
                    continue;
                };
                for name in list.values() {
                    let v = name.value();
                    if CAPABILITIES.contains(&v) || is_placeholder(v) {
                        continue;
                    }
                    let d = out.report(
                        &Self::META,
                        name.range(),
                        format!("\"{v}\" in `capabilities.{field}` is not a capability name ECS accepts ({})", container_label(i, container)),
                    );
                    match canonical(v) {
                        Some(fixed) => {
                            d.help(format!("write \"{fixed}\": ECS names capabilities in upper case without the CAP_ prefix"))
                                .fix(Fix::safe(format!("replace with \"{fixed}\""), vec![Edit::replace(name.range(), format!("\"{fixed}\""))]));
                        }
                        None => {
                            d.help("use a capability name without the CAP_ prefix, such as NET_ADMIN, SYS_PTRACE or NET_BIND_SERVICE (see capabilities(7))");
                        }
                    }
                }
            }
        }
    }
}
