use crate::rules::prelude::*;
#[allow(unused_imports)]
use crate::rules::service::helpers::*;

declare_rule! {
    /// ## What it does
    /// Reports a managed EBS `kmsKeyId` that is not a KMS key id, `alias/…`, or a key or
    /// alias ARN.
    ///
    /// ## Why is this bad?
    /// The key is checked only when the volume is created: CreateService succeeds and every
    /// task then fails to get its volume.
    ///
    /// Covers: ebs-kms-key-validated-late
    ///
    /// ## Example
    /// ```json
    /// { "managedEBSVolume": { "kmsKeyId": "my-ebs-key", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    /// Use instead:
    /// ```json
    /// { "managedEBSVolume": { "kmsKeyId": "alias/my-ebs-key", "sizeInGiB": 20, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole" } }
    /// ```
    ///
    /// ## Fix
    /// Use the key id, `alias/<name>`, or the ARN of the key or alias.
    pub EbsKmsKeyFormat {
        id: "ebs-kms-key-format",
        category: Category::Correctness,
        severity: Severity::Warning,
        fix: FixKind::None,
        sources: &[
            Source::ApiReference { lines: (23066, 23066), quote: "AWS authenticates the AWS Key Management Service key asynchronously. Therefore, if you specify an ID, alias, or ARN that is invalid, the action can appear to complete, but eventually fails." },
        ],
    }
}

fn key_id(s: &str) -> bool {
    let hex = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit());
    if let Some(rest) = s.strip_prefix("mrk-") {
        return hex(rest, 32);
    }
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5 && [8, 4, 4, 4, 12].iter().zip(&parts).all(|(n, p)| hex(p, *n))
}

fn alias(s: &str) -> bool {
    s.strip_prefix("alias/").is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b))
    })
}

fn valid(s: &str) -> bool {
    if key_id(s) || alias(s) {
        return true;
    }
    // arn:<partition>:kms:<region>:<account>:key/<id> or :alias/<name>
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "kms"
        && !parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && (parts[5].strip_prefix("key/").is_some_and(key_id) || alias(parts[5]))
}

impl EbsKmsKeyFormat {
    pub(crate) fn check<'a>(doc: &Document<'a>, out: &mut Reporter<'a>) {
        for v in managed_ebs_volumes(doc) {
            let Some(key) = v.kms_key_id() else { continue };
            let s = key.value();
            // Placeholders, and ARNs with a placeholder inside, stand for a value.
            if s.is_empty() || is_placeholder(s) || s.contains("{{") || s.contains("${") || valid(s)
            {
                continue;
            }
            let help = if !s.contains(':') && !s.contains('/') {
                format!("for an alias write \"alias/{s}\"; or use the key id or ARN")
            } else {
                "use a key id (1234abcd-12ab-34cd-56ef-1234567890ab), alias/<name>, or the key or alias ARN".to_owned()
            };
            out.report(&Self::META, key.range(), format!("\"{s}\" is not a KMS key id, alias or ARN: the volume would fail to be created"))
                .help(help);
        }
    }
}
