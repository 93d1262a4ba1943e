use crate::rules::prelude::*;
use crate::rules::references::helpers::{report_unresolved, Containers, Target};

declare_rule! {
    /// ## What it does
    /// Reports a `volumesFrom[].sourceContainer` that names no container of the task
    /// definition.
    ///
    /// ## Why is this bad?
    /// `volumesFrom` mounts the volumes of another container of the same task.
    /// RegisterTaskDefinition rejects an unknown name with "ClientException: Invalid
    /// 'volumesFrom' setting. Unknown container: 'data'.".
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "app", "image": "app:1", "volumesFrom": [{ "sourceContainer": "dta" }] },
    ///  { "name": "data", "image": "busybox:1.36", "essential": false }]
    /// ```
    /// Use instead:
    /// ```json
    /// [{ "name": "app", "image": "app:1", "volumesFrom": [{ "sourceContainer": "data" }] },
    ///  { "name": "data", "image": "busybox:1.36", "essential": false }]
    /// ```
    ///
    /// ## Fix
    /// Name an existing container (the help lists them and suggests the closest). The offered
    /// fix replaces a near-miss with the closest name; it is unsafe because another container
    /// may have been meant.
    pub VolumesFromSourceExists {
        id: "volumes-from-source-exists",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::Unsafe,
        sources: &[
            Source::ApiReference { lines: (24948, 24948), quote: "The name of another container within the same task definition to mount volumes from." },
            Source::ErrorMessage { text: "ClientException: Invalid 'volumesFrom' setting. Unknown container: 'container'.", seen_in: "eagletmt/hako#54" },
        ],
    }
}

impl VolumesFromSourceExists {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = Containers::new(doc) else {
            return;
        };
        if containers.templated {
            return;
        }
        let candidates = containers.candidates();
        for c in &containers.all {
            let Some(list) = c.def.volumes_from() else {
                continue;
            };
            for v in list.values() {
                let Some(source) = v.source_container() else {
                    continue;
                };
                let name = source.value();
                if is_placeholder(name) || containers.find(name).is_some() {
                    continue;
                }
                report_unresolved(
                    out,
                    &Self::META,
                    source.range(),
                    format!("container `{}` mounts the volumes of `{name}`, which is not a container of this task definition", c.name()),
                    name,
                    &Target { kind: "container", candidates: &candidates, exclude: Some(c.name()) },
                    str::to_owned,
                );
            }
        }
    }
}
