use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a `resourceRequirements` entry of type `GPU` whose `value` is not a whole
    /// number of GPUs (1 or more).
    ///
    /// ## Why is this bad?
    /// For `GPU`, the value is "the number of physical GPUs the Amazon ECS container agent
    /// reserves for the container", written as a string: `"1"`, `"4"`. Fractions, `"0"`,
    /// units or GPU model names cannot be reserved, and the container is never placed. The
    /// reference does not name the error, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// { "name": "train", "image": "train:1", "memory": 8192, "resourceRequirements": [{ "type": "GPU", "value": "0.5" }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "name": "train", "image": "train:1", "memory": 8192, "resourceRequirements": [{ "type": "GPU", "value": "1" }] }
    /// ```
    ///
    /// ## Fix
    /// Give the number of whole GPUs the container needs; the total over the task's
    /// containers must fit the GPUs of the instance type.
    pub ResourceRequirementGpuCount {
        id: "resource-requirement-gpu-count",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (22246, 22246), quote: "If the GPU type is used, the value is the number of physical GPUs the Amazon ECS container agent reserves for the container." },
        ],
    }
}

impl ResourceRequirementGpuCount {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(containers) = doc.container_definitions else {
            return;
        };
        let gpu_values = containers
            .values()
            .filter_map(|c| c.resource_requirements())
            .flat_map(|l| l.values())
            .filter(|r| r.r#type().is_some_and(|t| t.value() == "GPU"))
            .filter_map(|r| r.value());
        for value in gpu_values {
            let v = value.value();
            if is_placeholder(v) {
                continue;
            }
            let count = v.trim().parse::<u32>().ok().filter(|n| *n >= 1);
            if count.is_none() {
                out.report(
                    &Self::META,
                    value.range(),
                    format!("a GPU requirement is a whole number of GPUs, not `{v}`"),
                )
                .help("write the number of physical GPUs to reserve, as a string: \"1\", \"2\", …");
            }
        }
    }
}
