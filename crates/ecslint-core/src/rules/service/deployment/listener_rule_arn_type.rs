use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks `advancedConfiguration.productionListenerRule` and `testListenerRule`: a listener rule
    /// ARN for an Application Load Balancer (`listener-rule/app/…`), a listener ARN for a Network
    /// Load Balancer (`listener/net/…`). Another ARN is an error; the same ARN for both, or rules of
    /// two load balancers, are warnings.
    ///
    /// ## Why is this bad?
    /// ECS shifts traffic by rewriting the weights of that rule's (or NLB listener's) forward
    /// action; an ALB routes by rules, an NLB has none. Test traffic needs its own rule on the same
    /// load balancer. Values that are not ARNs (template tokens) are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "productionListenerRule": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c49/f2f7dc8e" }
    /// ```
    /// Use instead: the rule's ARN, `…:listener-rule/app/web/50dc6c49/f2f7dc8e/9683b2d0`.
    ///
    /// ## Fix
    /// For an ALB, give the listener rule that forwards to the target groups (`aws elbv2
    /// describe-rules`); for an NLB, the listener.
    pub ListenerRuleArnType {
        id: "listener-rule-arn-type",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "AdvancedConfiguration.productionListenerRule", quote: "production listener rule (in the case of an Application Load Balancer) or listener (in the case for an Network Load Balancer)" },
        ],
    }
}

/// What is wrong with an ELB resource where a listener rule (ALB) or listener (NLB) belongs.
fn problem(resource: Option<ElbResource<'_>>) -> Option<&'static str> {
    match resource {
        Some(ElbResource::ListenerRule { lb_type: "app", .. }) => None,
        Some(ElbResource::Listener { lb_type: "net", .. }) => None,
        Some(ElbResource::Listener { lb_type: "app", .. }) => Some(
            "is an Application Load Balancer listener: an ALB needs the ARN of a listener rule",
        ),
        Some(ElbResource::TargetGroup) => {
            Some("is a target group, not a listener rule or listener")
        }
        Some(ElbResource::LoadBalancer) => {
            Some("is a load balancer, not a listener rule or listener")
        }
        Some(_) => Some(
            "is not an Application Load Balancer listener rule or a Network Load Balancer listener",
        ),
        None => Some("is not an Elastic Load Balancing ARN"),
    }
}

fn load_balancer<'s>(resource: Option<ElbResource<'s>>) -> Option<&'s str> {
    match resource {
        Some(ElbResource::ListenerRule { lb, .. } | ElbResource::Listener { lb, .. })
            if !lb.is_empty() =>
        {
            Some(lb)
        }
        _ => None,
    }
}

impl ListenerRuleArnType {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (_, lb) in load_balancers(doc) {
            let Some(advanced) = lb.advanced_configuration() else {
                continue;
            };
            let production = arn_value(advanced.production_listener_rule());
            let test = arn_value(advanced.test_listener_rule());
            let mut fine = 0;
            for (key, value) in [
                ("productionListenerRule", production),
                ("testListenerRule", test),
            ] {
                let Some((s, arn)) = value else { continue };
                match problem(elb_resource(&arn)) {
                    Some(p) => {
                        out.report(&Self::META, s.range(), format!("`{key}` `{}` {p}", s.value()))
                            .help("give the ARN of the ALB listener rule (listener-rule/app/…) or of the NLB listener (listener/net/…) that routes to the target groups");
                    }
                    None => fine += 1,
                }
            }
            let (Some((p, parn)), Some((t, tarn)), 2) = (production, test, fine) else {
                continue;
            };
            if p.value() == t.value() {
                out.report(&Self::META, t.range(), "`testListenerRule` is the production listener rule: test traffic needs its own rule or listener")
                    .help("create a separate listener rule (or NLB listener) for test traffic, or remove `testListenerRule`")
                    .related(p.range(), "the production listener rule")
                    .severity(Severity::Warning);
            } else if let (Some(a), Some(b)) = (
                load_balancer(elb_resource(&parn)),
                load_balancer(elb_resource(&tarn)),
            ) {
                if a != b {
                    out.report(&Self::META, t.range(), format!("the test listener rule is on load balancer `{b}`, the production one on `{a}`"))
                        .help("use a test listener rule or listener of the production load balancer, which forwards to the same two target groups")
                        .related(p.range(), "the production listener rule")
                        .severity(Severity::Warning);
                }
            }
        }
    }
}
