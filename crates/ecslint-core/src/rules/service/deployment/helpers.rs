//! Shared by the deployment rules: the strategy a service deploys with, its lifecycle hooks,
//! and what the Elastic Load Balancing and IAM ARNs it names are.

use crate::document::Document;
use crate::model::{DeploymentConfiguration, DeploymentLifecycleHook, LoadBalancer, Str};
use crate::rules::container::helpers::{parse_arn, Arn, PARTITIONS};
use crate::rules::service::helpers::known;

/// The strategies that run two service revisions and shift traffic between them.
pub(crate) fn shifts_traffic(strategy: &str) -> bool {
    matches!(strategy, "BLUE_GREEN" | "LINEAR" | "CANARY")
}

/// The service's `deploymentConfiguration`.
pub(crate) fn deployment_configuration<'a>(
    doc: &Document<'a>,
) -> Option<DeploymentConfiguration<'a>> {
    doc.service.and_then(|s| s.deployment_configuration())
}

/// The deployment strategy: as written, else `ROLLING` (the default); `None` when it is a
/// placeholder or not a known value (the structural walk reports those).
pub(crate) fn strategy<'a>(doc: &Document<'a>) -> Option<&'a str> {
    // Known only when deployed: no strategy is assumed.
    let config = doc.service.and_then(|s| s.get("deploymentConfiguration"));
    if config.is_some_and(|c| c.is_unknown() || c.get("strategy").is_some_and(|s| s.is_unknown())) {
        return None;
    }
    match deployment_configuration(doc).and_then(|c| c.strategy()) {
        None => Some("ROLLING"),
        Some(s) if matches!(s.value(), "ROLLING" | "BLUE_GREEN" | "LINEAR" | "CANARY") => {
            Some(s.value())
        }
        Some(_) => None,
    }
}

/// The `strategy` value as written, for pointing at it.
pub(crate) fn strategy_value<'a>(doc: &Document<'a>) -> Option<Str<'a>> {
    deployment_configuration(doc).and_then(|c| c.strategy())
}

/// The service uses the ECS deployment controller (the default).
pub(crate) fn ecs_controller(doc: &Document<'_>) -> bool {
    doc.service_facts.controller == "ECS"
}

/// The ECS controller and a traffic-shifting strategy: the strategy, if so.
pub(crate) fn native_shift<'a>(doc: &Document<'a>) -> Option<&'a str> {
    strategy(doc).filter(|s| shifts_traffic(s) && ecs_controller(doc))
}

/// The lifecycle hooks with their index.
pub(crate) fn lifecycle_hooks<'a>(doc: &Document<'a>) -> Vec<(usize, DeploymentLifecycleHook<'a>)> {
    deployment_configuration(doc)
        .and_then(|c| c.lifecycle_hooks())
        .into_iter()
        .flat_map(|l| l.iter())
        .collect()
}

/// A hook's `targetType`: as written, else `AWS_LAMBDA` (the default); `None` for a
/// placeholder or an unknown value.
pub(crate) fn hook_type<'a>(hook: DeploymentLifecycleHook<'a>) -> Option<&'a str> {
    if hook.get("targetType").is_some_and(|t| t.is_unknown()) {
        return None;
    }
    match hook.target_type() {
        None => Some("AWS_LAMBDA"),
        Some(t) if matches!(t.value(), "AWS_LAMBDA" | "PAUSE") => Some(t.value()),
        Some(_) => None,
    }
}

/// The load balancers with their index.
pub(crate) fn load_balancers<'a>(doc: &Document<'a>) -> Vec<(usize, LoadBalancer<'a>)> {
    doc.service
        .and_then(|s| s.load_balancers())
        .into_iter()
        .flat_map(|l| l.iter())
        .collect()
}

/// A string that says something and is written as an ARN (template tokens and names are
/// left alone).
pub(crate) fn arn_value<'a>(s: Option<Str<'a>>) -> Option<(Str<'a>, Arn<'a>)> {
    let s = s.filter(|s| known(s.value()))?;
    Some((s, parse_arn(s.value())?))
}

