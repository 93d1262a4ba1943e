use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an `inferenceAccelerators` entry whose `deviceName` no container references
    /// in a `resourceRequirements` entry of type `InferenceAccelerator`.
    ///
    /// ## Why is this bad?
    /// "The deviceName must also be referenced in a container definition as a
    /// ResourceRequirement": an accelerator no container uses is attached and paid for for
    /// nothing, and is usually a typo between the two names. The reference does not name the
    /// error, so this is a warning. (Elastic Inference is closed to new customers.)
    ///
    /// ## Example
    /// ```json
    /// { "inferenceAccelerators": [{ "deviceName": "device1", "deviceType": "eia2.medium" }],
    ///   "containerDefinitions": [{ "name": "model", "image": "model:1", "memory": 1024 }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "inferenceAccelerators": [{ "deviceName": "device1", "deviceType": "eia2.medium" }],
    ///   "containerDefinitions": [{ "name": "model", "image": "model:1", "memory": 1024,
    ///     "resourceRequirements": [{ "type": "InferenceAccelerator", "value": "device1" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Reference the device from the container that uses it, or remove the accelerator.
    pub InferenceAcceleratorReferenced {
        id: "inference-accelerator-referenced",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (21029, 21029), quote: "The deviceName must also be referenced in a container definition as a ResourceRequirement." },
        ],
    }
}

/// The `value`s of the containers' `InferenceAccelerator` resource requirements.
/// Some container or resource requirement is known only when deployed: it may reference any
/// accelerator.
pub(crate) fn references_unknown_device(doc: &Document<'_>) -> bool {
    let list_unknown = doc
        .task_definition
        .and_then(|t| t.get("containerDefinitions"))
        .is_some_and(|n| n.is_unknown());
    list_unknown
        || doc.container_definitions.is_some_and(|list| {
            list.nodes().iter().any(|c| {
                c.is_unknown()
                    || c.get("resourceRequirements").is_some_and(|r| {
                        r.is_unknown()
                            || r.as_array().is_some_and(|items| {
                                items.iter().any(|i| {
                                    i.is_unknown()
                                        || i.get("type").is_some_and(|t| t.is_unknown())
                                        || i.get("value").is_some_and(|t| t.is_unknown())
                                })
                            })
                    })
            })
        })
}

pub(crate) fn referenced_devices<'a>(doc: &Document<'a>) -> Vec<Str<'a>> {
    doc.container_definitions
        .into_iter()
        .flat_map(|l| l.values())
        .filter_map(|c| c.resource_requirements())
        .flat_map(|l| l.values())
        .filter(|r| {
            r.r#type()
                .is_some_and(|t| t.value() == "InferenceAccelerator")
        })
        .filter_map(|r| r.value())
        .collect()
}

impl InferenceAcceleratorReferenced {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(accelerators) = doc.task_definition.and_then(|t| t.inference_accelerators())
        else {
            return;
        };
        if references_unknown_device(doc) {
            return;
        }
        let used = referenced_devices(doc);
        for a in accelerators.values() {
            let Some(name) = a.device_name() else {
                continue;
            };
            if is_placeholder(name.value()) || used.iter().any(|u| u.value() == name.value()) {
                continue;
            }
            out.report(&Self::META, name.range(), format!("no container references the inference accelerator `{}`", name.value()))
                .help(format!("add {{\"type\": \"InferenceAccelerator\", \"value\": \"{}\"}} to the \"resourceRequirements\" of the container that uses it", name.value()));
        }
    }
}
