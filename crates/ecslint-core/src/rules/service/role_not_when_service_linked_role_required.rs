use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `role` on a service that must use the ECS service-linked role: one with
    /// service discovery (`serviceRegistries`), the EXTERNAL deployment controller, several
    /// target groups, or a paired task definition with Elastic Inference accelerators. (The
    /// awsvpc case is `role-not-with-awsvpc`.)
    ///
    /// ## Why is this bad?
    /// These services need the service-linked role, and CreateService refuses an explicit
    /// role for them.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "role": "ecsServiceRole",
    ///   "loadBalancers": [{ "targetGroupArn": "…/web-http/…", "containerName": "web", "containerPort": 80 },
    ///                     { "targetGroupArn": "…/web-admin/…", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    /// Use instead: the same without `role`.
    ///
    /// ## Fix
    /// Remove `role`.
    pub RoleNotWhenServiceLinkedRoleRequired {
        id: "role-not-when-service-linked-role-required",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Safe,
        sources: &[
            Source::ApiReference { lines: (1831, 1831), quote: "The service-linked role is required if your task definition uses the awsvpc network mode or if the service is configured to use service discovery, an external deployment controller, multiple target groups, or Elastic Inference accelerators in which case you don't specify a role here." },
            Source::ErrorMessage { text: "InvalidParameterException: You cannot specify an IAM role for services that require a service linked role.", seen_in: "hashicorp/terraform-provider-aws#4657" },
        ],
    }
}

impl RoleNotWhenServiceLinkedRoleRequired {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else { return };
        let Some(member) = service.known("role") else {
            return;
        };
        // role-not-with-awsvpc reports the awsvpc case.
        if doc.service_awsvpc() == Some(true) {
            return;
        }
        let count = |key: &str| {
            service
                .get(key)
                .and_then(|n| n.as_array())
                .map_or(0, <[_]>::len)
        };
        let why = if count("serviceRegistries") > 0 {
            "the service uses service discovery (`serviceRegistries`)".to_owned()
        } else if doc.service_facts.controller == "EXTERNAL" {
            "the service uses the EXTERNAL deployment controller".to_owned()
        } else if count("loadBalancers") > 1 {
            format!("the service has {} target groups", count("loadBalancers"))
        } else if doc.paired.as_ref().is_some_and(|p| {
            p.task_definition
                .get("inferenceAccelerators")
                .and_then(|n| n.as_array())
                .is_some_and(|a| !a.is_empty())
        }) {
            "the task definition uses Elastic Inference accelerators".to_owned()
        } else {
            return;
        };
        let fix = service
            .node()
            .as_object()
            .map(|members| Fix::safe("remove `role`", vec![remove_member(members, member)]));
        let d = out
            .report(
                &Self::META,
                member.key.range,
                format!("`role` is not allowed: {why}, which needs the ECS service-linked role"),
            )
            .help("remove `role`: ECS uses its service-linked role (AWSServiceRoleForECS)");
        if let Some(fix) = fix {
            d.fix(fix);
        }
    }
}
