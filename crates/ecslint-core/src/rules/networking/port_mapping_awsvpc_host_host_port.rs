use crate::rules::networking::helpers::{
    container_label, containers, members_of, network_mode, network_mode_origin,
};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a port mapping whose `hostPort` is not the same as its `containerPort` when the
    /// task uses the `awsvpc` network mode (every Fargate task) or the `host` network mode,
    /// including `"hostPort": 0`.
    ///
    /// ## Why is this bad?
    /// With `awsvpc` each task has its own network interface, and with `host` the container
    /// shares the instance's: either way there is no port translation, so the container port
    /// *is* the host port. RegisterTaskDefinition fails with "ClientException: When
    /// networkMode=awsvpc, the host ports and container ports in port mappings must match."
    /// `"hostPort": 0` (a dynamic host port, which only `bridge` mode has) is rejected the same
    /// way: `ecs-cli` sends it for a compose port written as `"9292"`, and registration fails.
    /// For `host` mode the ECS team stated the same requirement when the mode was introduced
    /// (aws/amazon-ecs-agent#185). This usually comes from a bridge-mode mapping such as
    /// `8080:80` carried over to Fargate.
    ///
    /// ## Example
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc",
    ///   "containerDefinitions": [{ "name": "web", "image": "nginx",
    ///     "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "family": "web", "networkMode": "awsvpc",
    ///   "containerDefinitions": [{ "name": "web", "image": "nginx",
    ///     "portMappings": [{ "containerPort": 80 }] }] }
    /// ```
    ///
    /// ## Fix
    /// Remove `hostPort` (ECS fills in the container port) or set it to the `containerPort`.
    /// Removing `"hostPort": 0` is a safe fix. Setting a different `hostPort` to the
    /// `containerPort` is offered as an unsafe fix: if clients, a load balancer target group
    /// or a security group expect the old host port, make the application listen on that port
    /// and change `containerPort` instead.
    pub PortMappingAwsvpcHostHostPort {
        id: "port-mapping-awsvpc-host-host-port",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (21924, 21924), quote: "If you use containers in a task with the awsvpc or host network mode, specify the exposed ports using containerPort. The hostPort can be left blank or it must be the same value as the containerPort." },
            Source::ApiReference { lines: (22004, 22004), quote: "If you use containers in a task with the awsvpc or host network mode, the hostPort can either be left blank or set to the same value as the containerPort." },
            Source::ErrorMessage { text: "ClientException: When networkMode=awsvpc, the host ports and container ports in port mappings must match.", seen_in: "pulumi/pulumi-awsx#935" },
            Source::ErrorMessage { text: "ClientException: When networkMode=awsvpc, the host ports and container ports in port mappings must match (hostPort 0 sent by ecs-cli for a port given without a host port)", seen_in: "aws/amazon-ecs-cli#1014" },
        ],
    }
}

impl PortMappingAwsvpcHostHostPort {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(mode @ ("awsvpc" | "host")) = network_mode(doc) else {
            return;
        };
        let origin = network_mode_origin(doc);
        for (i, container) in containers(doc) {
            let Some(mappings) = container.port_mappings() else {
                continue;
            };
            for (_, pm) in mappings.iter() {
                let Some(host) = pm.host_port() else {
                    continue;
                };
                // A range mapping has its own rule (container-port-range-no-host-port).
                if pm.member("containerPortRange").is_some() {
                    continue;
                }
                let Some(container_port) = pm.container_port() else {
                    continue;
                };
                let (hp, cp) = (host.value(), container_port.value());
                if hp == cp {
                    continue;
                }
                let host_member = pm.member("hostPort").expect("hostPort has a value");
                let who = container_label(i, container);
                let d = if hp == 0 {
                    let d = out.report(
                        &Self::META,
                        host.range(),
                        format!("`hostPort` 0 (a dynamic host port) is not allowed with the `{mode}` network mode ({who}, containerPort {cp})"),
                    );
                    d.help(format!(
                        "remove \"hostPort\" (ECS then uses the containerPort, {cp}) or set it to {cp}; dynamic host ports exist only in bridge mode"
                    ))
                    .fix(Fix::safe(
                        "remove \"hostPort\": 0",
                        vec![remove_member(members_of(pm.node()), host_member)],
                    ));
                    d
                } else {
                    let d = out.report(
                        &Self::META,
                        host.range(),
                        format!("`hostPort` {hp} differs from `containerPort` {cp}, which the `{mode}` network mode does not allow ({who})"),
                    );
                    d.help(format!(
                        "in {mode} mode there is no port translation: remove \"hostPort\" or set it to {cp}; if clients expect port {hp}, make the application listen on {hp} and set \"containerPort\": {hp} instead"
                    ))
                    .fix(Fix::unsafe_(
                        format!("set hostPort to {cp}"),
                        vec![Edit::replace(host.range(), cp.to_string())],
                    ));
                    d
                };
                d.related(container_port.range(), "the container port is set here");
                if let Some((range, note)) = origin {
                    d.related(range, note);
                }
            }
        }
    }
}
