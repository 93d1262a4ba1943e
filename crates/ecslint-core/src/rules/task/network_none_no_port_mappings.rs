use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports containers with `portMappings` in a task definition with
    /// `"networkMode": "none"`.
    ///
    /// ## Why is this bad?
    /// With the `none` network mode the containers have no external connectivity, and "if the
    /// network mode is set to none, you cannot specify port mappings". The reference does
    /// not name the error, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "family": "batch", "networkMode": "none", "containerDefinitions": [
    ///   { "name": "job", "image": "job:1", "memory": 256, "portMappings": [{ "containerPort": 8080 }] } ] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "batch", "networkMode": "none", "containerDefinitions": [
    ///   { "name": "job", "image": "job:1", "memory": 256 } ] }
    /// ```
    ///
    /// ## Fix
    /// The unsafe fix removes `portMappings`; if the container must be reachable, use another
    /// network mode.
    pub NetworkNoneNoPortMappings {
        id: "network-none-no-port-mappings",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (11849, 11849), quote: "If the network mode is set to none, you cannot specify port mappings in your container definitions, and the tasks containers do not have external connectivity." },
        ],
    }
}

impl NetworkNoneNoPortMappings {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let Some(mode) = task.network_mode().filter(|m| m.value() == "none") else {
            return;
        };
        let Some(containers) = doc.container_definitions else {
            return;
        };
        for c in containers.values() {
            let (Some(list), Some(member), Some(members)) = (
                c.port_mappings(),
                c.member("portMappings"),
                c.node().as_object(),
            ) else {
                continue;
            };
            if list.is_empty() {
                continue;
            }
            out.report(&Self::META, member.key.range, "containers of a task with `\"networkMode\": \"none\"` cannot have port mappings")
                .help("remove \"portMappings\", or use a network mode with connectivity (bridge, awsvpc, host)")
                .related(mode.range(), "the network mode is set here")
                .fix(Fix::unsafe_("remove \"portMappings\"", vec![remove_member(members, member)]));
        }
    }
}
