use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// In a CloudFormation template, reports a target group whose `HealthCheckPort` is a fixed
    /// port when the service sends it the traffic of a container with a dynamic host port
    /// (`bridge` network mode, `HostPort` 0 or not set).
    ///
    /// ## Why is this bad?
    /// Each task gets a host port from the ephemeral range, and ECS registers the task at that
    /// port. Health checks sent to a fixed port reach nothing the task listens on: the targets
    /// never become healthy, and the service keeps replacing its tasks. CreateService accepts
    /// it (a warning; cfn-lint's E3049 reports it as an error). A target group without
    /// `HealthCheckPort` checks `traffic-port`, the registered port, which is right.
    ///
    /// ## Example
    /// ```yaml
    /// TargetGroup:
    ///   Type: AWS::ElasticLoadBalancingV2::TargetGroup
    ///   Properties:
    ///     HealthCheckPort: "8080"
    ///     Port: 8080
    ///     Protocol: HTTP
    /// ```
    /// with a task definition whose container maps `ContainerPort: 8080` without `HostPort`.
    ///
    /// ## Fix
    /// None: set `HealthCheckPort: traffic-port`, or remove it.
    pub TargetGroupHealthCheckPortDynamic {
        id: "target-group-health-check-port-dynamic",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html", note: "HealthCheckPort: the default is traffic-port, the port on which each target receives traffic from the load balancer" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings", note: "a dynamic host port is taken from the ephemeral port range of the container instance" },
            Source::Peer { tool: "cfn-lint", rule: "E3049" },
        ],
    }
}
