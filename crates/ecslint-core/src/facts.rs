//! What a task definition says (or the configuration assumes) about where it runs: the
//! launch types it targets, the operating system, the network mode. Rules that apply only on
//! Fargate, only on Windows or only in `awsvpc` mode ask these, never the raw JSON.
//!
//! When a file does not say and `ecslint.toml` assumes nothing, the answer is "not known",
//! and rules that depend on it stay quiet: a false error is as bad as a miss.

use crate::model::{CreateServiceRequest, RegisterTaskDefinitionRequest, Str};

/// What facts hold for a value known only when deployed ([`Value::Unknown`](crate::json::Value::Unknown)): a template
/// placeholder, so that the checks that skip placeholders skip it too.
pub const UNKNOWN: &str = "${unknown}";
use crate::settings::Assumptions;
use crate::template::is_placeholder;

/// Where the task runs, as far as the file (or the configuration) says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskFacts {
    /// `requiresCompatibilities` (or the `launch-type` assumption) includes FARGATE.
    pub fargate: bool,
    /// … includes EC2.
    pub ec2: bool,
    /// … includes EXTERNAL.
    pub external: bool,
    /// … includes MANAGED_INSTANCES.
    pub managed_instances: bool,
    /// The launch types come from the file (`requiresCompatibilities`), not an assumption.
    pub launch_type_declared: bool,
    /// `requiresCompatibilities` (or one of its values) is known only when deployed: no
    /// launch type is assumed, and none is known.
    pub launch_type_unknown: bool,
    /// `runtimePlatform.operatingSystemFamily` (or the assumption) is a `WINDOWS_*` value.
    pub windows: bool,
    /// … is `LINUX`.
    pub linux: bool,
    /// The operating system comes from the file, not an assumption.
    pub os_declared: bool,
    /// `networkMode` as written, when it is a string.
    pub network_mode: Option<String>,
    /// `networkMode` is given, but known only when deployed: no network mode is assumed.
    pub network_mode_unknown: bool,
}

impl TaskFacts {
    /// Reads the facts of a task definition; `None` (a bare container array) uses only the
    /// assumptions.
    pub fn new(task: Option<RegisterTaskDefinitionRequest<'_>>, assume: &Assumptions) -> Self {
        let mut facts = TaskFacts::default();
        // A value known only when deployed (a template's intrinsic) declares something this
        // file cannot say: no assumption stands in for it, and what it is stays unknown.
        let unknown = |key: &str| {
            task.and_then(|t| t.get(key))
                .is_some_and(|n| n.is_unknown())
        };
        facts.launch_type_unknown = task
            .and_then(|t| t.get("requiresCompatibilities"))
            .is_some_and(|n| {
                n.is_unknown()
                    || n.as_array()
                        .is_some_and(|a| a.iter().any(|e| e.is_unknown()))
            });
        let declared: Option<Vec<&str>> = task
            .and_then(|t| t.requires_compatibilities())
            .map(|list| list.values().map(Str::value).collect())
            .or_else(|| unknown("requiresCompatibilities").then(Vec::new));
        let launch_types: Vec<&str> = match &declared {
            Some(list) => {
                facts.launch_type_declared = true;
                list.clone()
            }
            None => assume.launch_type.as_deref().into_iter().collect(),
        };
        for lt in launch_types
            .into_iter()
            .filter(|_| !facts.launch_type_unknown)
        {
            match lt {
                "FARGATE" => facts.fargate = true,
                "EC2" => facts.ec2 = true,
                "EXTERNAL" => facts.external = true,
                "MANAGED_INSTANCES" => facts.managed_instances = true,
                _ => {}
            }
        }
        let platform = task.and_then(|t| t.get("runtimePlatform"));
        let os_unknown = platform.is_some_and(|p| {
            p.is_unknown()
                || p.get("operatingSystemFamily")
                    .is_some_and(|o| o.is_unknown())
        });
        let os = match task
            .and_then(|t| t.runtime_platform())
            .and_then(|p| p.operating_system_family())
        {
            Some(os) => {
                facts.os_declared = true;
                Some(os.value().to_owned())
            }
            None if os_unknown => {
                facts.os_declared = true;
                None
            }
            None => assume.operating_system_family.clone(),
        };
        match os.as_deref() {
            Some(os) if os.starts_with("WINDOWS") => facts.windows = true,
            Some("LINUX") => facts.linux = true,
            _ => {}
        }
        facts.network_mode = task
            .and_then(|t| t.network_mode())
            .map(|m| m.value().to_owned());
        facts.network_mode_unknown = unknown("networkMode");
        facts
    }

    /// The launch type is known (declared or assumed).
    pub fn launch_type_known(&self) -> bool {
        self.fargate || self.ec2 || self.external || self.managed_instances
    }

    /// The network mode the task gets: as written, else Docker's default `bridge` on Linux
    /// EC2 and EXTERNAL (Windows' default is NAT, which ECS also calls `default`). `None` on
    /// Fargate without one (Fargate requires `awsvpc`, reported by its own rule).
    pub fn effective_network_mode(&self) -> Option<&str> {
        match &self.network_mode {
            Some(mode) => Some(mode),
            None if self.fargate || self.network_mode_unknown => None,
            None if self.windows => Some("default"),
            None => Some("bridge"),
        }
    }

