use crate::rules::deploy::helpers::{place, related_evidence};
use crate::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Reports an ecspresso template variable (`{{ must_env "X" }}`) of a task or service
    /// definition that the GitHub workflow running ecspresso never sets: not in the `env:` of
    /// the workflow, the job or the step. A step that reads `--envfile` or earlier steps that
    /// write `$GITHUB_ENV` may provide anything, so the rule stays quiet there.
    ///
    /// ## Why is this bad?
    /// `must_env` of an unset variable stops ecspresso with a panic ("environment variable X is
    /// not defined"): the deploy fails before anything reaches AWS. A warning, since the
    /// runner's own environment may still set it.
    ///
    /// ## Example
    /// `"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:{{ must_env `IMAGE_TAG` }}"`
    /// with a workflow step `run: ecspresso deploy` and no `IMAGE_TAG` in any `env:`.
    ///
    /// ## Fix
    /// Set the variable in the workflow (`env: IMAGE_TAG: ${{ github.sha }}`), or use
    /// `{{ env "X" "default" }}`.
    pub EcspressoEnvNotProvided {
        id: "ecspresso-env-not-provided",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[Source::Tool {
            tool: "kayac/go-config (ecspresso's templates)",
            version: "v0.6.0 (cec48758)",
            url: "https://github.com/kayac/go-config/blob/cec48758837572cf279afc32d9b613962aae4dfd/config.go",
            note: "must_env panics \"environment variable X is not defined\" when os.LookupEnv fails (lines 140-154, 192-197)",
        }],
    }
}

impl EcspressoEnvNotProvided {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for deployment in &doc.deployments.list {
            let Some(run) = &deployment.ecspresso_run else {
                continue;
            };
            if run.env_open {
                continue;
            }
            for (range, name) in must_env_calls(doc.text) {
                if run.env.iter().any(|e| e == name) {
                    continue;
                }
                let d = out
                    .report(&Self::META, range, format!("`must_env` reads `{name}`, which the workflow that runs ecspresso ({}) does not set: ecspresso stops before deploying", place(&run.evidence)))
                    .help(format!("set `{name}` in the workflow's, the job's or the step's `env:`, or give a default with `{{{{ env \"{name}\" \"…\" }}}}`"));
                related_evidence(d, &run.evidence, "the step that runs ecspresso");
            }
        }
    }
}

/// The variables `must_env` reads in a template: `must_env "X"` and ``must_env `X` ``, with
/// the range of the name.
fn must_env_calls(text: &str) -> Vec<(TextRange, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("must_env") {
        let start = from + at + "must_env".len();
        from = start;
        let rest = &text[start..];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        // In JSON a `"` inside a string is written `\"`.
        let (open, close): (&str, &str) = if trimmed.starts_with("\\\"") {
            ("\\\"", "\\\"")
        } else if trimmed.starts_with(['"', '`', '\'']) {
            (&trimmed[..1], &trimmed[..1])
        } else {
            continue;
        };
        let body = &trimmed[open.len()..];
        let Some(end) = body.find(close) else {
            continue;
        };
        let name = &body[..end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let name_start = start + (rest.len() - trimmed.len()) + open.len();
        out.push((TextRange::new(name_start, name_start + name.len()), name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::must_env_calls;

    #[test]
    fn finds_must_env_names() {
        let text = r#"{"image": "x:{{ must_env `TAG` }}", "a": "{{ must_env \"REGION\" }}", "b": "{{ env `X` }}"}"#;
        let names: Vec<&str> = must_env_calls(text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["TAG", "REGION"]);
        let (range, _) = must_env_calls(text)[0];
        assert_eq!(&text[range.start..range.end], "TAG");
    }
}
