use crate::rules::prelude::*;
use crate::rules::service::deployment::helpers::*;

declare_rule! {
    /// ## What it does
    /// Checks each lifecycle hook's target: an `AWS_LAMBDA` hook (the default `targetType`) needs
    /// `hookTargetArn`, a Lambda function ARN (errors); a `PAUSE` hook has none (a warning).
    ///
    /// ## Why is this bad?
    /// ECS invokes the function at each of the hook's stages, and the parameter must be given for
    /// Lambda hooks. A pause hook waits for `ContinueServiceDeployment` and calls nothing. Values
    /// that are not ARNs (template tokens) are left alone.
    ///
    /// ## Example
    /// ```json
    /// { "lifecycleHooks": [{ "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"] }] }
    /// ```
    /// Use instead:
    /// ```json
    /// { "lifecycleHooks": [{ "hookTargetArn": "arn:aws:lambda:us-east-1:123456789012:function:smoke-test",
    ///   "roleArn": "arn:aws:iam::123456789012:role/ecsLambdaHookRole", "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"] }] }
    /// ```
    ///
    /// ## Fix
    /// Give the function's ARN, or set `"targetType": "PAUSE"` to wait for a manual decision.
    pub LifecycleHookTarget {
        id: "lifecycle-hook-target",
        category: Category::Correctness,
        severity: Severity::Error,
        fix: FixKind::None,
        sources: &[
            Source::BotocoreDoc { member: "DeploymentLifecycleHook.hookTargetArn", quote: "For AWS_LAMBDA hooks, this is the Lambda function ARN. This field is not applicable for PAUSE hooks. … You must provide this parameter when configuring an AWS_LAMBDA lifecycle hook." },
        ],
    }
}

impl LifecycleHookTarget {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for (i, hook) in lifecycle_hooks(doc) {
            let target = hook.member("hookTargetArn");
            match hook_type(hook) {
                Some("AWS_LAMBDA") => {
                    let Some(t) = target else {
                        let range = hook
                            .target_type()
                            .map_or_else(|| opening(hook.range()), |t| t.range());
                        out.report(&Self::META, range, "a Lambda lifecycle hook needs `hookTargetArn`, the function to invoke")
                            .help("add \"hookTargetArn\": \"arn:aws:lambda:region:account:function:name\", or set \"targetType\": \"PAUSE\"")
                            .pointer(format!("/deploymentConfiguration/lifecycleHooks/{i}/hookTargetArn"));
                        continue;
                    };
                    let Some((s, arn)) = arn_value(hook.hook_target_arn()) else {
                        continue;
                    };
                    let function = arn.service == "lambda" && arn.resource.starts_with("function:");
                    if !function {
                        out.report(&Self::META, t.value.range, format!("`hookTargetArn` `{}` is not a Lambda function ARN: only Lambda functions can be hook targets", s.value()))
                            .help("give the function's ARN: arn:aws:lambda:region:account:function:name");
                    }
                }
                Some(_) => {
                    if let Some(t) = target {
                        out.report(&Self::META, t.key.range, "a PAUSE hook invokes nothing: `hookTargetArn` is not used")
                            .help("remove `hookTargetArn`, or make it a Lambda hook (\"targetType\": \"AWS_LAMBDA\")")
                            .severity(Severity::Warning);
                    }
                }
                None => {}
            }
        }
    }
}
