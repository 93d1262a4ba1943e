use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports a task definition whose JSON, without insignificant whitespace, is larger than
    /// 64 KiB.
    ///
    /// ## Why is this bad?
    /// The Amazon ECS service quotas limit a task definition to 64 KiB. Large inline
    /// environments and Docker labels are the usual cause. The exact size the API measures
    /// is not documented, so this is a warning.
    ///
    /// ## Example
    /// A task definition with thousands of `environment` entries.
    ///
    /// ## Fix
    /// Move configuration to `environmentFiles` in S3, to secrets, or to the application's
    /// own configuration store.
    pub TaskDefinitionSizeLimit {
        id: "task-definition-size-limit",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::AwsDocs { url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html", note: "Task definition size: 64 KiB (not adjustable)" }],
    }
}

/// The service quota "Task definition size", in bytes.
const MAX_BYTES: usize = 64 * 1024;

impl TaskDefinitionSizeLimit {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        let Some(task) = doc.task_definition else {
            return;
        };
        let range = task.range();
        if range.len() <= MAX_BYTES {
            return;
        }
        let size = compact_len(&doc.text[range.start..range.end]);
        if size > MAX_BYTES {
            out.report(&Self::META, opening(range), format!("the task definition is {} KiB without whitespace; ECS allows 64 KiB", size.div_ceil(1024)))
                .help("move configuration to environmentFiles in S3, to secrets, or out of the task definition");
        }
    }
}

/// The length of JSON `text` without whitespace outside strings.
fn compact_len(text: &str) -> usize {
    let (mut len, mut in_string, mut escaped) = (0, false, false);
    for b in text.bytes() {
        if in_string {
            len += 1;
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if !b.is_ascii_whitespace() {
            len += 1;
            in_string = b == b'"';
        }
    }
    len
}

#[cfg(test)]
mod tests {
    #[test]
    fn compact_len_ignores_whitespace_outside_strings() {
        assert_eq!(
            super::compact_len("{ \"a b\" : [1, 2] }"),
            "{\"a b\":[1,2]}".len()
        );
    }
}
