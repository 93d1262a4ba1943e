use crate::rules::first_seen::FirstSeen;
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a container whose `name` is already used by another container of the task
    /// definition.
    ///
    /// ## Why is this bad?
    /// Containers are addressed by name (links, `dependsOn`, `volumesFrom`, load balancers,
    /// the proxy configuration), so names must be unique. RegisterTaskDefinition rejects a
    /// duplicate with "ClientException: Container names must be unique within a Task
    /// Definition.". It happens when a container block is copied and only its image changed.
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1" }, { "name": "app", "image": "envoy:1" }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1" }, { "name": "envoy", "image": "envoy:1" }]
    /// ```
    ///
    /// ## Fix
    /// Rename one of the containers (and the references to it).
    pub ContainerNameUnique {
        id: "container-name-unique",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::ErrorMessage { text: "ClientException: Container names must be unique within a Task Definition.", seen_in: "Shippable/support#2946" },
            Source::ApiReference { lines: (19264, 19264), quote: "the name of one container can be entered in the links of another container to connect the containers." },
        ],
    }
}

impl ContainerNameUnique {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let mut seen: FirstSeen<&'a str, Str<'a>> = FirstSeen::new();
        for c in containers.values() {
            let Some(name) = c.name() else { continue };
            if is_placeholder(name.value()) {
                continue;
            }
            if let Some(first) = seen.first_or_insert(name.value(), name) {
                out.report(&Self::META, name.range(), format!("container name `{}` is used twice", name.value()))
                    .help("give each container a unique name; links, dependsOn, volumesFrom and load balancers refer to containers by name")
                    .related(first.range(), "first used here");
            }
        }
    }
}
