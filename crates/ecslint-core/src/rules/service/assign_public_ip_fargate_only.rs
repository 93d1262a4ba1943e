use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports `"assignPublicIp": "ENABLED"` on a service that runs on EC2 or EXTERNAL instances
    /// (`launchType` EC2 or EXTERNAL, or Auto Scaling group capacity providers).
    ///
    /// ## Why is this bad?
    /// Only Fargate tasks can get a public IP on their network interface; on EC2 CreateService
    /// fails with "Assign public IP is not supported for this launch type".
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "ENABLED" } } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2",
    ///   "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "DISABLED" } } }
    /// ```
    ///
    /// ## Fix
    /// Use `DISABLED` (reach the internet through a NAT gateway), or run on Fargate.
    pub AssignPublicIpFargateOnly {
        id: "assign-public-ip-fargate-only",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "InvalidParameterException: Assign public IP is not supported for this launch type", seen_in: "hashicorp/waypoint#643" },
            Source::ApiReference { lines: (18255, 18255), quote: "Whether the task's elastic network interface receives a public IP address." },
        ],
    }
}

impl AssignPublicIpFargateOnly {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let facts = &doc.service_facts;
        if facts.fargate || !(facts.ec2 || facts.external) {
            return;
        }
        let Some(v) = doc
            .service
            .and_then(|s| s.network_configuration())
            .and_then(|n| n.awsvpc_configuration())
            .and_then(|a| a.assign_public_ip())
        else {
            return;
        };
        if v.value() != "ENABLED" {
            return;
        }
        out.report(&Self::META, v.range(), "a public IP can only be assigned to Fargate tasks, and this service runs on instances")
            .help("use \"DISABLED\" and reach the internet through a NAT gateway, or run the service on Fargate")
            .fix(Fix::unsafe_("set assignPublicIp to DISABLED", vec![Edit::replace(v.range(), "\"DISABLED\"")]));
    }
}
