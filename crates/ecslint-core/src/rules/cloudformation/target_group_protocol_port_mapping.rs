use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::rule::{Category, FixKind, Source};

declare_rule! {
    /// ## What it does
    /// In a CloudFormation template, compares the `Protocol` of the target group a service's
    /// load balancer names with the protocol of the container's port mapping it sends traffic
    /// to: a `UDP` target group needs a `udp` port mapping, an `HTTP`, `HTTPS`, `TCP` or `TLS`
    /// one a `tcp` mapping (the default).
    ///
    /// ## Why is this bad?
    /// Docker publishes the port for one protocol only: the load balancer's UDP datagrams (or
    /// TCP connections) never reach a port mapped for the other, and the targets fail their
    /// health checks. CreateService accepts it, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// TargetGroup:
    ///   Type: AWS::ElasticLoadBalancingV2::TargetGroup
    ///   Properties:
    ///     Port: 53
    ///     Protocol: UDP
    ///     TargetType: ip
    /// ```
    /// with a container that maps `ContainerPort: 53` without `Protocol: udp`.
    ///
    /// ## Fix
    /// None: set the port mapping's `Protocol`, or use a target group of the container's.
    pub TargetGroupProtocolPortMapping {
        id: "target-group-protocol-port-mapping",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html", note: "protocol: the protocol used for the port mapping, tcp by default" },
            Source::AwsDocs { url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-target-groups.html", note: "a target group's protocol: TCP, TLS, UDP or TCP_UDP for a Network Load Balancer, HTTP or HTTPS for an Application Load Balancer" },
        ],
    }
}
