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