    /// The task uses `awsvpc` networking (written, or required by Fargate).
    pub fn awsvpc(&self) -> bool {
        self.network_mode.as_deref() == Some("awsvpc")
            || (self.network_mode.is_none() && !self.network_mode_unknown && self.fargate)
    }

    /// The task uses `host` networking.
    pub fn host_network(&self) -> bool {
        self.network_mode.as_deref() == Some("host")
    }

    /// The task uses `bridge` networking, written or by default (not on Fargate or Windows).
    pub fn bridge(&self) -> bool {
        self.effective_network_mode() == Some("bridge")
    }
}

/// Where a service's tasks run and how it deploys, as its CreateService input says.
///
/// "Fargate" means `launchType: FARGATE` or a capacity provider strategy using `FARGATE` or
/// `FARGATE_SPOT`; a strategy of other (Auto Scaling group) providers runs on EC2. When the
/// service names neither, the cluster's default strategy decides, which a file does not
/// show: the launch type is then unknown and rules that depend on it stay quiet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFacts {
    /// `launchType` as written (not empty, not a placeholder).
    pub launch_type: Option<String>,
    /// The `capacityProvider` names of `capacityProviderStrategy` (placeholders left out).
    pub capacity_providers: Vec<String>,
    pub fargate: bool,
    pub ec2: bool,
    pub external: bool,
    /// `schedulingStrategy: DAEMON`.
    pub daemon: bool,
    /// `deploymentController.type`; `ECS` when absent; `?` when known only when deployed.
    pub controller: String,
    /// `launchType` or the capacity provider strategy is known only when deployed.
    pub launch_type_unknown: bool,
    /// `schedulingStrategy` is known only when deployed.
    pub daemon_unknown: bool,
}

/// [`ServiceFacts::controller`] when the file's value is known only when deployed.
pub const UNKNOWN_CONTROLLER: &str = "?";

impl ServiceFacts {
    pub fn new(service: Option<CreateServiceRequest<'_>>) -> Self {
        let mut facts = ServiceFacts {
            controller: "ECS".to_owned(),
            ..ServiceFacts::default()
        };
        let Some(service) = service else {
            return facts;
        };
        facts.launch_type = service
            .launch_type()
            .map(Str::value)
            .filter(|v| !v.is_empty() && !is_placeholder(v))
            .map(str::to_owned);
        if let Some(strategy) = service.capacity_provider_strategy() {
            facts.capacity_providers = strategy
                .values()
                .filter_map(|item| item.capacity_provider())
                .map(Str::value)
                .filter(|v| !v.is_empty() && !is_placeholder(v))
                .map(str::to_owned)
                .collect();
        }
        match facts.launch_type.as_deref() {
            Some("FARGATE") => facts.fargate = true,
            Some("EC2") => facts.ec2 = true,
            Some("EXTERNAL") => facts.external = true,
            _ => {}
        }
        if facts.launch_type.is_none() && !facts.capacity_providers.is_empty() {
            if facts
                .capacity_providers
                .iter()
                .any(|p| is_fargate_provider(p))
            {
                facts.fargate = true;
            } else {
                facts.ec2 = true;
            }
        }
        facts.daemon = service
            .scheduling_strategy()
            .is_some_and(|s| s.value() == "DAEMON");
        if let Some(kind) = service
            .deployment_controller()
            .and_then(|c| c.r#type())
            .map(Str::value)
            .filter(|v| !v.is_empty() && !is_placeholder(v))
        {
            facts.controller = kind.to_owned();
        }
        let controller = service.get("deploymentController");
        if controller
            .is_some_and(|c| c.is_unknown() || c.get("type").is_some_and(|t| t.is_unknown()))
        {
            facts.controller = UNKNOWN_CONTROLLER.to_owned();
        }
        // A launch type or strategy known only when deployed: neither is assumed.
        facts.launch_type_unknown = service.get("launchType").is_some_and(|n| n.is_unknown())
            || service.get("capacityProviderStrategy").is_some_and(|n| {
                n.is_unknown()
                    || n.as_array().is_some_and(|items| {
                        items.iter().any(|i| {
                            i.is_unknown()
                                || i.get("capacityProvider").is_some_and(|c| c.is_unknown())
                        })
                    })
            });
        if facts.launch_type_unknown && facts.launch_type.is_none() {
            facts.fargate = false;
            facts.ec2 = false;
        }
        facts.daemon_unknown = service
            .get("schedulingStrategy")
            .is_some_and(|n| n.is_unknown());
        facts
    }

    /// The deployment controller is known (written, or the default `ECS`).
    pub fn controller_known(&self) -> bool {
        self.controller != UNKNOWN_CONTROLLER
    }

    /// The launch type the tasks get is known from the file.
    pub fn launch_type_known(&self) -> bool {
        self.fargate || self.ec2 || self.external
    }

    /// The deployment controller is the default rolling update (`ECS`).
    pub fn ecs_controller(&self) -> bool {
        self.controller == "ECS"
    }
}

/// `FARGATE` or `FARGATE_SPOT`, the two Fargate capacity providers.
pub fn is_fargate_provider(name: &str) -> bool {
    name == "FARGATE" || name == "FARGATE_SPOT"
}
