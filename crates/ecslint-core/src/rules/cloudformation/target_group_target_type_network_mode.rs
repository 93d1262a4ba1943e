use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// In a CloudFormation template, checks the target group a service's `LoadBalancers`
    /// names (`TargetGroupArn: !Ref TargetGroup`) against the network mode of the tasks:
    /// `awsvpc` tasks (all Fargate tasks) need a target group of `TargetType: ip`, `bridge`
    /// and `host` tasks one of `TargetType: instance` (the default when `TargetType` is not
    /// set).
    ///
    /// ## Why is this bad?
    /// An `awsvpc` task has its own network interface, so the load balancer must reach it by
    /// IP address; a `bridge` or `host` task is reached through its container instance.
    /// CreateService refuses the other combinations ("The provided target group … has target
    /// type instance, which is incompatible with the awsvpc network mode specified in the task
    /// definition"), and the stack fails to create the service.
    ///
    /// ## Example
    /// ```yaml
    /// TargetGroup:
    ///   Type: AWS::ElasticLoadBalancingV2::TargetGroup
    ///   Properties:
    ///     Port: 80
    ///     Protocol: HTTP
    ///     VpcId: !Ref Vpc
    /// Service:
    ///   Type: AWS::ECS::Service
    ///   Properties:
    ///     LaunchType: FARGATE
    ///     TaskDefinition: !Ref TaskDef
    ///     LoadBalancers:
    ///       - ContainerName: web
    ///         ContainerPort: 80
    ///         TargetGroupArn: !Ref TargetGroup
    /// ```
    /// Use instead: `TargetType: ip` on the target group.
    ///
    /// ## Fix
    /// None: set the target group's `TargetType` (a target group's type cannot change: the
    /// stack replaces it).
    pub TargetGroupTargetTypeNetworkMode {
        id: "target-group-target-type-network-mode",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html", note: "services with tasks that use the awsvpc network mode must use a target group of target type ip, not instance" },
            Source::ErrorMessage { text: "InvalidParameterException: The provided target group … has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.", seen_in: "riboseinc/terraform-aws-ecs-gitlab#5" },
            Source::ErrorMessage { text: "InvalidParameterException: The provided target group … has target type ip, which is incompatible with the bridge network mode specified in the task definition.", seen_in: "hashicorp/terraform-provider-aws#12252" },
        ],
    }
}
