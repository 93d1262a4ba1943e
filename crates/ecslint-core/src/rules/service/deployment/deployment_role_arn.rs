use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports an `advancedConfiguration.roleArn` or a lifecycle hook's `roleArn` that is an ARN, but
    /// not an IAM role's (a policy, a user, a Lambda function, …).
    ///
    /// ## Why is this bad?
    /// ECS assumes this role to move the listener rules or to invoke the hook; anything else cannot
    /// be assumed, and the deployment fails. When it is refused is not documented, hence a
    /// warning. Values that are not ARNs (template tokens) are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "roleArn": "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers" }
    /// ```
    /// Use instead: `"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers"`.
    ///
    /// ## Fix
    /// Give the ARN of a role that trusts `ecs.amazonaws.com` with the permissions it needs.
    pub DeploymentRoleArn {
        id: "deployment-role-arn",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "AdvancedConfiguration.roleArn", quote: "The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call the Elastic Load Balancing APIs for you." },
            Source::BotocoreDoc { member: "DeploymentLifecycleHook.roleArn", quote: "The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call Lambda functions on your behalf." },
        ],
    }
}

impl DeploymentRoleArn {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let mut roles: Vec<(&str, Option<Str<'a>>)> = Vec::new();
        for (_, lb) in load_balancers(doc) {
            if let Some(a) = lb.advanced_configuration() {
                roles.push((
                    "the load balancer's `advancedConfiguration.roleArn`",
                    a.role_arn(),
                ));
            }
        }
        for (_, hook) in lifecycle_hooks(doc) {
            roles.push(("the lifecycle hook's `roleArn`", hook.role_arn()));
        }
        for (what, value) in roles {
            let Some((s, arn)) = arn_value(value) else {
                continue;
            };
            if let Some(problem) = role_arn_problem(&arn) {
                out.report(&Self::META, s.range(), format!("{what} `{}` is not an IAM role: {problem}", s.value()))
                    .help("use the ARN of an IAM role (arn:aws:iam::123456789012:role/name) that ECS can assume");
            }
        }
    }
}
