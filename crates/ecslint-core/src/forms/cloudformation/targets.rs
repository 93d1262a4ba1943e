//! The target groups a service's load balancers name (`TargetGroupArn: !Ref TargetGroup`),
//! checked where their settings meet the task's: the target type against the network mode
//! (CreateService refuses `instance` targets for `awsvpc` tasks and `ip` targets for
//! `bridge` and `host` ones), the health check port of a container with a dynamic host port
//! (cfn-lint's E3049), and the protocol against the port mapping's.
//!
//! The target group's `Port` is not compared: ECS registers each task at its own port (the
//! container's port in `awsvpc` mode, the host port it gets in `bridge` mode), whatever the
//! target group's default is.

use super::template::{self, Template};
use crate::facts::{ServiceFacts, TaskFacts};
use crate::forms::Found;
use crate::json::{Member, Node, SyntaxProblem};
use crate::model::{CreateServiceRequest, RegisterTaskDefinitionRequest, View};
use crate::settings::Assumptions;
use crate::text::TextRange;

const TARGET_TYPE: &str = "target-group-target-type-network-mode";
const HEALTH_CHECK_PORT: &str = "target-group-health-check-port-dynamic";
const PROTOCOL: &str = "target-group-protocol-port-mapping";

/// A string the template writes as it is (not an intrinsic).
fn literal<'n>(node: Option<&'n Node<'_>>) -> Option<std::borrow::Cow<'n, str>> {
    node.filter(|n| template::function(n).is_none())
        .and_then(template::scalar_text)
}

/// Checks the target groups of `service` (its template resource, and its document) against
/// the task definition it runs.
pub fn check<'s>(
    template: &Template<'_, 's>,
    resource: &Member<'s>,
    service: &Found<'s>,
    task_definition: Option<&Found<'s>>,
    problems: &mut Vec<SyntaxProblem>,
) {
    let id: &str = &resource.key.name;
    let Some(lbs) = resource
        .value
        .get("Properties")
        .and_then(|p| p.get("LoadBalancers"))
        .and_then(Node::as_array)
    else {
        return;
    };
    let service_facts = ServiceFacts::new(CreateServiceRequest::cast(&service.root));
    let task = task_definition.and_then(|td| RegisterTaskDefinitionRequest::cast(&td.root));
    let facts = task.map(|t| TaskFacts::new(Some(t), &Assumptions::default()));
    // The network mode the tasks get: Fargate's is awsvpc.
    let mode: Option<&str> = if service_facts.fargate {
        Some("awsvpc")
    } else {
        facts.as_ref().and_then(|f| {
            if f.fargate {
                Some("awsvpc")
            } else {
                f.effective_network_mode()
            }
        })
    };
    for lb in lbs {
        let Some(arn) = lb.get("TargetGroupArn") else {
            continue;
        };
        let Some((name, _)) = template::function(arn).and_then(|(f, a)| template::reference(f, a))
        else {
            continue;
        };
        let Some(group) = template.resource(name) else {
            continue;
        };
        if group.value.get("Type").and_then(Node::as_str)
            != Some("AWS::ElasticLoadBalancingV2::TargetGroup")
        {
            continue;
        }
        let empty = Node {
            range: group.key.range,
            value: crate::json::Value::Object(Vec::new()),
        };
        let props = group.value.get("Properties").unwrap_or(&empty);
        // The target type: as written, else `instance`.
        let written = props.get("TargetType");
        let target_type = match written {
            None => Some(std::borrow::Cow::Borrowed("instance")),
            Some(_) => literal(written),
        };
        if let (Some(target_type), Some(mode)) = (target_type.as_deref(), mode) {
            let wanted = match mode {
                "awsvpc" => "ip",
                "bridge" | "host" | "default" => "instance",
                _ => "",
            };
            if !wanted.is_empty() && target_type != wanted {
                let what = if written.is_some() {
                    format!("target type `{target_type}`")
                } else {
                    "the default target type `instance`".to_owned()
                };
                let fargate = if service_facts.fargate {
                    " (Fargate tasks use awsvpc)"
                } else {
                    ""
                };
                problems.push(SyntaxProblem {
                    rule: TARGET_TYPE,
                    message: format!(
                        "{id}: the target group `{name}` has {what}, which CreateService refuses for tasks in the `{mode}` network mode{fargate}: it needs `{wanted}`"
                    ),
                    help: Some(format!("set `TargetType: {wanted}` on the target group `{name}`")),
                    range: arn.range,
                    fix: None,
                    related: Some((
                        written.map_or(group.key.range, |w| w.range),
                        if written.is_some() {
                            "the target type is set here".to_owned()
                        } else {
                            "the target group, without `TargetType`".to_owned()
                        },
                    )),
                });
            }
        }
        // The container and its port mapping the load balancer sends traffic to.
        let (Some(container), Some(port)) = (
            literal(lb.get("ContainerName")),
            literal(lb.get("ContainerPort")).and_then(|p| p.trim().parse::<i64>().ok()),
        ) else {
            continue;
        };
        let Some(mapping) = task
            .and_then(|t| t.container_definitions())
            .into_iter()
            .flat_map(|l| l.values())
            .filter(|c| c.name().is_some_and(|n| n.value() == container))
            .flat_map(|c| c.port_mappings().into_iter().flat_map(|l| l.values()))
            .find(|m| {
                m.container_port()
                    .is_some_and(|p| i64::from(p.value()) == port)
            })
        else {
            continue;
        };
        // A dynamic host port (bridge mode, none or 0): health checks must follow it.
        let dynamic = mode == Some("bridge")
            && match mapping.get("hostPort") {
                None => true,
                Some(h) => h.as_number().and_then(|n| n.as_i64()) == Some(0),
            };
        if dynamic {
            if let Some(hc) = props.get("HealthCheckPort") {
                if let Some(p) = literal(Some(hc)).filter(|p| p != "traffic-port") {
                    problems.push(SyntaxProblem {
                        rule: HEALTH_CHECK_PORT,
                        message: format!(
                            "{name}: health checks go to port {p}, but the container `{container}` gets a dynamic host port (service `{id}`): the checks miss the task and its targets never become healthy"
                        ),
                        help: Some("set `HealthCheckPort: traffic-port` (the default), or remove it".to_owned()),
                        range: hc.range,
                        fix: None,
                        related: Some((mapping.range(), "the port mapping, without a host port".to_owned())),
                    });
                }
            }
        }
        // The protocols: a UDP target group needs a UDP port mapping, the others TCP.
        let Some(protocol) = literal(props.get("Protocol")) else {
            continue;
        };
        let mapped = mapping
            .protocol()
            .map_or("tcp", |p| p.value())
            .to_ascii_lowercase();
        let wanted = match &*protocol {
            "UDP" => "udp",
            "HTTP" | "HTTPS" | "TCP" | "TLS" => "tcp",
            _ => continue,
        };
        if mapped != wanted && (mapped == "tcp" || mapped == "udp") {
            problems.push(SyntaxProblem {
                rule: PROTOCOL,
                message: format!(
                    "{name}: the target group's protocol is {protocol}, but the container `{container}` maps port {port} for {mapped} (service `{id}`): the load balancer's traffic never reaches it"
                ),
                help: Some(format!(
                    "map the port with `Protocol: {wanted}` in the task definition, or use a target group for {mapped}"
                )),
                range: props.get("Protocol").map_or(TextRange::default(), |p| p.range),
                fix: None,
                related: Some((mapping.range(), "the port mapping".to_owned())),
            });
        }
    }
}
