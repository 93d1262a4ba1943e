use crate::rules::prelude::*;
use crate::rules::task::inference_accelerator_referenced::referenced_devices;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a container `resourceRequirements` entry of type `InferenceAccelerator` whose
    /// `value` is not the `deviceName` of an `inferenceAccelerators` entry of the task.
    ///
    /// ## Why is this bad?
    /// "If the InferenceAccelerator type is used, the value matches the deviceName for an
    /// InferenceAccelerator specified in a task definition": otherwise the container asks for
    /// a device the task does not have. The reference does not name the error, so this is a
    /// warning.
    ///
    /// ## Example
    /// ```json
    /// { "inferenceAccelerators": [{ "deviceName": "device1", "deviceType": "eia2.medium" }],
    ///   "containerDefinitions": [{ "name": "model", "image": "model:1", "memory": 1024,
    ///     "resourceRequirements": [{ "type": "InferenceAccelerator", "value": "device-1" }] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "inferenceAccelerators": [{ "deviceName": "device1", "deviceType": "eia2.medium" }],
    ///   "containerDefinitions": [{ "name": "model", "image": "model:1", "memory": 1024,
    ///     "resourceRequirements": [{ "type": "InferenceAccelerator", "value": "device1" }] }] }
    /// ```
    ///
    /// ## Fix
    /// Use the `deviceName` of one of the task's accelerators, or declare the accelerator.
    pub ResourceRequirementInferenceMatchesDevice {
        id: "resource-requirement-inference-matches-device",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22248, 22248), quote: "If the InferenceAccelerator type is used, the value matches the deviceName for an InferenceAccelerator specified in a task definition." },
        ],
    }
}

impl ResourceRequirementInferenceMatchesDevice {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        // An accelerator known only when deployed may be the one referenced.
        if task.get("inferenceAccelerators").is_some_and(|l| {
            l.is_unknown()
                || l.as_array().is_some_and(|items| {
                    items.iter().any(|a| {
                        a.is_unknown() || a.get("deviceName").is_some_and(|n| n.is_unknown())
                    })
                })
        }) {
            return;
        }
        let devices: Vec<&str> = task
            .inference_accelerators()
            .into_iter()
            .flat_map(|l| l.values())
            .filter_map(|a| a.device_name().map(|n| n.value()))
            .collect();
        for value in referenced_devices(doc) {
            let v = value.value();
            if is_placeholder(v) || devices.contains(&v) {
                continue;
            }
            let help = match did_you_mean(v, devices.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None if devices.is_empty() => "declare the accelerator in the task's \"inferenceAccelerators\" with this deviceName".to_owned(),
                None => format!("use one of the task's accelerators: {}", devices.join(", ")),
            };
            out.report(
                &Self::META,
                value.range(),
                format!("the task has no inference accelerator named `{v}`"),
            )
            .help(help);
        }
    }
}
