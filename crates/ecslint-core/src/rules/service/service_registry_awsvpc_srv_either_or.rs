use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a `serviceRegistries[]` entry of an `awsvpc` service (Fargate, or a paired `awsvpc`
    /// task definition) that gives both `port` and the `containerName`/`containerPort` pair.
    ///
    /// ## Why is this bad?
    /// With `awsvpc` and an SRV record, the port comes either from the container and port mapping
    /// or from `port`, not both: the reference says you can't specify both.
    ///
    /// ## Example
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef", "port": 8080, "containerName": "web", "containerPort": 8080 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } },
    ///   "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef", "containerName": "web", "containerPort": 8080 }] }
    /// ```
    ///
    /// ## Fix
    /// Keep either `port` or `containerName` with `containerPort`.
    pub ServiceRegistryAwsvpcSrvEitherOr {
        id: "service-registry-awsvpc-srv-either-or",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23157, 23157), quote: "you must specify either a `containerName` and `containerPort` combination or a `port` value. However, you can't specify both." },
        ],
    }
}

impl ServiceRegistryAwsvpcSrvEitherOr {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(service) = doc.service else {
            return;
        };
        if doc.service_awsvpc() != Some(true) {
            return;
        }
        for registry in service
            .service_registries()
            .into_iter()
            .flat_map(|l| l.values())
        {
            let (Some(port), true) = (
                registry.member("port"),
                registry.member("containerName").is_some()
                    || registry.member("containerPort").is_some(),
            ) else {
                continue;
            };
            out.report(&Self::META, port.key.range, "give either `port` or `containerName` with `containerPort`, not both")
                .help("remove `port` to use the container's port mapping, or remove `containerName` and `containerPort`");
        }
    }
}