/// What an Elastic Load Balancing ARN names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ElbResource<'s> {
    TargetGroup,
    LoadBalancer,
    /// A listener of the load balancer of this type (`app`, `net`, `gwy`) and name/id.
    Listener {
        lb_type: &'s str,
        lb: &'s str,
    },
    /// A listener rule, likewise.
    ListenerRule {
        lb_type: &'s str,
        lb: &'s str,
    },
    Other,
}

/// What `arn` names, if it is an Elastic Load Balancing ARN.
pub(crate) fn elb_resource<'s>(arn: &Arn<'s>) -> Option<ElbResource<'s>> {
    if arn.service != "elasticloadbalancing" {
        return None;
    }
    let (kind, rest) = arn.resource.split_once('/').unwrap_or((arn.resource, ""));
    // `app/my-alb/50dc6c495c0c9188/…`: the type, then the load balancer's name and id.
    let lb_of = |rest: &'s str| {
        let mut parts = rest.splitn(4, '/');
        let lb_type = parts.next().unwrap_or("");
        let name = parts.next().unwrap_or("");
        let id = parts.next().unwrap_or("");
        let end = lb_type.len() + 1 + name.len() + 1 + id.len();
        (
            lb_type,
            rest.get(lb_type.len() + 1..end.min(rest.len()))
                .unwrap_or(""),
        )
    };
    Some(match kind {
        "targetgroup" => ElbResource::TargetGroup,
        "loadbalancer" => ElbResource::LoadBalancer,
        "listener" => {
            let (lb_type, lb) = lb_of(rest);
            ElbResource::Listener { lb_type, lb }
        }
        "listener-rule" => {
            let (lb_type, lb) = lb_of(rest);
            ElbResource::ListenerRule { lb_type, lb }
        }
        _ => ElbResource::Other,
    })
}

/// What is wrong with `arn` as the ARN of an IAM role, if anything.
pub(crate) fn role_arn_problem(arn: &Arn<'_>) -> Option<String> {
    if !PARTITIONS.contains(&arn.partition) {
        return Some(format!("`{}` is not an AWS partition", arn.partition));
    }
    if arn.service != "iam" {
        return Some(format!(
            "it is an ARN of `{}`, not of an IAM role",
            arn.service
        ));
    }
    match arn.resource.split_once('/') {
        Some(("role", name)) if !name.is_empty() => None,
        _ => {
            let kind = arn.resource.split('/').next().unwrap_or(arn.resource);
            Some(format!("it is the ARN of an IAM `{kind}`, not of a role"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(s: &str) -> Option<ElbResource<'_>> {
        elb_resource(&parse_arn(s).unwrap())
    }

    #[test]
    fn elb_arns() {
        assert_eq!(
            resource("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"),
            Some(ElbResource::ListenerRule { lb_type: "app", lb: "web/50dc6c495c0c9188" })
        );
        assert_eq!(
            resource("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/web/50dc6c495c0c9188/f2f7dc8efc522ab2"),
            Some(ElbResource::Listener { lb_type: "net", lb: "web/50dc6c495c0c9188" })
        );
        assert_eq!(
            resource("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"),
            Some(ElbResource::TargetGroup)
        );
        assert_eq!(
            resource("arn:aws:lambda:us-east-1:123456789012:function:f"),
            None
        );
        assert_eq!(
            resource("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app"),
            Some(ElbResource::Listener {
                lb_type: "app",
                lb: ""
            })
        );
    }

    #[test]
    fn role_arns() {
        let ok = parse_arn("arn:aws:iam::123456789012:role/ecsInfrastructureRole").unwrap();
        assert_eq!(role_arn_problem(&ok), None);
        let policy = parse_arn("arn:aws:iam::123456789012:policy/x").unwrap();
        assert!(role_arn_problem(&policy).unwrap().contains("`policy`"));
        let lambda = parse_arn("arn:aws:lambda:us-east-1:123456789012:function:f").unwrap();
        assert!(role_arn_problem(&lambda).unwrap().contains("`lambda`"));
    }
}
