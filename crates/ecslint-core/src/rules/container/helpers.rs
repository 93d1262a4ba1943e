//! Small matchers shared by the container, volume and security rules: ARNs, the names AWS
//! allows, secrets' `valueFrom` shapes, image references. No regex crate: each is a few lines.

/// The partitions an ARN may name.
pub(crate) const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// An ARN split into its parts: `arn:partition:service:region:account:resource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Arn<'s> {
    pub partition: &'s str,
    pub service: &'s str,
    pub region: &'s str,
    pub account: &'s str,
    /// Everything after the fifth colon (may hold more colons).
    pub resource: &'s str,
}

/// Splits `s` as an ARN; `None` unless it starts with `arn:` and has six parts.
pub(crate) fn parse_arn(s: &str) -> Option<Arn<'_>> {
    let rest = s.strip_prefix("arn:")?;
    let mut parts = rest.splitn(5, ':');
    Some(Arn {
        partition: parts.next()?,
        service: parts.next()?,
        region: parts.next()?,
        account: parts.next()?,
        resource: parts.next()?,
    })
}

/// The first character of `s` that is not a letter, digit, `_` or `-` (container, volume and
/// family names allow only those).
pub(crate) fn first_bad_name_char(s: &str) -> Option<char> {
    s.chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
}

/// How a character is shown in a message: `' '` as "a space", others quoted.
pub(crate) fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        '\n' => "a line break".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

/// An SSM parameter name: letters, digits and `_ . - /`, optionally led by `/`, up to 2048
/// characters (names with a path), with a `:version` or `:label` suffix allowed.
pub(crate) fn is_ssm_parameter_name(s: &str) -> bool {
    let name = s.split_once(':').map_or(s, |(n, _)| n);
    !name.is_empty()
        && name.len() <= 2048
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'/'))
}

/// A Secrets Manager secret name: letters, digits and `/ _ + = . @ -`, up to 512 characters.
pub(crate) fn is_secret_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 512
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'+' | b'=' | b'.' | b'@' | b'-')
        })
}

/// What a `valueFrom` (or `credentialsParameter`) refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SecretRef {
    /// `arn:…:ssm:region:account:parameter/name`.
    SsmArn,
    /// `arn:…:secretsmanager:region:account:secret:name[:json-key:version-stage:version-id]`.
    SecretsManagerArn,
    /// A bare name: an SSM parameter (for `valueFrom`) or a secret (for repository
    /// credentials) in the task's Region.
    Name,
}

/// Why a `valueFrom` is not a reference ECS can resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SecretRefError {
    /// An ARN of another service.
    OtherService(String),
    /// An ARN of the right service with a malformed part.
    Malformed(&'static str),
    /// Neither an ARN nor a valid name.
    NotAName,
}

/// Classifies a secret reference.
pub(crate) fn classify_secret_ref(s: &str) -> Result<SecretRef, SecretRefError> {
    if s.starts_with("arn:") {
        let Some(arn) = parse_arn(s) else {
            return Err(SecretRefError::Malformed(
                "an ARN has six colon-separated parts: arn:partition:service:region:account:resource",
            ));
        };
        return match arn.service {
            "ssm" => {
                if !PARTITIONS.contains(&arn.partition) {
                    Err(SecretRefError::Malformed(
                        "the partition is not one of aws, aws-cn, aws-us-gov, …",
                    ))
                } else if !arn
                    .resource
                    .strip_prefix("parameter")
                    .is_some_and(|n| n.starts_with('/') && n.len() > 1)
                {
                    Err(SecretRefError::Malformed(
                        "an SSM parameter ARN ends in `:parameter/NAME` (for a name with a path, `:parameter/prod/db`)",
                    ))
                } else {
                    Ok(SecretRef::SsmArn)
                }
            }
            "secretsmanager" => {
                if !PARTITIONS.contains(&arn.partition) {
                    return Err(SecretRefError::Malformed(
                        "the partition is not one of aws, aws-cn, aws-us-gov, …",
                    ));
                }
                let Some(rest) = arn.resource.strip_prefix("secret:") else {
                    return Err(SecretRefError::Malformed(
                        "a Secrets Manager ARN ends in `secret:name`",
                    ));
                };
                // name[:json-key[:version-stage[:version-id]]]
                let parts: Vec<&str> = rest.split(':').collect();
                if parts[0].is_empty() {
                    Err(SecretRefError::Malformed("the secret name is empty"))
                } else if parts.len() > 4 {
                    Err(SecretRefError::Malformed(
                        "after the secret name only `:json-key:version-stage:version-id` may follow",
                    ))
                } else {
                    Ok(SecretRef::SecretsManagerArn)
                }
            }
            other => Err(SecretRefError::OtherService(other.to_owned())),
        };
    }
    if is_ssm_parameter_name(s) || is_secret_name(s) {
        Ok(SecretRef::Name)
    } else {
        Err(SecretRefError::NotAName)
    }
}

/// The registry host of an image reference, when it names one (`host:port/…`,
/// `a.b/…`, `localhost/…`); Docker Hub images have none.
pub(crate) fn image_registry(image: &str) -> Option<&str> {
    let (first, _) = image.split_once('/')?;
    (first.contains('.') || first.contains(':') || first == "localhost").then_some(first)
}

/// The image is in a private Amazon ECR registry (`123456789012.dkr.ecr.region.amazonaws.com`).
pub(crate) fn is_private_ecr(image: &str) -> bool {
    image_registry(image).is_some_and(|r| r.contains(".dkr.ecr.") && r.contains(".amazonaws.com"))
}

/// The tag of an image reference (`name:tag`, `name:tag@digest`), if any.
pub(crate) fn image_tag(image: &str) -> Option<&str> {
    let without_digest = image.split_once('@').map_or(image, |(n, _)| n);
    let last = without_digest.rsplit('/').next().unwrap_or(without_digest);
    // The first path component may be `host:port`; only the last one carries the tag.
    last.split_once(':').map(|(_, t)| t)
}

/// The image is pinned by digest (`…@sha256:…`).
pub(crate) fn image_has_digest(image: &str) -> bool {
    image.contains("@sha256:") || image.contains("@sha512:")
}

/// The JSON pointer of container `index` (one definition, shared with the networking area).
pub(crate) use crate::rules::networking::helpers::container_pointer;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns() {
        let a = parse_arn("arn:aws:ssm:us-east-1:123456789012:parameter/prod/db").unwrap();
        assert_eq!(a.service, "ssm");
        assert_eq!(a.resource, "parameter/prod/db");
        assert!(parse_arn("arn:aws:ssm").is_none());
    }

    #[test]
    fn secret_refs() {
        use SecretRef::*;
        for (s, want) in [
            (
                "arn:aws:ssm:us-east-1:123456789012:parameter/prod/db",
                SsmArn,
            ),
            (
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
                SecretsManagerArn,
            ),
            (
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::",
                SecretsManagerArn,
            ),
            ("/prod/db/password", Name),
            ("DB_PASSWORD", Name),
        ] {
            assert_eq!(classify_secret_ref(s), Ok(want), "{s}");
        }
        for s in [
            "arn:aws:s3:::bucket/key",
            "arn:aws:ssm:us-east-1:123456789012:db",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:db:a:b:c:d",
            "my secret",
        ] {
            assert!(classify_secret_ref(s).is_err(), "{s}");
        }
    }

    #[test]
    fn images() {
        assert_eq!(image_tag("nginx"), None);
        assert_eq!(image_tag("nginx:1.27"), Some("1.27"));
        assert_eq!(image_tag("localhost:5000/app"), None);
        assert_eq!(image_tag("localhost:5000/app:v1"), Some("v1"));
        assert_eq!(image_tag("app@sha256:abc"), None);
        assert!(is_private_ecr(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
        ));
        assert!(!is_private_ecr("public.ecr.aws/nginx/nginx:1"));
    }
}
